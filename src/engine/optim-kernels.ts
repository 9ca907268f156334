/**
 * The optimiser updates of `wasm/kernels.wat` (its section "The optimiser
 * updates"): element-wise f64x2 loops that give the bits of the JavaScript
 * loops of `optim/updates.ts`, which call them when every array of a step
 * lies in one arena (the working copy of `Network.train` and its optimiser
 * buffers, see {@link residentZeros}), and run themselves elsewhere.
 * Pointers are byte offsets into the arena's memory; each kernel does the
 * first `count - count % 2` entries and leaves the odd last one to the
 * caller's loop.
 */
import { allocate, arenaOf, footprint, room } from './arena.js';

/** The optimiser kernels' exports (the module is the one of `simd.ts`). */
export interface OptimizerKernels {
  /** `g = g + lambda * w`. */
  decayGradient(g: number, w: number, lambda: number, count: number): void;
  /** `out = w * keep`. */
  scaleWeights(w: number, keep: number, out: number, count: number): void;
  /** SGD with momentum; `first` and `nesterov` are 0 or 1. */
  momentum(
    w: number, g: number, b: number, out: number,
    mu: number, keep: number, rate: number, first: number, nesterov: number, count: number,
  ): void;
  /**
   * Adam, with the new-gradient weights `new1 = 1 - beta1`, `new2 = 1 - beta2`
   * and the step's scalars `a = rate / c1`, `r = 1 / sqrt(c2)`.
   */
  adam(
    w: number, g: number, m: number, v: number, out: number,
    beta1: number, new1: number, beta2: number, new2: number,
    a: number, r: number, epsilon: number, count: number,
  ): void;
  /** RMSprop; `momentum` is 0 (then `b` is unused) or 1. */
  rmsprop(
    w: number, g: number, v: number, b: number, out: number,
    alpha: number, new2: number, epsilon: number, mu: number, rate: number, momentum: number, count: number,
  ): void;
}

/**
 * The kernels, when `a`, `b`, `c` and every other array given lie in one
 * arena; else null (the loops run). Fixed arity, so no array is made per call.
 */
export function optimizerKernels(
  a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array | null = null, e: Float64Array | null = null,
): OptimizerKernels | null {
  const arena = arenaOf(a);
  if (arena === undefined || arenaOf(b) !== arena || arenaOf(c) !== arena) return null;
  if ((d !== null && arenaOf(d) !== arena) || (e !== null && arenaOf(e) !== arena)) return null;
  return arena.kernels as unknown as OptimizerKernels;
}

/** The even part of `count`: the entries the kernels do. */
export function pairedLength(count: number): number {
  return count - (count % 2);
}

/** The numbers `count` buffers shaped like each of `weights` take in an arena. */
export function residentRoom(weights: readonly Float64Array[], count: number): number {
  return count * weights.reduce((total, w) => total + footprint(w.length), 0);
}

/**
 * `count` zeros in the arena `like` lies in, when it has room for them
 * (see {@link residentRoom}), else a plain array: so that an optimiser's
 * buffers sit beside the weights the kernels update.
 */
export function residentZeros(like: Float64Array, count: number): Float64Array {
  const arena = arenaOf(like);
  return arena !== undefined && room(arena) >= footprint(count) ? allocate(arena, count) : new Float64Array(count);
}
