/**
 * The passes of `flat-model.ts` and `fused-step.ts` on the SIMD kernels,
 * for a workspace whose buffers lie in an arena. The activations, their
 * derivatives and the loss stay in JavaScript (on the same arrays), so
 * only the dense products move, and they keep the plain loops' order.
 *
 * Weights that lie in the workspace's arena (the working copy of
 * `Network.train`) are used where they are; any others are first copied
 * into the workspace's mirrors (and, after an update, back).
 *
 * Products big enough (`runProduct` of `thread-pool.ts`) are shared between
 * threads, each taking a range of the output entries; every entry is still
 * one whole sum, so the bits do not depend on the number of threads.
 */
import type { Activation } from '../math/activation-type.js';
import type { Loss } from '../math/loss-type.js';
import { activate, derive } from './activate.js';
import { arenaOf, type Arena } from './arena.js';
import { checkDelta, checkForward, checkLossGradient, checkedLoss } from './finite.js';
import { runProduct } from './thread-pool.js';
import type { Op } from './thread-worker.js';

/** The arena side of a workspace. */
export interface SimdSpace {
  readonly arena: Arena;
  /** `rows × sizes[0]`: where inputs from outside the arena are copied. */
  readonly input: Float64Array;
  /** One copy per layer for weights from outside the arena, or null when made for resident weights. */
  readonly mirrors: readonly Float64Array[] | null;
  /** The byte offset of each layer's weights in the current call. */
  readonly pointers: number[];
  /** Whether each layer's input was sparse in the last forward pass (see {@link sparse}). */
  readonly sparse: boolean[];
}

/**
 * Whether at least a fifth of the first `count` inputs are zero. Sparse
 * inputs (images, ReLU outputs) go one example at a time, skipping each
 * zero; dense ones go in tiles of 4 examples, which load each weight once
 * for four. The choice changes the speed only, never the bits.
 */
function sparse(x: Float64Array, count: number): boolean {
  let zeros = 0;
  for (let k = 0; k < count; k++) if (x[k] === 0) zeros++;
  return zeros * 5 >= count;
}

/** What the passes need of a model and a workspace (the types of `flat-model.ts`, without importing it). */
interface Layers {
  readonly sizes: readonly number[];
  readonly weights: readonly Float64Array[];
  readonly activations: readonly Activation[];
}
interface Buffers {
  readonly rows: number;
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  readonly upstream: Float64Array[];
  readonly grads: Float64Array[];
  readonly outputRows: Float64Array[];
}

/**
 * Points `space.pointers` at each layer's weights, copying those from
 * outside the arena into the mirrors; false when some cannot be reached
 * (a workspace made for resident weights, given others).
 */
export function placeWeights(model: Layers, space: SimdSpace): boolean {
  for (let l = 0; l < model.weights.length; l++) {
    const w = model.weights[l];
    if (arenaOf(w) === space.arena) {
      space.pointers[l] = w.byteOffset;
    } else if (space.mirrors !== null) {
      space.mirrors[l].set(w);
      space.pointers[l] = space.mirrors[l].byteOffset;
    } else {
      return false;
    }
  }
  return true;
}

/** Copies updated mirrors back into the weights they were copied from. */
export function returnWeights(model: Layers, space: SimdSpace): void {
  if (space.mirrors === null) return;
  for (let l = 0; l < model.weights.length; l++) {
    const w = model.weights[l] as Float64Array;
    if (arenaOf(w) !== space.arena) w.set(space.mirrors[l]);
  }
}

/** The byte offset of the input `x` (`rows × n`), copied into the arena unless it lies there. */
function inputPointer(x: Float64Array, space: SimdSpace, count: number): number {
  if (arenaOf(x) === space.arena) return x.byteOffset;
  space.input.set(count === x.length ? x : x.subarray(0, count));
  return space.input.byteOffset;
}

/** Forward pass of every layer on weights already placed; returns the input's byte offset. */
export function forwardSimd(model: Layers, x: Float64Array, ws: Buffers, space: SimdSpace): number {
  const rows = ws.rows;
  const xp = inputPointer(x, space, rows * model.sizes[0]);
  for (let l = 0; l < model.weights.length; l++) {
    const n = model.sizes[l], m = model.sizes[l + 1];
    const input = l === 0 ? xp : ws.a[l - 1].byteOffset;
    const tiles = rows >= 4 && n >= 4 && m >= 4 && !sparse(l === 0 ? x : ws.a[l - 1], rows * n);
    space.sparse[l] = !tiles;
    runProduct(space.arena, tiles ? 'forwardTiles' : 'forwardRows', [space.pointers[l], n, m, input, rows, ws.z[l].byteOffset], m, 4, rows, n, m, tiles);
    activate(model.activations[l], ws.z[l], ws.a[l], 0, rows * m);
    checkForward(model.sizes, l, model.activations[l], m, ws.z[l], ws.a[l]);
  }
  return xp;
}

/**
 * Backward pass of every layer for the batch mean, given the output's
 * `upstream` already divided by the rows: deltas, `grads` and the upstream
 * of each layer below.
 */
export function backwardSimd(model: Layers, xp: number, ws: Buffers, space: SimdSpace): void {
  const rows = ws.rows;
  for (let l = model.weights.length - 1; l >= 0; l--) {
    const n = model.sizes[l], m = model.sizes[l + 1];
    derive(model.activations[l], ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l], 0, rows * m);
    checkDelta(model.sizes, l, model.activations[l], m, ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l]);
    const input = l === 0 ? xp : ws.a[l - 1].byteOffset;
    const dense = !space.sparse[l];
    const op = dense ? 'weightGrad' : 'weightGradRows';
    runProduct(space.arena, op, [n, m, input, rows, ws.delta[l].byteOffset, ws.grads[l].byteOffset], m, 4, rows, n, m, dense);
    if (l > 0) runProduct(space.arena, 'inputGrad', [space.pointers[l], n, m, rows, ws.delta[l].byteOffset, ws.upstream[l - 1].byteOffset], n, 2, rows, n, m, dense);
  }
}

/** One SGD step on one example (`ws` of one row), as `exampleStep` does it; returns the loss before it. */
export function exampleStepSimd(
  model: Layers, x: Float64Array, target: ArrayLike<number>, loss: Loss, rate: number, ws: Buffers, space: SimdSpace,
): number {
  const k = space.arena.kernels;
  const xp = forwardSimd(model, x, ws, space);
  const last = model.weights.length - 1;
  const value = checkedLoss(model.sizes, loss, ws.outputRows[0], target, 0);
  loss.gradient(ws.outputRows[0], target, ws.upstream[last]);
  checkLossGradient(model.sizes, last, loss, ws.upstream[last]);
  for (let l = last; l >= 0; l--) {
    const n = model.sizes[l], m = model.sizes[l + 1];
    derive(model.activations[l], ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l], 0, m);
    // NOTE: checked before this layer's update, as the loops do: a refused step leaves no half-updated layer behind.
    checkDelta(model.sizes, l, model.activations[l], m, ws.z[l], ws.a[l], ws.upstream[l], ws.delta[l]);
    const input = l === 0 ? xp : ws.a[l - 1].byteOffset;
    k.update(space.pointers[l], n, m, input, ws.delta[l].byteOffset, rate, l > 0 ? ws.upstream[l - 1].byteOffset : -1);
  }
  return value;
}
