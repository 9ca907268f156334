/**
 * Tests of src/boundary/convert.ts's `vectorOf`, the conversion of the
 * one-example fast path of `Network.sgdStep` (the rest of the module is
 * tested through the public functions that convert with it).
 *
 * Expected values: the input numbers themselves, and `toFlat`, which must
 * take as a vector of `n` numbers whatever `vectorOf` takes.
 */
import fc from 'fast-check';
import { bignumber, matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { toFlat, vectorOf } from '../../src/boundary/convert.js';

/** `values` as a mathjs matrix, or `values` itself where mathjs refuses them (ragged rows). */
function matrixOr(values: unknown[]): unknown {
  try {
    return matrix(values as number[]);
  } catch {
    return values;
  }
}

describe('vectorOf', () => {
  it('copies a mathjs vector, an array of numbers or a Float64Array of exactly n finite numbers', () => {
    const numbers = [1.5, -0, 3];
    for (const value of [matrix(numbers), numbers, Float64Array.from(numbers)]) {
      const copy = vectorOf(value, 3);
      expect(copy).toBeInstanceOf(Float64Array);
      expect(Array.from(copy!)).toEqual(numbers);
      expect(copy).not.toBe(value);
    }
  });

  it('takes nothing else: another length, a matrix, a number that is not finite, something not a number', () => {
    const refused: unknown[] = [
      [1, 2], [1, 2, 3, 4], [[1, 2, 3]], matrix([[1, 2, 3]]), [1, Number.NaN, 3], [1, 2, Number.POSITIVE_INFINITY],
      [1, '2', 3], [1, 2n, 3], matrix([bignumber(1), bignumber(2), bignumber(3)]), { length: 3, 0: 1, 1: 2, 2: 3 }, null, undefined, 3,
    ];
    for (const value of refused) expect(vectorOf(value, 3)).toBeNull();
  });

  it('takes only what toFlat takes as a vector of n numbers, with the same numbers', () => {
    const entry = fc.oneof(fc.double(), fc.constant('1'), fc.constant(null), fc.array(fc.double(), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (values, n, asMatrix) => {
        const value = asMatrix ? matrixOr(values) : values;
        const copy = vectorOf(value, n);
        if (copy === null) return;
        const flat = toFlat(value, 'test');
        expect([flat.rank, flat.cols]).toEqual([1, n]);
        expect(Array.from(copy)).toEqual(Array.from(flat.data));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
