/**
 * The numbers the kit draws: spread evenly over a range, not over the
 * doubles in it.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Bounds } from './options.js';

/** How many steps a range is cut into. */
const STEPS = 2 ** 24;

/**
 * Numbers in `range`, on a grid of about `2^24` equal steps through the
 * value of the range nearest 0 (its origin), the ends included:
 * `origin + k · h` with `h = (max - min) / 2^24`, clamped to the range.
 *
 * NOTE: `fc.double` picks among the doubles of the range, and most doubles
 * in [-1, 1] are tiny (below 1e-100), so most weights and inputs would be
 * nearly 0 and an activation would be tried almost only there. Here the
 * values spread evenly over the range, while fast-check's bias for the
 * integer `k` still brings 0, the ends and small values up often, and a
 * failing value shrinks towards the origin. A range too narrow for the
 * grid (under about 1e-316 wide) falls back to `fc.double`.
 */
export function numberArbitrary(range: Bounds): fc.Arbitrary<number> {
  const { min, max } = range;
  if (min === max) return fc.constant(min);
  const h = (max - min) / STEPS;
  if (!(h > 0)) return fc.double({ min, max, noNaN: true });
  const origin = Math.min(Math.max(0, min), max);
  const below = Math.ceil((origin - min) / h);
  const above = Math.ceil((max - origin) / h);
  return fc.integer({ min: -below, max: above }).map((k) => Math.min(Math.max(origin + k * h, min), max));
}

/** `size` numbers in `range`. */
export function vectorArbitrary(size: number, range: Bounds): fc.Arbitrary<number[]> {
  return fc.array(numberArbitrary(range), { minLength: size, maxLength: size });
}

/** `rows × columns` numbers in `range`. */
export function matrixArbitrary(rows: number, columns: number, range: Bounds): fc.Arbitrary<number[][]> {
  return fc.array(vectorArbitrary(columns, range), { minLength: rows, maxLength: rows });
}
