/**
 * Tests of src/model/sgd-step.ts: `Network.sgdStep`, for one example (1-D input)
 * and for batches (2-D, one example per row).
 *
 * Sources of expected values:
 * - "by hand:" small integer arithmetic written out in the comment.
 * - Property tests compare with
 *   - the library itself on single examples (batch = mean of examples);
 *   - a batch of one row, which takes the full path, where one example on a
 *     tiny network takes the compiled step directly.
 * - Random networks: test/support/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   every built-in activation, weights and inputs in [-1, 1], relu and
 *   leakyRelu pre-activations kept 1e-3 away from their kink).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError } from '../../src/index.js';
import { caseArb, learningRateArb } from '../support/arbitraries.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import {
  EXACT, RUNS, smallNet, lineNet, snapshot, inForm, keep, overflowingNet, expectNoSilentNaN,
  type Form,
} from '../support/network-cases.js';

describe('Network.sgdStep', () => {
  it('moves a line against its gradient (by hand: (1, 2) - 0.1·(-2, 6) = (1.2, 1.4))', () => {
    const next = Network.sgdStep(lineNet(), [3], [4], { learningRate: 0.1 });
    expectMatrixClose(next.layers[0].weights, [[1 - 0.1 * -2], [2 - 0.1 * 6]], EXACT);
  });

  it('makes every new weight w - η·g, with g from Network.gradient', () => {
    fc.assert(
      fc.property(caseArb(), learningRateArb(), (c, learningRate) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const next = Network.sgdStep(c.net, c.input, c.target, { learningRate });
        expect(next.layers.length).toBe(c.net.layers.length);
        next.layers.forEach((layer, l) => {
          const gradient = g.weights[l].toArray() as number[][];
          const expected = c.spec.weights[l].map((row, i) => row.map((w, j) => w - learningRate * gradient[i][j]));
          // w - η·g is one multiplication and one subtraction: 1e-15 relative, exact in practice.
          expectMatrixClose(layer.weights, expected, { rtol: 1e-15, atol: 0 });
          expect(layer.activation).toBe(c.spec.activations[l]);
          expect([layer.inputSize, layer.outputSize]).toEqual([c.spec.sizes[l], c.spec.sizes[l + 1]]);
        });
      }),
      RUNS,
    );
  });

  it('lowers the loss of a small enough step on a smooth network', () => {
    // By Taylor: L(w - η g) = L(w) - η |g|² + O(η²); with η = 1e-4 and |g| not tiny the drop wins.
    const next = Network.sgdStep(smallNet(), [1, 2], [5], { learningRate: 1e-4 });
    expect(Network.gradient(next, [1, 2], [5]).loss).toBeLessThan(Network.gradient(smallNet(), [1, 2], [5]).loss);
  });

  it('throws ValueError for a learning rate that is not a positive finite number', () => {
    for (const learningRate of [0, -0, -0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '0.1', undefined, null]) {
      const error = thrownBy(() => Network.sgdStep(smallNet(), [1, 2], [5], { learningRate } as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toBe(`Network.sgdStep: learningRate must be a positive finite number, got ${typeof learningRate === 'string' ? `"${learningRate}" (a string)` : String(learningRate)}`);
    }
  });

  it('throws ValueError when the options are missing', () => {
    const error = thrownBy(() => Network.sgdStep(smallNet(), [1, 2], [5], undefined as never));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.sgdStep: learningRate/);
  });

  it('throws ShapeError for an input or target that does not fit', () => {
    const input = thrownBy(() => Network.sgdStep(smallNet(), [1, 2, 3], [5], { learningRate: 0.1 }));
    expect(input).toBeInstanceOf(ShapeError);
    expect(input.message).toBe('Network.sgdStep: input must have 2 entries, got 3');
    const target = thrownBy(() => Network.sgdStep(smallNet(), [1, 2], [[5]], { learningRate: 0.1 }));
    expect(target).toBeInstanceOf(ShapeError);
    expect((target as ShapeError).expected).toEqual([1]);
    expect((target as ShapeError).actual).toEqual([1, 1]);
  });

  it('throws rather than return NaN weights when finite weights and input overflow (1e200 · 1e200)', () => {
    // Network.train refuses a diverging step with a ValueError (docs/training.md); one step should too.
    expectNoSilentNaN(() => Network.sgdStep(overflowingNet(), [1e200], [0], { learningRate: 0.1 }));
  });

  it('throws ValueError for a non-finite target', () => {
    const error = thrownBy(() => Network.sgdStep(smallNet(), [1, 2], [Number.NaN], { learningRate: 0.1 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toContain('Network.sgdStep: target[0]');
  });

  it('gives the bits of the full path on one example: the same example as a batch of one row takes it', () => {
    // One example on a tiny network takes the compiled step without the checked batch; a batch of one row takes the full path.
    fc.assert(
      fc.property(caseArb({ batch: false }), learningRateArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, learningRate, form) => {
        const one = Network.sgdStep(c.net, inForm(c.input, form), inForm(c.target, form), { learningRate });
        const row = Network.sgdStep(c.net, [c.input as number[]], [c.target as number[]], { learningRate });
        expect(JSON.stringify(Network.toJSON(one))).toBe(JSON.stringify(Network.toJSON(row)));
      }),
      RUNS,
    );
  });

  it('names the neuron whose z overflows on one example of a tiny network, as the loops do', () => {
    // by hand: 1-1 identity, w = [[0], [1e308]], x = 10: z = 1e309 overflows to Infinity before any weight changes.
    const net = Network.create([Layer.create([[0], [1e308]], Activation.identity)]);
    const one = thrownBy(() => Network.sgdStep(net, [10], [0], { learningRate: 0.1 }));
    const row = thrownBy(() => Network.sgdStep(net, [[10]], [[0]], { learningRate: 0.1 }));
    expect(one).toBeInstanceOf(ValueError);
    expect(one.message).toMatch(/^Network\.sgdStep: .*\bz\b/);
    expect(one.message).toBe(row.message);
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb(), learningRateArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, learningRate, form) => {
        const input = inForm(c.input, form);
        const target = inForm(c.target, form);
        const kept = [keep(input), keep(target)];
        const before = snapshot(c.net);
        const options = Object.freeze({ learningRate });
        const next = Network.sgdStep(c.net, input, target, options);
        kept.forEach((check) => check());
        expect(snapshot(c.net)).toEqual(before);
        expect(options).toEqual({ learningRate });
        expect(next).not.toBe(c.net);
      }),
      RUNS,
    );
  });
});

