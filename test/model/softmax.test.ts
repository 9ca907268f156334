/**
 * Tests of src/model/softmax.ts: `softmax`, row by row and stable.
 *
 * Sources of expected values: "hand", worked out in the comment next to
 * the assertion: softmax([0, 0]) = [1/2, 1/2]; softmax([0, ln 3]) =
 * [1, 3] / 4; softmax([1, 2, 3]) = [e^-2, e^-1, 1] / (e^-2 + e^-1 + 1),
 * whose decimals were computed with Python's `decimal` at 40 digits
 * (`[D(k).exp() / sum(...) for k in (1, 2, 3)]`: 0.0900305731703804580,
 * 0.2447284710547976525, 0.6652409557748218895); and
 * softmax([1000, -1000]) = [1, e^-2000 / (1 + e^-2000)], which is [1, 0] in
 * float64. The property tests compare with `Loss.softmaxCrossEntropy`'s
 * gradient, `softmax(z) - t` for a one-hot `t`.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Loss, ShapeError, softmax, ValueError } from '../../src/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

const SEEDED = { seed: 4242, numRuns: 100 };
const logit = fc.double({ min: -50, max: 50, noNaN: true });
const rowOf = (length: number) => fc.array(logit, { minLength: length, maxLength: length });
const batches = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) => fc.array(rowOf(cols), { minLength: rows, maxLength: rows }));

describe('softmax', () => {
  it('returns [1/2, 1/2] for equal logits and [1/4, 3/4] for [0, ln 3] (hand)', () => {
    expect(softmax([0, 0]).toArray()).toEqual([0.5, 0.5]);
    expectMatrixClose(softmax([0, Math.log(3)]), [0.25, 0.75], { rtol: 1e-15, atol: 0 });
  });

  it('returns [e^-2, e^-1, 1] / (e^-2 + e^-1 + 1) for [1, 2, 3] (hand)', () => {
    expectMatrixClose(softmax([1, 2, 3]), [0.090030573170380458, 0.24472847105479765, 0.66524095577482189], {
      rtol: 1e-15,
      atol: 0,
    });
  });

  it('is stable for logits like ±1000 (hand: [1000, -1000] gives [1, 0], [1000, 1000] gives [1/2, 1/2])', () => {
    expect(softmax([1000, -1000]).toArray()).toEqual([1, 0]);
    expect(softmax([1000, 1000]).toArray()).toEqual([0.5, 0.5]);
    expect(softmax([-1000, -1000, -1000]).toArray().every((p) => Math.abs((p as number) - 1 / 3) < 1e-16)).toBe(true);
  });

  it('returns 1 for a single logit, whatever it is', () => {
    expect(softmax([-7]).toArray()).toEqual([1]);
    expect(softmax([[3], [1e6]]).toArray()).toEqual([[1], [1]]);
  });

  it('keeps the shape: 1-D gives 1-D, a batch gives one row per example, each on its own', () => {
    const batch = softmax([[0, 0], [1000, -1000], [0, Math.log(3)]]);
    expect(batch.size()).toEqual([3, 2]);
    expectMatrixClose(batch, [[0.5, 0.5], [1, 0], [0.25, 0.75]], { rtol: 1e-15, atol: 0 });
    expect(softmax([[0, 0]]).size()).toEqual([1, 2]);
    expect(softmax(matrix([2, 2])).toArray()).toEqual([0.5, 0.5]);
  });

  it('throws ValueError for a logit that is not a finite number', () => {
    const error = thrownBy(() => softmax([0, NaN]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('softmax: logits[1] must be finite, got NaN');
    expect(() => softmax([[0, 1], [Infinity, 0]])).toThrow('softmax: logits[1][0] must be finite, got Infinity');
    expect(() => softmax('0, 1' as never)).toThrow('softmax: logits must be a mathjs Matrix or an array of numbers, got "0, 1" (a string)');
  });

  it('throws ShapeError for empty or ragged logits', () => {
    expect(thrownBy(() => softmax([]))).toBeInstanceOf(ShapeError);
    expect(() => softmax([])).toThrow('softmax: logits must not be empty');
    expect(() => softmax([[1, 2], [3]])).toThrow('softmax: logits must be rectangular: row 0 has 2 entries but row 1 has 1');
  });

  it('does not mutate its argument', () => {
    const logits = [[1, 2, 3], [0, -1, 5]];
    const m = matrix([4, 5]);
    softmax(logits);
    softmax(m);
    expect(logits).toEqual([[1, 2, 3], [0, -1, 5]]);
    expect(m.toArray()).toEqual([4, 5]);
  });

  it("equals, bit for bit, the softmax inside Loss.softmaxCrossEntropy's gradient (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(rowOf), (z) => {
        const probabilities = softmax(z).toArray() as number[];
        // With the one-hot target e_0 the gradient is softmax(z) - e_0: entries 1.. are softmax(z) itself.
        for (const hot of [0, 1]) {
          const target = z.map((_, k) => (k === hot ? 1 : 0));
          const gradient = new Float64Array(z.length);
          Loss.softmaxCrossEntropy.gradient(z, target, gradient);
          gradient.forEach((g, k) => {
            if (k !== hot) expect(g).toBe(probabilities[k]);
          });
          // and the loss is -ln softmax(z)_hot
          expect(Loss.softmaxCrossEntropy.value(z, target)).toBeCloseTo(-Math.log(probabilities[hot]), 9);
        }
      }),
      SEEDED,
    );
  });

  it('gives rows of positive numbers that sum to 1 and keep the order of the logits (property)', () => {
    fc.assert(
      fc.property(batches, (rows) => {
        const result = softmax(rows).toArray() as number[][];
        result.forEach((row, r) => {
          expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-15 * row.length);
          row.forEach((p, k) => {
            expect(p).toBeGreaterThan(0);
            for (let j = 0; j < row.length; j++) if (rows[r][j] < rows[r][k]) expect(row[j]).toBeLessThanOrEqual(p);
          });
        });
      }),
      SEEDED,
    );
  });

  it('does not change when the same number is added to every logit of a row (property)', () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: -100, max: 100 }), (rows, shift) => {
        const shifted = rows.map((row) => row.map((z) => z + shift));
        // z + shift rounds by up to half an ulp of 150, so exp(z - max) moves by a relative 1e-14 at most.
        expectMatrixClose(softmax(shifted), softmax(rows), { rtol: 1e-12, atol: 0 });
      }),
      SEEDED,
    );
  });
});
