/**
 * A network as the kernels see it: flat weights, activations and sizes, and
 * the buffers one pass over a batch writes. Nothing here validates.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import type { Loss } from '../math/loss-type.js';
import { backwardLayer, forwardLayer } from './kernels.js';
import { checkDelta, checkForward, checkLossDomain, checkLossGradient, checkLossValue } from './finite.js';

/**
 * One SGD step on the example at `x[xOffset ..]` with target `t[tOffset ..]`,
 * updating `weights` in place; returns the squared-error loss before the step.
 */
export type CompiledStep = (
  weights: readonly Float64Array[], x: ArrayLike<number>, xOffset: number,
  t: ArrayLike<number>, tOffset: number, rate: number,
) => number;

/** Layer `l` maps `sizes[l]` inputs to `sizes[l + 1]` outputs. */
export interface Model {
  readonly sizes: readonly number[];
  readonly weights: readonly Float64Array[];
  readonly activations: readonly Activation[];
  /** What models of the same sizes and activations can share; see {@link Shared}. */
  readonly shared?: Shared;
}

/**
 * Kept between calls for models of one architecture, so that a step on one
 * example allocates only what it returns: a one-row workspace (null while a
 * call is using it, so a nested call makes its own) and the compiled step
 * (undefined until first asked for).
 */
export interface Shared {
  scratch: Workspace | null;
  compiled: CompiledStep | null | undefined;
}

/** A one-row workspace for `model`: its shared one when free, else a new one. */
export function borrowWorkspace(model: Model): Workspace {
  const shared = model.shared;
  if (shared === undefined || shared.scratch === null) return createWorkspace(model, 1);
  const ws = shared.scratch;
  shared.scratch = null;
  return ws;
}

/** Gives a one-row workspace back for the next call to borrow. */
export function returnWorkspace(model: Model, ws: Workspace): void {
  if (model.shared !== undefined) model.shared.scratch = ws;
}


/**
 * The buffers of one forward and backward pass over `rows` examples; for
 * layer `l`: `z`, `a`, `delta` and `upstream = ∂L/∂a`, each `rows × sizes[l+1]`,
 * and `grads` shaped like the weights.
 */
export interface Workspace {
  readonly rows: number;
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  readonly upstream: Float64Array[];
  readonly grads: Float64Array[];
  /** Row views of the output activations and of the output's `upstream`. */
  readonly outputRows: Float64Array[];
  readonly outputGradRows: Float64Array[];
}

/** Allocates the buffers for passes over `rows` examples of `model`. */
export function createWorkspace(model: Model, rows: number): Workspace {
  const perLayer = model.weights.map((_, l) => rows * model.sizes[l + 1]);
  const last = model.weights.length - 1;
  const z = perLayer.map((size) => new Float64Array(size));
  const a = perLayer.map((size) => new Float64Array(size));
  const upstream = perLayer.map((size) => new Float64Array(size));
  return {
    rows, z, a, upstream,
    delta: perLayer.map((size) => new Float64Array(size)),
    grads: model.weights.map((w) => new Float64Array(w.length)),
    outputRows: rowViews(a[last], rows),
    outputGradRows: rowViews(upstream[last], rows),
  };
}

/** Views of each of the `rows` equal rows of `data`, sharing its memory. */
export function rowViews(data: Float64Array, rows: number): Float64Array[] {
  if (rows === 1) return [data];
  const cols = data.length / rows;
  return Array.from({ length: rows }, (_, r) => data.subarray(r * cols, (r + 1) * cols));
}

/** The input of layer `l`: the data for layer 0, else the activations below. */
export function layerInput(ws: Workspace, x: Float64Array, l: number): Float64Array {
  return l === 0 ? x : ws.a[l - 1];
}

/**
 * Forward pass of `rows` examples `x` through every layer, into `ws`;
 * refuses a layer whose `z` or `a` is not finite (a `PassFault`).
 */
export function forwardModel(model: Model, x: Float64Array, ws: Workspace): void {
  for (let l = 0; l < model.weights.length; l++) {
    const m = model.sizes[l + 1];
    forwardLayer(model.weights[l], model.sizes[l], m, model.activations[l], layerInput(ws, x, l), ws.rows, ws.z[l], ws.a[l]);
    checkForward(model.sizes, l, model.activations[l], m, ws.z[l], ws.a[l]);
  }
}

/**
 * The loss of example `r` (its output row in `ws`), checked: its output
 * and target in the loss's domain, its value a finite number.
 */
export function exampleLoss(model: Model, loss: Loss, ws: Workspace, target: ArrayLike<number>, r: number): number {
  const last = model.weights.length - 1;
  checkLossDomain(model.sizes, last, loss, ws.outputRows[r], target, r);
  return checkLossValue(model.sizes, last, loss, loss.value(ws.outputRows[r], target), r);
}

/**
 * Forward and backward pass for the batch-mean loss: fills every buffer of
 * `ws` (the weight gradients in `ws.grads`) and returns the mean loss.
 * `targetRows` are the rows of the targets, one per example. With
 * `inputGrad` (`rows × sizes[0]`), the first layer's backward pass also
 * writes `∂L/∂x = delta_0 · w_0[1..n]ᵀ` there.
 */
export function gradientModel(
  model: Model, x: Float64Array, targetRows: readonly ArrayLike<number>[], loss: Loss, ws: Workspace,
  inputGrad: Float64Array | null = null,
): number {
  forwardModel(model, x, ws);
  const last = model.weights.length - 1;
  const gradient = ws.upstream[last];
  let total = 0;
  for (let r = 0; r < ws.rows; r++) {
    total += exampleLoss(model, loss, ws, targetRows[r], r);
    loss.gradient(ws.outputRows[r], targetRows[r], ws.outputGradRows[r]);
  }
  checkLossGradient(model.sizes, last, loss, gradient);
  // The mean over the batch: each row's ∂L/∂y divided by the number of rows.
  if (ws.rows > 1) for (let k = 0; k < gradient.length; k++) gradient[k] /= ws.rows;
  for (let l = last; l >= 0; l--) {
    backwardLayer(
      model.weights[l], model.sizes[l], model.sizes[l + 1], model.activations[l],
      layerInput(ws, x, l), ws.rows, ws.z[l], ws.a[l],
      ws.upstream[l], ws.delta[l], ws.grads[l], l > 0 ? ws.upstream[l - 1] : inputGrad,
    );
    checkDelta(model.sizes, l, model.activations[l], model.sizes[l + 1], ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l]);
  }
  return total / ws.rows;
}

/** The mean loss of `rows` examples after a forward pass into `ws`. */
export function lossModel(
  model: Model, x: Float64Array, targetRows: readonly ArrayLike<number>[], loss: Loss, ws: Workspace,
): number {
  forwardModel(model, x, ws);
  let total = 0;
  for (let r = 0; r < ws.rows; r++) total += exampleLoss(model, loss, ws, targetRows[r], r);
  return total / ws.rows;
}
