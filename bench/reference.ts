/**
 * `reference`: the honest baseline of issue 4, straightforward loops over
 * flat Float64Arrays, generic in the number and size of layers, one example
 * at a time, allocating nothing per step.
 *
 * Per-example SGD fuses backward and update: one pass over a layer's weights
 * reads the old weight for the delta below and writes the new one.
 * Batches accumulate the gradient of each example, then update once.
 *
 * The arithmetic, in this order (a library doing the same gets the same bits):
 *
 *   z_j      = (-w[0][j]) + x_0 * w[1][j] + x_1 * w[2][j] + ...   (inputs in order)
 *   delta_k  = (2 * (y_k - t_k) / B) * f'(y_k)                    (output layer, B = batch size)
 *   delta_i  = (sum over k in order of w[i+1][k] * delta_k) * f'(a_i)  (old weights)
 *   g[i][j]  = sum over the batch in order of input_i * delta_j   (input_0 = -1)
 *   w[i][j]  = w[i][j] - learningRate * g[i][j]
 */
import { activate, activationCode, derivative } from './activations.js';
import type { Trainer } from './trainer.js';
import type { Workload } from './workloads.js';

/** The network and its scratch buffers, all allocated once. */
export interface LoopNet {
  readonly sizes: readonly number[];
  readonly codes: readonly number[];
  readonly weights: Float64Array[];
  /** acts[0] is the input, acts[l + 1] the activation of layer l. */
  readonly acts: Float64Array[];
  /** deltas[l] = dL/dz of layer l. */
  readonly deltas: Float64Array[];
}

/** Creates the reference trainer: fused per-example steps, or accumulated batches. */
export function createReference(workload: Workload): Trainer {
  const net = createLoopNet(workload);
  const grads = net.weights.map((w) => new Float64Array(w.length));
  const { batchSize, learningRate, count, inputs, targets } = workload;
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let start = 0; start < count; start += batchSize) {
          if (batchSize === 1) exampleStep(net, inputs, targets, start, learningRate);
          else batchStep(net, grads, inputs, targets, start, batchSize, learningRate);
        }
      }
    },
    weights: () => net.weights.map((w) => w.slice()),
  };
}

/** Copies the workload's initial weights and allocates the scratch buffers. */
export function createLoopNet(workload: Workload): LoopNet {
  const sizes = workload.sizes;
  return {
    sizes,
    codes: workload.activations.map(activationCode),
    weights: workload.initialWeights.map((w) => w.slice()),
    acts: sizes.map((size) => new Float64Array(size)),
    deltas: sizes.slice(1).map((size) => new Float64Array(size)),
  };
}

/** One SGD step on example `e`: forward, output delta, fused backward and update. */
function exampleStep(net: LoopNet, inputs: Float64Array, targets: Float64Array, e: number, learningRate: number): void {
  forward(net, inputs, e);
  outputDelta(net, targets, e, 1);
  const { sizes, codes, weights, acts, deltas } = net;
  for (let l = sizes.length - 2; l >= 0; l--) {
    const n = sizes[l], m = sizes[l + 1], w = weights[l], x = acts[l], d = deltas[l];
    for (let j = 0; j < m; j++) w[j] = w[j] - learningRate * (-1 * d[j]);
    if (l > 0) {
      const below = deltas[l - 1], code = codes[l - 1];
      for (let i = 0; i < n; i++) {
        const xi = x[i], row = (i + 1) * m;
        let s = 0;
        for (let j = 0; j < m; j++) {
          const wij = w[row + j];
          s += wij * d[j];
          w[row + j] = wij - learningRate * (xi * d[j]);
        }
        below[i] = s * derivative(code, xi);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const xi = x[i], row = (i + 1) * m;
        for (let j = 0; j < m; j++) w[row + j] = w[row + j] - learningRate * (xi * d[j]);
      }
    }
  }
}

/** One step on the mean gradient of examples `start .. start + batchSize - 1`. */
function batchStep(
  net: LoopNet, grads: Float64Array[], inputs: Float64Array, targets: Float64Array,
  start: number, batchSize: number, learningRate: number,
): void {
  for (const g of grads) g.fill(0);
  for (let e = start; e < start + batchSize; e++) {
    forward(net, inputs, e);
    outputDelta(net, targets, e, batchSize);
    accumulate(net, grads);
  }
  for (let l = 0; l < grads.length; l++) {
    const w = net.weights[l], g = grads[l];
    for (let i = 0; i < w.length; i++) w[i] = w[i] - learningRate * g[i];
  }
}

/** Backpropagates the output delta and adds this example's gradient to `grads`. */
function accumulate(net: LoopNet, grads: Float64Array[]): void {
  const { sizes, codes, weights, acts, deltas } = net;
  for (let l = sizes.length - 2; l >= 0; l--) {
    const n = sizes[l], m = sizes[l + 1], w = weights[l], g = grads[l], x = acts[l], d = deltas[l];
    for (let j = 0; j < m; j++) g[j] += -1 * d[j];
    const below = l > 0 ? deltas[l - 1] : null, code = l > 0 ? codes[l - 1] : 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i], row = (i + 1) * m;
      let s = 0;
      for (let j = 0; j < m; j++) {
        s += w[row + j] * d[j];
        g[row + j] += xi * d[j];
      }
      if (below !== null) below[i] = s * derivative(code, xi);
    }
  }
}

/** Forward pass of example `e`: acts[0] = x, acts[l + 1] = f([-1, acts[l]] . w). */
export function forward(net: LoopNet, inputs: Float64Array, e: number): void {
  const { sizes, codes, weights, acts } = net;
  const x0 = acts[0], n0 = sizes[0];
  for (let i = 0; i < n0; i++) x0[i] = inputs[e * n0 + i];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l], m = sizes[l + 1], w = weights[l], x = acts[l], a = acts[l + 1], code = codes[l];
    for (let j = 0; j < m; j++) a[j] = -1 * w[j];
    for (let i = 0; i < n; i++) {
      const xi = x[i], row = (i + 1) * m;
      for (let j = 0; j < m; j++) a[j] += xi * w[row + j];
    }
    for (let j = 0; j < m; j++) a[j] = activate(code, a[j]);
  }
}

/** Output delta for squared error: (2 * (y - t) / batchSize) * f'(y). */
export function outputDelta(net: LoopNet, targets: Float64Array, e: number, batchSize: number): void {
  const last = net.sizes.length - 1, m = net.sizes[last];
  const y = net.acts[last], d = net.deltas[last - 1], code = net.codes[last - 1];
  for (let k = 0; k < m; k++) d[k] = ((2 * (y[k] - targets[e * m + k])) / batchSize) * derivative(code, y[k]);
}
