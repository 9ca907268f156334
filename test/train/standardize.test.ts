/**
 * Tests of src/train/standardize.ts: `Data.fitStandardizer` and
 * `Data.standardize`.
 *
 * Sources of expected values: "hand", from the definitions mean = Σ x / B
 * and the population std = sqrt(Σ (x - mean)^2 / B): column [1, 2, 3] has
 * mean 2 and std sqrt((1 + 0 + 1) / 3) = sqrt(2/3) = 0.8164965809277260
 * (Python: `math.sqrt(2 / 3)`); column [0, 4] has mean 2 and std 2 (a sample
 * std would be 2.83); [10, 20] has mean 15 and std 5; [1e200, -1e200] has
 * mean 0 and std 1e200, whose squares overflow float64.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Data, ShapeError, ValueError } from '../../src/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

describe('Data.fitStandardizer', () => {
  it('returns the mean and population std of each column (hand)', () => {
    const { mean, std } = Data.fitStandardizer([[1, 0, 10], [2, 4, 20], [3, 2, 15]]);
    expect(mean).toEqual([2, 2, 15]);
    expectMatrixClose(std, [0.816496580927726, Math.sqrt(8 / 3), Math.sqrt(50 / 3)], { rtol: 1e-15, atol: 0 });
    expect(Data.fitStandardizer([[0, 10], [4, 20]])).toEqual({ mean: [2, 15], std: [2, 5] });
  });

  it('gives a constant column its value as mean and std 1 (hand: [0.1, 0.1, 0.1], whose float sum / 3 is not 0.1)', () => {
    expect(Data.fitStandardizer([[0.1, 1], [0.1, 2], [0.1, 3]]).mean[0]).toBe(0.1);
    expect(Data.fitStandardizer([[0.1, 1], [0.1, 2], [0.1, 3]]).std[0]).toBe(1);
    // One example: every column is constant.
    expect(Data.fitStandardizer([3, -4])).toEqual({ mean: [3, -4], std: [1, 1] });
  });

  it('stays finite where the squares overflow or underflow (hand: ±1e200 has std 1e200, ±1e-200 std 1e-200)', () => {
    expect(Data.fitStandardizer([[1e200], [-1e200]])).toEqual({ mean: [0], std: [1e200] });
    expect(Data.fitStandardizer([[1e-200], [-1e-200]])).toEqual({ mean: [0], std: [1e-200] });
  });

  it('accepts a mathjs matrix', () => {
    expect(Data.fitStandardizer(matrix([[0, 10], [4, 20]]))).toEqual({ mean: [2, 15], std: [2, 5] });
  });

  it('throws ValueError for a non-finite entry, and when the deviations overflow float64', () => {
    const error = thrownBy(() => Data.fitStandardizer([[1, 2], [NaN, 3]]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Data.fitStandardizer: rows[1][0] must be finite, got NaN');
    // mean 1.7e308 / 3; -1.7e308 - mean overflows
    expect(() => Data.fitStandardizer([[1.7e308], [-1.7e308], [1.7e308]])).toThrow(
      "Data.fitStandardizer: column 0's standard deviation cannot be computed in float64 (it came out as Infinity)",
    );
  });

  it('throws ShapeError for empty or ragged rows', () => {
    expect(thrownBy(() => Data.fitStandardizer([]))).toBeInstanceOf(ShapeError);
    expect(() => Data.fitStandardizer([])).toThrow('Data.fitStandardizer: rows must not be empty');
    expect(() => Data.fitStandardizer([[1, 2], [3]])).toThrow('Data.fitStandardizer: rows must be rectangular: row 0 has 2 entries but row 1 has 1');
  });

  it('does not mutate its argument and returns arrays the caller owns', () => {
    const rows = [[1, 2], [3, 5]];
    const fitted = Data.fitStandardizer(rows);
    expect(rows).toEqual([[1, 2], [3, 5]]);
    fitted.mean.push(7);
    expect(Data.fitStandardizer(rows).mean).toEqual([2, 3.5]);
  });
});

describe('Data.standardize', () => {
  const standardizer = { mean: [2, 15], std: [2, 5] };

  it('returns (x - mean) / std, column by column (hand)', () => {
    expect(Data.standardize([[0, 10], [4, 20], [3, 15]], standardizer).toArray()).toEqual([[-1, -1], [1, 1], [0.5, 0]]);
  });

  it('keeps the shape: one example (1-D) gives 1-D', () => {
    expect(Data.standardize([6, 5], standardizer).toArray()).toEqual([2, -2]);
    expect(Data.standardize(matrix([[2, 15]]), standardizer).toArray()).toEqual([[0, 0]]);
  });

  it('turns a constant column into zeros with the standardizer fitted on it (hand)', () => {
    const rows = [[0.1, 1], [0.1, 3]];
    expect(Data.standardize(rows, Data.fitStandardizer(rows)).toArray()).toEqual([[0, -1], [0, 1]]);
  });

  it('throws ShapeError when the rows do not have one column per mean', () => {
    const error = thrownBy(() => Data.standardize([[1, 2, 3]], standardizer));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Data.standardize: rows must have 2 entries per row, got 3');
    expect(() => Data.standardize([1], standardizer)).toThrow('Data.standardize: rows must have 2 entries, got 1');
    expect(() => Data.standardize([1], { mean: [0, 0], std: [1] })).toThrow(
      'Data.standardize: standardizer.mean and standardizer.std must be 1-D and of one length, got [1, 2] and [1, 1]',
    );
  });

  it('throws ValueError for a standardizer that is not one, or a std that is not positive', () => {
    const error = thrownBy(() => Data.standardize([1], { mean: [0], std: [0] }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Data.standardize: standardizer.std[0] must be positive, got 0');
    expect(() => Data.standardize([1], null as never)).toThrow(
      'Data.standardize: standardizer must be an object { mean, std } from Data.fitStandardizer, got null',
    );
    expect(() => Data.standardize([1], { mean: [0] } as never)).toThrow(
      'Data.standardize: standardizer.std must be a mathjs Matrix or an array of numbers, got undefined',
    );
    expect(() => Data.standardize([NaN], { mean: [0], std: [1] })).toThrow('Data.standardize: rows[0] must be finite, got NaN');
  });

  it('throws ValueError when a result overflows float64', () => {
    expect(() => Data.standardize([[1e308]], { mean: [-1e308], std: [0.5] })).toThrow(
      'Data.standardize: row 0, column 0 came out as Infinity: (1e+308 - -1e+308) / 0.5 overflows float64',
    );
  });

  it('does not mutate its arguments', () => {
    const rows = [[0, 10], [4, 20]];
    const own = { mean: [2, 15], std: [2, 5] };
    Data.standardize(rows, own);
    expect(rows).toEqual([[0, 10], [4, 20]]);
    expect(own).toEqual({ mean: [2, 15], std: [2, 5] });
  });

  it('gives every column mean 0 and std 1 on the rows it was fitted on, constant columns 0 (property)', () => {
    const cases = fc
      .record({ rows: fc.integer({ min: 2, max: 12 }), cols: fc.integer({ min: 1, max: 4 }) })
      .chain(({ rows, cols }) =>
        fc.array(fc.array(fc.integer({ min: -4000, max: 4000 }).map((k) => k / 8), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(cases, (rows) => {
        const z = Data.standardize(rows, Data.fitStandardizer(rows)).toArray() as number[][];
        for (let c = 0; c < rows[0].length; c++) {
          const column = z.map((row) => row[c]);
          const mean = column.reduce((a, b) => a + b, 0) / column.length;
          const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length;
          if (rows.every((row) => row[c] === rows[0][c])) {
            expect(column.every((v) => v === 0)).toBe(true);
          } else {
            // entries are multiples of 1/8 of size <= 500, so sums are exact and only the divisions round
            expect(Math.abs(mean)).toBeLessThan(1e-12);
            expect(Math.abs(variance - 1)).toBeLessThan(1e-12);
          }
        }
      }),
      { seed: 2024, numRuns: 100 },
    );
  });
});
