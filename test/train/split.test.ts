/**
 * Tests of src/train/split.ts: `Data.split`.
 *
 * Sources of expected values: test/fixtures/random-golden.py, an
 * independent Python implementation of the generator, its Fisher–Yates
 * shuffle and the split as documented (`python3
 * test/fixtures/random-golden.py` prints the two splits below); the test
 * counts are worked by hand from `Math.round(testFraction · rows)`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Data, ShapeError, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const SEEDED = { seed: 5150, numRuns: 60 };
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const ascending = (rows: readonly number[]): number[] => [...rows].sort((a, b) => a - b);

describe('Data.split', () => {
  it('returns the golden split of random-golden.py for 10 rows, testFraction 0.3, seed 7', () => {
    expect(Data.split(10, { testFraction: 0.3, seed: 7 })).toEqual({ train: [5, 7, 6, 8, 3, 4, 9], test: [1, 0, 2] });
  });

  it('returns the golden stratified split of random-golden.py (hand: round(0.25 · 5), round(0.25 · 4), round(0.25 · 3) are 1 each)', () => {
    const labels = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1];
    expect(Data.split(12, { testFraction: 0.25, seed: 11, stratify: labels })).toEqual({
      train: [9, 10, 6, 3, 4, 7, 1, 5, 8],
      test: [0, 11, 2],
    });
  });

  it('takes one-hot rows as stratify labels, as accuracy reads them', () => {
    const labels = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1];
    const rows = labels.map((l) => [0, 1, 2].map((k) => (k === l ? 1 : 0)));
    expect(Data.split(12, { testFraction: 0.25, seed: 11, stratify: rows })).toEqual(
      Data.split(12, { testFraction: 0.25, seed: 11, stratify: labels }),
    );
  });

  it('rounds the test count with Math.round, halves up (hand: 0.25 · 10 = 2.5 gives 3, 0.2 · 392 = 78.4 gives 78)', () => {
    expect(Data.split(10, { testFraction: 0.25, seed: 1 }).test).toHaveLength(3);
    expect(Data.split(392, { testFraction: 0.2, seed: 1 }).test).toHaveLength(78);
    expect(Data.split(3, { testFraction: 0.5, seed: 1 }).test).toHaveLength(2);
  });

  it('throws ValueError when the rounding leaves a set empty', () => {
    const error = thrownBy(() => Data.split(4, { testFraction: 0.1, seed: 0 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Data.split: testFraction 0.1 of 4 rows leaves the test set empty (test rows are Math.round(testFraction · rows))');
    expect(() => Data.split(1, { testFraction: 0.5, seed: 0 })).toThrow(
      'Data.split: testFraction 0.5 of 1 rows leaves the training set empty (test rows are Math.round(testFraction · rows))',
    );
    // each class of 2 rows sends round(0.2 · 2) = 0 rows to the test set
    expect(() => Data.split(4, { testFraction: 0.2, seed: 0, stratify: [0, 0, 1, 1] })).toThrow(
      'Data.split: testFraction 0.2 of 4 rows leaves the test set empty (test rows are Math.round(testFraction · rows) per class)',
    );
  });

  it.each([
    [0, { testFraction: 0.2, seed: 0 }, 'Data.split: count must be a positive integer (the number of rows), got 0'],
    [2.5, { testFraction: 0.2, seed: 0 }, 'Data.split: count must be a positive integer (the number of rows), got 2.5'],
    [10, { testFraction: 0, seed: 0 }, 'Data.split: testFraction must be a number strictly between 0 and 1, got 0'],
    [10, { testFraction: 1, seed: 0 }, 'Data.split: testFraction must be a number strictly between 0 and 1, got 1'],
    [10, { testFraction: NaN, seed: 0 }, 'Data.split: testFraction must be a number strictly between 0 and 1, got NaN'],
    [10, { seed: 0 }, 'Data.split: testFraction must be a number strictly between 0 and 1, got undefined'],
    [10, { testFraction: 0.2 }, 'Data.split: seed must be an integer from 0 to 4294967295, got undefined'],
    [10, { testFraction: 0.2, seed: -3 }, 'Data.split: seed must be an integer from 0 to 4294967295, got -3'],
    [10, { testFraction: 0.2, seed: 0, shuffle: true }, 'Data.split: unknown option "shuffle"; the options are testFraction, seed, stratify'],
    [3, { testFraction: 0.5, seed: 0, stratify: [0, 1.5, 1] }, 'Data.split: stratify[1] must be a class index (an integer >= 0), got 1.5'],
  ])('throws ValueError for count %j and options %j', (count, options, message) => {
    const error = thrownBy(() => Data.split(count, options as never));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe(message);
  });

  it('throws ShapeError when stratify does not hold one label per row', () => {
    const error = thrownBy(() => Data.split(4, { testFraction: 0.5, seed: 0, stratify: [0, 1, 1] }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Data.split: stratify must hold one label per row (4), got 3');
    expect((error as ShapeError).expected).toEqual([4]);
    expect((error as ShapeError).actual).toEqual([3]);
  });

  it('does not mutate its arguments', () => {
    const labels = [1, 0, 1, 0, 1, 0];
    const options = { testFraction: 0.5, seed: 3, stratify: labels };
    Data.split(6, options);
    expect(labels).toEqual([1, 0, 1, 0, 1, 0]);
    expect(options).toEqual({ testFraction: 0.5, seed: 3, stratify: [1, 0, 1, 0, 1, 0] });
  });

  it('is a partition of 0 .. count - 1 with Math.round(testFraction · count) test rows, the same for the same seed (property)', () => {
    const cases = fc.record({ count: fc.integer({ min: 2, max: 60 }), fraction: fc.double({ min: 0.05, max: 0.95, noNaN: true }), seed });
    fc.assert(
      fc.property(cases, ({ count, fraction, seed: s }) => {
        const size = Math.round(fraction * count);
        fc.pre(size > 0 && size < count);
        const result = Data.split(count, { testFraction: fraction, seed: s });
        expect(result.test).toHaveLength(size);
        expect(ascending([...result.train, ...result.test])).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(Data.split(count, { testFraction: fraction, seed: s })).toEqual(result);
      }),
      SEEDED,
    );
  });

  it('keeps each class within half a row of its share when stratified, and is a partition (property)', () => {
    const cases = fc.record({
      labels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 60 }),
      fraction: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      seed,
    });
    fc.assert(
      fc.property(cases, ({ labels, fraction, seed: s }) => {
        const classes = [...new Set(labels)];
        const sizes = classes.map((c) => Math.round(fraction * labels.filter((l) => l === c).length));
        const total = sizes.reduce((a, b) => a + b, 0);
        fc.pre(total > 0 && total < labels.length);
        const result = Data.split(labels.length, { testFraction: fraction, seed: s, stratify: labels });
        expect(ascending([...result.train, ...result.test])).toEqual(labels.map((_, i) => i));
        classes.forEach((c) => {
          const n = labels.filter((l) => l === c).length;
          const inTest = result.test.filter((i) => labels[i] === c).length;
          expect(Math.abs(inTest - fraction * n)).toBeLessThanOrEqual(0.5);
        });
      }),
      SEEDED,
    );
  });
});
