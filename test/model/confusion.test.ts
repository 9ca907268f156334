/**
 * Tests of src/model/confusion.ts: `confusionMatrix`.
 *
 * Sources of expected values: "hand", the counts tallied in the comment
 * next to each assertion (rows are the actual class, columns the predicted
 * one); the property tests compare with `accuracy` and with counts made
 * here.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, ShapeError, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const SEEDED = { seed: 777, numRuns: 100 };

describe('confusionMatrix', () => {
  it('counts actual class (row) against predicted class (column) (hand)', () => {
    // pairs (actual, predicted): (0, 0), (1, 1), (1, 2), (2, 2)
    expect(confusionMatrix([0, 1, 2, 2], [0, 1, 1, 2])).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    // (actual, predicted): (0, 1), (0, 1), (1, 0): two zeros read as ones and a one as zero
    expect(confusionMatrix([1, 1, 0], [0, 0, 1])).toEqual([
      [0, 2],
      [1, 0],
    ]);
  });

  it('sizes the matrix by 1 + the largest label in either argument (hand: 3 is only predicted)', () => {
    expect(confusionMatrix([3, 0], [0, 0])).toEqual([
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(confusionMatrix([0], [0])).toEqual([[1]]);
  });

  it('honours classes, making room for classes that never occur (hand)', () => {
    expect(confusionMatrix([1, 0], [1, 1], 3)).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('reads rows as accuracy does: one-hot or probability rows by argmax, one column by 0.5 (hand)', () => {
    // actual one-hot rows are classes [0, 2, 1]; predicted probabilities are classes [0, 2, 2]
    const actual = [[1, 0, 0], [0, 0, 1], [0, 1, 0]];
    const predicted = matrix([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.3, 0.5]]);
    expect(confusionMatrix(predicted, actual)).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    // rows of 3 columns mean 3 classes even when class 2 never wins: [[1, 0, 0]] is class 0
    expect(confusionMatrix([[0.9, 0.1, 0]], [0])).toHaveLength(3);
    // one sigmoid output per example: [0.8, 0.3] are classes [1, 0]
    expect(confusionMatrix([[0.8], [0.3]], [1, 1])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('throws ShapeError when the arguments hold different numbers of examples, or are empty', () => {
    const error = thrownBy(() => confusionMatrix([0, 1, 1], [0, 1]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('confusionMatrix: actual must hold as many examples as predicted (3), got 2');
    expect((error as ShapeError).expected).toEqual([3]);
    expect((error as ShapeError).actual).toEqual([2]);
    expect(() => confusionMatrix([[1, 0]], [[1, 0, 0]])).toThrow(
      'confusionMatrix: actual rows must have as many classes as predicted rows (2), got 3',
    );
    expect(() => confusionMatrix([], [])).toThrow('confusionMatrix: predicted must not be empty');
  });

  it('throws ValueError for labels that are not integers >= 0', () => {
    const error = thrownBy(() => confusionMatrix([0, 1.5], [0, 1]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('confusionMatrix: predicted[1] must be a class index (an integer >= 0), got 1.5');
    expect(() => confusionMatrix([0, 1], [-1, 1])).toThrow('confusionMatrix: actual[0] must be a class index (an integer >= 0), got -1');
    expect(() => confusionMatrix([0, NaN], [0, 1])).toThrow('confusionMatrix: predicted[1] must be finite, got NaN');
  });

  it('throws ValueError when classes is not a positive integer or a label is not below it', () => {
    expect(thrownBy(() => confusionMatrix([0, 2], [0, 1], 2))).toBeInstanceOf(ValueError);
    expect(() => confusionMatrix([0, 2], [0, 1], 2)).toThrow('confusionMatrix: predicted[1] is class 2, but classes is 2 (classes 0 to 1)');
    expect(() => confusionMatrix([0, 1], [0, 5], 3)).toThrow('confusionMatrix: actual[1] is class 5, but classes is 3 (classes 0 to 2)');
    expect(() => confusionMatrix([0], [0], 1.5)).toThrow('confusionMatrix: classes must be a positive integer, got 1.5');
    expect(() => confusionMatrix([0], [0], 0)).toThrow('confusionMatrix: classes must be a positive integer, got 0');
  });

  it('does not mutate its arguments and returns arrays the caller owns', () => {
    const predicted = [0, 2, 1];
    const actual = [[1, 0, 0], [0, 1, 0], [0, 1, 0]];
    const counts = confusionMatrix(predicted, actual);
    expect(predicted).toEqual([0, 2, 1]);
    expect(actual).toEqual([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    counts[0][0] = 99;
    expect(confusionMatrix(predicted, actual)[0][0]).toBe(1);
  });

  it('sums to the number of examples, has row sums the class counts and trace / B = accuracy (property)', () => {
    const cases = fc.integer({ min: 1, max: 5 }).chain((m) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: m - 1 })), { minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(cases, (pairs) => {
        const predicted = pairs.map(([p]) => p);
        const actual = pairs.map(([, a]) => a);
        const counts = confusionMatrix(predicted, actual);
        const size = 1 + Math.max(...predicted, ...actual);
        expect(counts).toHaveLength(size);
        expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(pairs.length);
        counts.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBe(actual.filter((a) => a === i).length));
        const trace = counts.reduce((sum, row, i) => sum + row[i], 0);
        expect(trace / pairs.length).toBe(accuracy(predicted, actual));
      }),
      SEEDED,
    );
  });
});
