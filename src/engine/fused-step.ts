/**
 * One stochastic-gradient step on one example, in place: the forward pass,
 * then, from the output layer down, each layer's deltas, the upstream
 * gradient for the layer below (with this layer's old weights) and this
 * layer's update, fused into one pass over its weights.
 *
 * It computes exactly what `gradientModel` followed by `stepWeights` does,
 * in the same order, without the gradient buffers' extra pass.
 */
import type { Loss } from '../math/loss-type.js';
import { derive } from './activate.js';
import { exampleLoss, forwardModel, layerInput, type Model, type Workspace } from './flat-model.js';
import { checkDelta, checkLossGradient } from './finite.js';
import { exampleStepSimd, placeWeights, returnWeights } from './wasm-pass.js';

/**
 * Updates `model.weights` in place by one step of size `rate` on the example
 * `x` with target `target`, using `ws` (made for one row); returns the loss
 * before the step.
 */
export function exampleStep(
  model: Model, x: Float64Array, target: ArrayLike<number>, loss: Loss, rate: number, ws: Workspace,
): number {
  if (ws.simd !== null && placeWeights(model, ws.simd)) {
    const value = exampleStepSimd(model, x, target, loss, rate, ws, ws.simd);
    returnWeights(model, ws.simd);
    return value;
  }
  forwardModel(model, x, ws);
  const last = model.weights.length - 1;
  const value = exampleLoss(model, loss, ws, target, 0);
  loss.gradient(ws.outputRows[0], target, ws.upstream[last]);
  checkLossGradient(model.sizes, last, loss, ws.upstream[last]);
  for (let l = last; l >= 0; l--) {
    const m = model.sizes[l + 1];
    derive(model.activations[l], ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l], 0, m);
    // NOTE: checked before this layer's update; a refused step throws, and every caller then drops its copy of the weights.
    checkDelta(model.sizes, l, model.activations[l], m, ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l]);
    updateLayer(model.weights[l], model.sizes[l], m, layerInput(ws, x, l), ws.delta[l], rate, l > 0 ? ws.upstream[l - 1] : null);
  }
  return value;
}

/**
 * `w -= rate · [-1, x]ᵀ · delta`, and, when `below` is given, first
 * `below = delta · w[1..n]ᵀ` with the old weights, in one pass.
 */
function updateLayer(
  w: Float64Array, n: number, m: number, x: Float64Array, delta: Float64Array,
  rate: number, below: Float64Array | null,
): void {
  for (let j = 0; j < m; j++) w[j] = w[j] - rate * (0 - delta[j]);
  if (below === null) {
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      if (xi === 0) continue;
      for (let j = 0, wi = (i + 1) * m; j < m; j++) w[wi + j] = w[wi + j] - rate * (xi * delta[j]);
    }
    return;
  }
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) updateFour(w, m, x, delta, rate, below, i);
  for (let i = n4; i < n; i++) {
    const xi = x[i];
    let sum = 0;
    for (let j = 0, wi = (i + 1) * m; j < m; j++) {
      const wij = w[wi + j];
      sum += wij * delta[j];
      w[wi + j] = wij - rate * (xi * delta[j]);
    }
    below[i] = sum;
  }
}

/**
 * Rows `i + 1 .. i + 4` of `w` (inputs `i .. i + 3`) at once: four sums
 * for `below`, each over the neurons in order, and their updates. Four
 * independent sums keep the adder busy where one would wait on itself.
 */
function updateFour(
  w: Float64Array, m: number, x: Float64Array, delta: Float64Array, rate: number, below: Float64Array, i: number,
): void {
  const x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
  const r0 = (i + 1) * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let j = 0; j < m; j++) {
    const d = delta[j];
    const w0 = w[r0 + j], w1 = w[r1 + j], w2 = w[r2 + j], w3 = w[r3 + j];
    s0 += w0 * d; s1 += w1 * d; s2 += w2 * d; s3 += w3 * d;
    w[r0 + j] = w0 - rate * (x0 * d);
    w[r1 + j] = w1 - rate * (x1 * d);
    w[r2 + j] = w2 - rate * (x2 * d);
    w[r3 + j] = w3 - rate * (x3 * d);
  }
  below[i] = s0; below[i + 1] = s1; below[i + 2] = s2; below[i + 3] = s3;
}
