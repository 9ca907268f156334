/**
 * Floating-point operations per example of a workload, to turn examples per
 * second into GFLOP/s, and the machine's single-core SIMD peak to compare
 * them with.
 *
 * Per layer of `n` inputs and `m` neurons (bias row included, `B` the batch size):
 *
 *   forward             2 (n + 1) m          a multiply and an add per weight
 *   per example update  3 (n + 1) m          w - rate (x delta): two multiplies, a subtract
 *   batch gradient      2 (n + 1) m          summed over the batch
 *   batch update        2 (n + 1) m / B      once per batch
 *   deltas below        2 n m                every layer but the first
 *
 * `dense` counts every weight; `performed` counts, in the first layer, only
 * the inputs that are not zero (their terms are skipped by the kernels one
 * example at a time; the batch tiles skip a step only when four examples'
 * inputs are all zero, so for batches it is a lower bound). Activations and
 * the loss, O(m) per layer, are left out.
 */
import { createArena } from '../src/engine/arena.js';
import type { Workload } from './workloads.js';

export interface Flops {
  readonly dense: number;
  readonly performed: number;
}

/** Operations per example of `workload`, averaged over its examples. */
export function flopsOf(workload: Workload): Flops {
  const { sizes, batchSize: B, inputs, count } = workload;
  let nonzero = 0;
  for (let k = 0; k < count * sizes[0]; k++) if (inputs[k] !== 0) nonzero++;
  const count0 = nonzero / count;
  const total = (first: number) => {
    let sum = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const n = l === 0 ? first : sizes[l];
      const m = sizes[l + 1];
      const weights = (n + 1) * m;
      sum += 2 * weights + (B === 1 ? 3 * weights : 2 * weights + (2 * (sizes[l] + 1) * m) / B);
      if (l > 0) sum += 2 * sizes[l] * m;
    }
    return sum;
  };
  return { dense: total(sizes[0]), performed: total(count0) };
}

/**
 * The single-core peak of the SIMD kernels' arithmetic, in GFLOP/s: the
 * best of a few timings of the `peak` kernel (8 independent f64x2
 * multiply-then-add chains on registers, 32 flops a round). Null without
 * WebAssembly SIMD.
 */
export function measurePeak(): number | null {
  const arena = createArena(16);
  if (arena === null) return null;
  const rounds = 2 ** 22;
  let best = 0;
  for (let trial = 0; trial < 7; trial++) {
    const start = performance.now();
    arena.kernels.peak(rounds, 1 + trial);
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, (32 * rounds) / seconds / 1e9);
  }
  return best;
}
