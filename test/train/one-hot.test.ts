/**
 * Tests of src/train/one-hot.ts: `Data.oneHot`.
 *
 * Sources of expected values: "hand": row e has a 1 in column labels[e]
 * and zeros elsewhere, written out next to each assertion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, Data, ShapeError, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

describe('Data.oneHot', () => {
  it('puts a 1 in the column of each label, 1 + the largest label columns by default (hand)', () => {
    expect(Data.oneHot([0, 2, 1]).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect(Data.oneHot([0]).toArray()).toEqual([[1]]);
    expect(Data.oneHot([1, 1]).size()).toEqual([2, 2]);
  });

  it('honours classes, adding columns for classes that do not occur (hand)', () => {
    expect(Data.oneHot([1], 4).toArray()).toEqual([[0, 1, 0, 0]]);
    expect(Data.oneHot([0, 0], 2).toArray()).toEqual([[1, 0], [1, 0]]);
  });

  it('throws ValueError for a label that is not an integer >= 0', () => {
    const error = thrownBy(() => Data.oneHot([0, 0.5]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Data.oneHot: labels[1] must be a class index (an integer >= 0), got 0.5');
    expect(() => Data.oneHot([-1])).toThrow('Data.oneHot: labels[0] must be a class index (an integer >= 0), got -1');
    expect(() => Data.oneHot([0, Infinity])).toThrow('Data.oneHot: labels[1] must be finite, got Infinity');
  });

  it('throws ValueError when classes is not a positive integer or a label is not below it', () => {
    expect(() => Data.oneHot([3, 0], 3)).toThrow(ValueError);
    expect(() => Data.oneHot([3, 0], 3)).toThrow('Data.oneHot: labels[0] is class 3, but classes is 3 (classes 0 to 2)');
    expect(() => Data.oneHot([0], 0)).toThrow('Data.oneHot: classes must be a positive integer, got 0');
    expect(() => Data.oneHot([0], '2' as unknown as number)).toThrow('Data.oneHot: classes must be a positive integer, got "2"');
  });

  it('throws ShapeError for empty labels and for rows instead of labels', () => {
    expect(thrownBy(() => Data.oneHot([]))).toBeInstanceOf(ShapeError);
    expect(() => Data.oneHot([])).toThrow('Data.oneHot: labels must not be empty');
    const error = thrownBy(() => Data.oneHot([[0, 1], [1, 0]] as unknown as number[]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Data.oneHot: labels must be 1-D, one class index per example, got 2 × 2 rows');
  });

  it('does not mutate its argument', () => {
    const labels = [2, 0, 1];
    Data.oneHot(labels);
    expect(labels).toEqual([2, 0, 1]);
  });

  it('gives rows of one 1 whose argmax is the label back, read as labels by accuracy (property)', () => {
    const cases = fc.integer({ min: 2, max: 6 }).chain((m) =>
      fc.record({ m: fc.constant(m), labels: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: 20 }) }),
    );
    fc.assert(
      fc.property(cases, ({ m, labels }) => {
        const rows = Data.oneHot(labels, m).toArray() as number[][];
        expect(rows).toHaveLength(labels.length);
        rows.forEach((row, e) => {
          expect(row).toHaveLength(m);
          expect(row.reduce((a, b) => a + b, 0)).toBe(1);
          expect(row.indexOf(Math.max(...row))).toBe(labels[e]);
        });
        expect(accuracy(labels, rows)).toBe(1);
      }),
      { seed: 31, numRuns: 100 },
    );
  });
});
