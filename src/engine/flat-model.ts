/**
 * A network as the kernels see it: flat weights, activations and sizes, and
 * the buffers one pass over a batch writes. Nothing here validates.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import type { Loss } from '../math/loss-type.js';
import { backwardLayer, forwardLayer } from './kernels.js';
import { allocate, arenaOf, createArena, footprint, room, type Arena } from './arena.js';
import { simdMode } from './simd.js';
import { backwardSimd, forwardSimd, placeWeights, type SimdSpace } from './wasm-pass.js';
import { checkDelta, checkForward, checkLossGradient, checkedLoss } from './finite.js';
import { copyWeights } from './slab.js';

/**
 * SGD steps, in place, on the examples `order[start ..]` before `end`
 * (null: rows `start ..` in turn) of `x` (`sizes[0]` numbers per example)
 * with the targets `targets[row]`, as the compiled straight-line code runs
 * them: it reads the rate from `io[0]`, adds each example's squared-error
 * loss before its step to `io[1]`, and returns the position it reached:
 * `end`, or the first example whose `z`, loss or delta is not finite,
 * which it leaves unstepped.
 */
export type StraightStep = (
  weights: readonly Float64Array[], x: Float64Array, targets: readonly Float64Array[],
  order: Uint32Array | null, start: number, end: number, io: Float64Array,
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
  compiled: StraightStep | null | undefined;
}

/** A one-row workspace for `model`: its shared one when free, else a new one. */
export function borrowWorkspace(model: Model): Workspace {
  const shared = model.shared;
  if (shared === undefined || shared.scratch === null) return createWorkspace(model, 1, shared !== undefined);
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
  /** The arena the buffers lie in, when the passes take the SIMD kernels; else null. */
  readonly simd: SimdSpace | null;
}

/** Models with fewer weights than this keep to the loops: a call into WebAssembly costs more than they do. */
const SIMD_MIN_WEIGHTS = 128;
/** Workspaces of more numbers than this (2 GiB) keep to the loops rather than copy their input into an arena. */
const SIMD_MAX_NUMBERS = 2 ** 28;

/** The numbers a workspace for `rows` examples takes from an arena: its buffers and the input. */
function workspaceFootprint(model: Model, rows: number): number {
  let total = footprint(rows * model.sizes[0]);
  for (let l = 0; l < model.weights.length; l++) total += 4 * footprint(rows * model.sizes[l + 1]) + footprint(model.weights[l].length);
  return total;
}

/** Whether the SIMD kernels pay for a model of this size. */
function large(model: Model): boolean {
  return simdMode() === 'always' || model.weights.reduce((total, w) => total + w.length, 0) >= SIMD_MIN_WEIGHTS;
}

/** Workspaces of fewer rows than this, used once, keep to the loops rather than copy the weights into an arena. */
const SIMD_MIN_ROWS = 4;

/**
 * The arena for a new workspace: the one holding the model's weights when
 * it has room (no mirrors needed), else a new one with mirrors, or null
 * when the model is too small or too large for the kernels, or there are
 * none, or copying the weights in would cost more than the pass (a few rows
 * through a workspace that is not `kept` for later calls).
 */
function arenaFor(model: Model, rows: number, kept: boolean): { arena: Arena; mirrors: boolean } | null {
  const need = workspaceFootprint(model, rows);
  const home = arenaOf(model.weights[0]);
  if (home !== undefined && model.weights.every((w) => arenaOf(w) === home) && room(home) >= need) return { arena: home, mirrors: false };
  const weights = model.weights.reduce((total, w) => total + footprint(w.length), 0);
  if (!large(model) || need + weights > SIMD_MAX_NUMBERS) return null;
  if (rows < SIMD_MIN_ROWS && !kept && simdMode() !== 'always') return null;
  const arena = createArena(need + weights);
  return arena === null ? null : { arena, mirrors: true };
}

/**
 * Allocates the buffers for passes over `rows` examples of `model`, in an
 * arena when the SIMD kernels pay; `kept` says the workspace serves many
 * calls (the one-row workspace a model's architecture shares).
 */
export function createWorkspace(model: Model, rows: number, kept = false): Workspace {
  const place = arenaFor(model, rows, kept);
  const make = place === null ? (size: number) => new Float64Array(size) : (size: number) => allocate(place.arena, size);
  const perLayer = model.weights.map((_, l) => rows * model.sizes[l + 1]);
  const last = model.weights.length - 1;
  const z = perLayer.map(make);
  const a = perLayer.map(make);
  const upstream = perLayer.map(make);
  const delta = perLayer.map(make);
  const grads = model.weights.map((w) => make(w.length));
  const simd: SimdSpace | null = place === null ? null : {
    arena: place.arena,
    input: make(rows * model.sizes[0]),
    mirrors: place.mirrors ? model.weights.map((w) => make(w.length)) : null,
    pointers: model.weights.map(() => 0),
    sparse: model.weights.map(() => false),
  };
  return {
    rows, z, a, upstream, delta, grads, simd,
    outputRows: rowViews(a[last], rows),
    outputGradRows: rowViews(upstream[last], rows),
  };
}

/**
 * A working copy of `model`'s weights for training, in an arena with room
 * for workspaces of each of `rows` examples, so that the SIMD kernels update
 * the weights where they lie, and `extra` numbers more (an optimiser's
 * buffers); a plain copy where the kernels do not pay.
 */
export function workingCopy(model: Model, rows: readonly number[], extra = 0): Model {
  const arena = large(model) ? workingArena(model, rows, extra) : null;
  const weights = arena === null ? copyWeights(model.weights) : model.weights.map((w) => {
    const view = allocate(arena, w.length);
    view.set(w);
    return view;
  });
  const { sizes, activations, shared } = model;
  return shared === undefined ? { sizes, weights, activations } : { sizes, weights, activations, shared };
}

/** The arena of a working copy: its weights, workspaces of each of `rows` examples and `extra` numbers; null when too large or none. */
function workingArena(model: Model, rows: readonly number[], extra: number): Arena | null {
  let need = extra;
  for (const w of model.weights) need += footprint(w.length);
  for (const r of rows) need += workspaceFootprint(model, r);
  return need > SIMD_MAX_NUMBERS ? null : createArena(need, true);
}

/** Views of each of the `rows` equal rows of `data`, sharing its memory. */
export function rowViews(data: Float64Array, rows: number): Float64Array[] {
  if (rows === 1) return [data];
  const cols = data.length / rows;
  const views = new Array<Float64Array>(rows);
  for (let r = 0; r < rows; r++) views[r] = data.subarray(r * cols, (r + 1) * cols);
  return views;
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
  if (ws.simd !== null && placeWeights(model, ws.simd)) {
    forwardSimd(model, x, ws, ws.simd);
    return;
  }
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
  return checkedLoss(model.sizes, loss, ws.outputRows[r], target, r);
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
  const simd = ws.simd !== null && placeWeights(model, ws.simd) ? ws.simd : null;
  const xp = simd !== null ? forwardSimd(model, x, ws, simd) : (forwardModel(model, x, ws), 0);
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
  if (simd !== null) {
    backwardSimd(model, xp, ws, simd);
    return total / ws.rows;
  }
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
