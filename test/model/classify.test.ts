/**
 * Tests of Network.predictClass and accuracy.
 *
 * Sources of expected values: "hand", worked out in the comment next to
 * the assertion from the documented rules (argmax, lowest index on a tie,
 * `y >= 0.5 ? 1 : 0` for one output); property tests compare with an argmax
 * written here over `Network.predict`.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { accuracy, Activation, Layer, Network, ShapeError, ValueError } from '../../src/index.js';

/** Scores three classes as `[x1, x2, (x1 + x2) / 2]`. */
function scorer(): Network {
  return Network.create([Layer.create([[0, 0, 0], [1, 0, 0.5], [0, 1, 0.5]], Activation.identity)]);
}

/** One sigmoid output `y = sigmoid(x)`. */
function binary(): Network {
  return Network.create([Layer.create([[0], [1]], Activation.sigmoid)]);
}

/** Argmax with the lowest index on a tie, or the 0.5 threshold for one entry. */
function referenceClass(row: readonly number[]): number {
  if (row.length === 1) return row[0] >= 0.5 ? 1 : 0;
  return row.indexOf(Math.max(...row));
}

const SEEDED = { seed: 1234, numRuns: 100 };
const entry = fc.double({ min: -3, max: 3, noNaN: true });

describe('Network.predictClass', () => {
  it('returns the index of the largest output for one example (hand: [2, 1] scores [2, 1, 1.5])', () => {
    expect(Network.predictClass(scorer(), [2, 1])).toBe(0);
    expect(Network.predictClass(scorer(), [1, 2])).toBe(1);
    // [-1, -3] scores [-1, -3, -2]
    expect(Network.predictClass(scorer(), [-1, -3])).toBe(0);
  });

  it('returns one class per row for a batch (hand)', () => {
    expect(Network.predictClass(scorer(), [[2, 1], [1, 2], [0, 0.5]])).toEqual([0, 1, 1]);
  });

  it('returns an array for a batch of one row', () => {
    expect(Network.predictClass(scorer(), [[1, 2]])).toEqual([1]);
  });

  it('gives ties to the lowest index (hand: [1, 1] scores [1, 1, 1]; [0, 2] scores [0, 2, 1])', () => {
    expect(Network.predictClass(scorer(), [1, 1])).toBe(0);
    const tieLast = Network.create([Layer.create([[0, 0, 0], [0, 1, 1]], Activation.identity)]);
    expect(Network.predictClass(tieLast, [5])).toBe(1);
  });

  it('reads one output as a binary classifier: class 1 when y >= 0.5 (hand: sigmoid(0) = 0.5)', () => {
    expect(Network.predictClass(binary(), [0])).toBe(1);
    expect(Network.predictClass(binary(), [-1e-9])).toBe(0);
    expect(Network.predictClass(binary(), [[-3], [0], [3]])).toEqual([0, 1, 1]);
  });

  it('accepts mathjs matrices, 1-D and 2-D', () => {
    expect(Network.predictClass(scorer(), matrix([1, 2]))).toBe(1);
    expect(Network.predictClass(scorer(), matrix([[1, 2], [2, 1]]))).toEqual([1, 0]);
  });

  it('throws ShapeError when the input has 3 entries instead of 2', () => {
    expect(() => Network.predictClass(scorer(), [1, 2, 3])).toThrow(ShapeError);
    expect(() => Network.predictClass(scorer(), [1, 2, 3])).toThrow('Network.predictClass: input must have 2 entries, got 3');
  });

  it('throws ValueError for a non-finite input and for something that is not a network', () => {
    expect(() => Network.predictClass(scorer(), [1, NaN])).toThrow(ValueError);
    expect(() => Network.predictClass(null as unknown as Network, [1, 2])).toThrow('Network.predictClass: expected a Network, got null');
  });

  it('throws ValueError when an output is NaN, naming the example and entry', () => {
    const broken = Activation.define({ name: 'classifyTestNaNBelowZero', apply: (z) => (z < 0 ? NaN : z), derivative: () => 1 });
    const net = Network.create([Layer.create([[0, 0], [1, -1]], broken)]);
    expect(() => Network.predictClass(net, [[1], [2]])).toThrow(
      "Network.predictClass: activation 'classifyTestNaNBelowZero' returned NaN at z = -1 (neuron y₂ of layer 1, example 0); an activation must return a finite number",
    );
    expect(() => Network.predictClass(net, [[1], [2]])).toThrow(ValueError);
  });

  it('does not mutate its arguments', () => {
    const net = scorer();
    const before = net.layers[0].weights.toArray();
    const input = [[2, 1], [1, 2]];
    Network.predictClass(net, input);
    expect(input).toEqual([[2, 1], [1, 2]]);
    expect(net.layers[0].weights.toArray()).toEqual(before);
  });

  it('equals the argmax of Network.predict, row by row, on random networks and batches', () => {
    const cases = fc
      .record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 1, max: 5 }) })
      .chain(({ n, m, rows }) =>
        fc.record({
          weights: fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n + 1, maxLength: n + 1 }),
          x: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: rows, maxLength: rows }),
          activation: fc.constantFrom(Activation.identity, Activation.sigmoid, Activation.tanh),
        }),
      );
    fc.assert(
      fc.property(cases, ({ weights, x, activation }) => {
        const net = Network.create([Layer.create(weights, activation)]);
        const outputs = Network.predict(net, x).toArray() as number[][];
        expect(Network.predictClass(net, x)).toEqual(outputs.map(referenceClass));
        expect(Network.predictClass(net, x[0])).toBe(referenceClass(outputs[0]));
      }),
      SEEDED,
    );
  });
});

describe('accuracy', () => {
  it('returns the fraction of equal class indexes (hand: 3 of 4)', () => {
    expect(accuracy([0, 2, 1, 1], [0, 1, 1, 1])).toBe(0.75);
    expect(accuracy([1, 0], [1, 0])).toBe(1);
    expect(accuracy([1, 0], [0, 1])).toBe(0);
  });

  it('reads one-hot label rows by argmax (hand: classes [0, 1, 2])', () => {
    expect(accuracy([0, 1, 1], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toBe(2 / 3);
  });

  it('reads probability rows by argmax, the lowest index on a tie (hand: classes [1, 0])', () => {
    expect(accuracy([1, 0], [[0.2, 0.5, 0.3], [0.4, 0.4, 0.2]])).toBe(1);
  });

  it('reads predicted rows too, e.g. the output of Network.predict', () => {
    const net = scorer();
    const x = [[2, 1], [1, 2], [1, 1]];
    expect(accuracy(Network.predict(net, x), [0, 1, 2])).toBe(2 / 3);
    expect(accuracy(Network.predict(net, x), Network.predictClass(net, x))).toBe(1);
  });

  it('reads one-column rows by the 0.5 threshold (hand: [0.9, 0.2, 0.5] are classes [1, 0, 1])', () => {
    expect(accuracy([[0.9], [0.2], [0.5]], [[1], [0], [0]])).toBe(2 / 3);
    expect(accuracy([[0.9], [0.2], [0.5]], [1, 0, 1])).toBe(1);
  });

  it('accepts mathjs matrices', () => {
    expect(accuracy(matrix([0, 1]), matrix([[1, 0], [1, 0]]))).toBe(0.5);
  });

  it('throws ShapeError when either argument is empty', () => {
    expect(() => accuracy([], [1])).toThrow(ShapeError);
    expect(() => accuracy([], [1])).toThrow('accuracy: predicted must not be empty');
    expect(() => accuracy([1], [])).toThrow('accuracy: labels must not be empty');
  });

  it('throws ShapeError when labels hold 2 examples instead of 3', () => {
    const call = (): number => accuracy([0, 1, 1], [[1, 0], [0, 1]]);
    expect(call).toThrow(ShapeError);
    expect(call).toThrow('accuracy: labels must hold as many examples as predicted (3), got 2');
    try {
      call();
    } catch (error) {
      expect((error as ShapeError).expected).toEqual([3]);
      expect((error as ShapeError).actual).toEqual([2]);
    }
  });

  it('throws ShapeError when predicted and label rows have different lengths', () => {
    expect(() => accuracy([[1, 0, 0]], [[1, 0]])).toThrow(
      'accuracy: labels rows must have as many classes as predicted rows (3), got 2',
    );
  });

  it('throws ValueError for a class index that is not an integer >= 0', () => {
    expect(() => accuracy([0, 1.5], [0, 1])).toThrow(ValueError);
    expect(() => accuracy([0, 1.5], [0, 1])).toThrow('accuracy: predicted[1] must be a class index (an integer >= 0), got 1.5');
    expect(() => accuracy([0, 1], [0, -1])).toThrow('accuracy: labels[1] must be a class index (an integer >= 0), got -1');
  });

  it('throws ValueError for a non-finite entry', () => {
    expect(() => accuracy([0, 1], [[1, 0], [NaN, 1]])).toThrow(ValueError);
    expect(() => accuracy([0, 1], [[1, 0], [NaN, 1]])).toThrow('accuracy: labels[1][0] must be finite, got NaN');
  });

  it('does not mutate its arguments', () => {
    const predicted = [0, 2, 1];
    const labels = [[1, 0, 0], [0, 1, 0], [0, 1, 0]];
    accuracy(predicted, labels);
    expect(predicted).toEqual([0, 2, 1]);
    expect(labels).toEqual([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
  });

  it('counts matches exactly, is 1 against itself and agrees for indexes and one-hot rows (property)', () => {
    const cases = fc.integer({ min: 2, max: 5 }).chain((m) =>
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: m - 1 })), { minLength: 1, maxLength: 20 })
        .map((pairs) => ({ m, pairs })),
    );
    fc.assert(
      fc.property(cases, ({ m, pairs }) => {
        const predicted = pairs.map(([p]) => p);
        const labels = pairs.map(([, l]) => l);
        const oneHot = labels.map((c) => Array.from({ length: m }, (_, k) => (k === c ? 1 : 0)));
        const expected = pairs.filter(([p, l]) => p === l).length / pairs.length;
        expect(accuracy(predicted, labels)).toBe(expected);
        expect(accuracy(predicted, oneHot)).toBe(expected);
        expect(accuracy(labels, labels)).toBe(1);
      }),
      SEEDED,
    );
  });
});
