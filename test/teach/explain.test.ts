/**
 * Tests of src/explain.ts: `Network.explain`.
 *
 * Sources of expected values:
 * - `setup`, `golden`: test/fixtures/notebook-golden.py, the notebook's
 *   example in 50-digit decimal arithmetic, independent of src/.
 * - The library's own `Network.forward`, `Network.gradient` and
 *   `Network.sgdStep`, which `explain` must agree with exactly (it runs the
 *   same code), on the notebook and on random networks.
 * - "by hand:" small arithmetic written out in the comment.
 *
 * Random networks are drawn by fast-check with a fixed seed.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ShapeError, ValueError, type Explanation } from '../../src/index.js';
import { golden, setup } from '../fixtures/notebook-golden.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

/** Agreement with the 50-digit golden values: a few ulps; exact zeros to 1e-15. */
const TRUE = { rtol: 1e-12, atol: 1e-15 };
const RUNS = { numRuns: 80, seed: 0xe4b1a1 };

function notebookNetwork(): Network {
  return Network.create([
    Layer.create(structuredClone(setup.V), Activation.sigmoid),
    Layer.create(structuredClone(setup.W), Activation.identity),
  ]);
}

function notebookExplanation(): Explanation {
  return Network.explain(notebookNetwork(), setup.x, setup.t, { learningRate: setup.learningRate });
}

/** Whether `value` is plain JSON data: numbers, strings, arrays and plain objects only. */
function isPlainData(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlainData);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every(isPlainData);
  }
  return false;
}

/** A random network with its example: 1 to 4 layers of 1 to 5 neurons, every built-in activation. */
const caseArb = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }),
    seedActivations: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
    rate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
  })
  .chain(({ sizes, seedActivations, rate }) => {
    const activations = [Activation.identity, Activation.sigmoid, Activation.tanh, Activation.relu, Activation.leakyRelu(0.2), Activation.softplus];
    const value = fc.double({ min: -2, max: 2, noNaN: true }).map((v) => v + 0); // no -0
    const layers = sizes.slice(1).map((m, l) => fc.array(fc.array(value, { minLength: m, maxLength: m }), { minLength: sizes[l] + 1, maxLength: sizes[l] + 1 }));
    return fc.record({
      weights: fc.tuple(...layers),
      x: fc.array(value, { minLength: sizes[0], maxLength: sizes[0] }),
      t: fc.array(value, { minLength: sizes[sizes.length - 1], maxLength: sizes[sizes.length - 1] }),
    }).map(({ weights, x, t }) => ({
      net: Network.create(weights.map((w, l) => Layer.create(w, activations[seedActivations[l]]))),
      x, t, rate,
    }));
  });

describe('Network.explain', () => {
  it('gives the forward pass of the notebook example to 1e-12 of the 50-digit values (script)', () => {
    const e = notebookExplanation();
    expectMatrixClose(e.input as number[], setup.x, TRUE);
    expectMatrixClose(e.layers[0].input as number[], golden.hiddenInputWithBias, TRUE);
    expectMatrixClose(e.layers[0].weights as number[][], setup.V, TRUE);
    expectMatrixClose(e.layers[0].z as number[], golden.hiddenZ, TRUE);
    expectMatrixClose(e.layers[0].a as number[], golden.hiddenA, TRUE);
    expectMatrixClose(e.layers[1].input as number[], [-1, ...golden.hiddenA], TRUE);
    expectMatrixClose(e.layers[1].weights as number[][], setup.W, TRUE);
    expectMatrixClose(e.layers[1].z as number[], golden.outputZ, TRUE);
    expectMatrixClose(e.output as number[], golden.y, TRUE);
    expectMatrixClose(e.target as number[], setup.t, TRUE);
    expectMatrixClose(e.loss, golden.loss, TRUE);
    expect([e.layers[0].activation, e.layers[1].activation, e.lossName, e.learningRate]).toEqual(['sigmoid', 'identity', 'squaredError', 0.1]);
  });

  it('gives the deltas and the terms that make them up to 1e-12 of the 50-digit values (script)', () => {
    const [hidden, output] = notebookExplanation().layers;
    // The output's upstream is ∂L/∂y = 2 (y - t) = delta_o, and identity's slope is 1.
    expectMatrixClose(output.upstream as number[], golden.outputDelta, TRUE);
    expectMatrixClose(output.derivative as number[], [1], TRUE);
    expectMatrixClose(output.delta as number[], golden.outputDelta, TRUE);
    expectMatrixClose(hidden.upstream as number[], golden.hiddenUpstream, TRUE);
    expectMatrixClose(hidden.derivative as number[], golden.hiddenDelta.map((d, j) => d / golden.hiddenUpstream[j]), TRUE);
    expectMatrixClose(hidden.delta as number[], golden.hiddenDelta, TRUE);
  });

  it('gives every gradient and new weight of the notebook example to 1e-12 of the 50-digit values (script)', () => {
    const [hidden, output] = notebookExplanation().layers;
    expectMatrixClose(hidden.gradient as number[][], golden.gradientV, TRUE);
    expectMatrixClose(output.gradient as number[][], golden.gradientW, TRUE);
    expectMatrixClose(hidden.updatedWeights as number[][], golden.updatedV, TRUE);
    expectMatrixClose(output.updatedWeights as number[][], golden.updatedW, TRUE);
  });

  it('returns the new weights of Network.sgdStep, bit for bit, on random networks', () => {
    fc.assert(
      fc.property(caseArb, ({ net, x, t, rate }) => {
        const e = Network.explain(net, x, t, { learningRate: rate });
        const next = Network.sgdStep(net, x, t, { learningRate: rate });
        e.layers.forEach((layer, l) => expect(layer.updatedWeights).toEqual(next.layers[l].weights.toArray()));
      }),
      RUNS,
    );
  });

  it('returns the numbers of Network.forward and Network.gradient exactly, on random networks', () => {
    fc.assert(
      fc.property(caseArb, ({ net, x, t, rate }) => {
        const e = Network.explain(net, x, t, { learningRate: rate });
        const forward = Network.forward(net, x);
        const gradient = Network.gradient(net, x, t);
        expect(e.loss).toBe(gradient.loss);
        expect(e.output).toEqual(forward.output.toArray());
        e.layers.forEach((layer, l) => {
          expect(layer.input).toEqual([-1, ...(forward.layers[l].input.toArray() as number[])]);
          expect(layer.weights).toEqual(net.layers[l].weights.toArray());
          expect(layer.z).toEqual(forward.layers[l].z.toArray());
          expect(layer.a).toEqual(forward.layers[l].a.toArray());
          expect(layer.delta).toEqual(gradient.deltas[l].toArray());
          expect(layer.gradient).toEqual(gradient.weights[l].toArray());
        });
      }),
      RUNS,
    );
  });

  it('has delta = upstream · derivative and gradient[i][j] = input[i] · delta[j], exactly, on random networks', () => {
    fc.assert(
      fc.property(caseArb, ({ net, x, t, rate }) => {
        for (const layer of Network.explain(net, x, t, { learningRate: rate }).layers) {
          expect(layer.delta).toEqual(layer.upstream.map((u, j) => u * layer.derivative[j]));
          expect(layer.gradient).toEqual(layer.input.map((v, i) => layer.delta.map((d) => (i === 0 ? 0 - d : 0 + v * d))));
        }
      }),
      RUNS,
    );
  });

  it('returns plain data that survives a JSON round trip unchanged', () => {
    const e = notebookExplanation();
    expect(isPlainData(e)).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('takes a loss: binary cross-entropy through a sigmoid output has delta y - t', () => {
    const net = Network.create([Layer.create([[0], [1]], Activation.sigmoid)]);
    const e = Network.explain(net, [0], [1], { learningRate: 1, loss: Loss.binaryCrossEntropy });
    // by hand: z = 0, y = 0.5, L = -ln 0.5 = ln 2, delta = y - t = -0.5.
    expect(e.lossName).toBe('binaryCrossEntropy');
    expectMatrixClose([e.loss, ...e.layers[0].delta], [Math.LN2, -0.5], { rtol: 1e-15, atol: 0 });
  });

  it('accepts a mathjs matrix as the input and target', () => {
    const e = Network.explain(notebookNetwork(), matrix(setup.x), matrix(setup.t), { learningRate: 0.1 });
    expect(e).toEqual(notebookExplanation());
  });

  it('does not change the network or its arguments', () => {
    const net = notebookNetwork();
    const [x, t, options] = [[1, 2], [5], { learningRate: 0.1 }];
    Network.explain(net, x, t, options);
    expect([x, t, options]).toEqual([[1, 2], [5], { learningRate: 0.1 }]);
    expect(net.layers.map((layer) => layer.weights.toArray())).toEqual([setup.V, setup.W]);
  });

  it('throws ShapeError for a batch, expecting one example of 2 numbers', () => {
    const error = thrownBy(() => Network.explain(notebookNetwork(), [[1, 2]], [[5]], { learningRate: 0.1 }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.explain: input must be one example, a vector of 2 numbers; got a batch of size \[1, 2\]/);
    expect([(error as ShapeError).expected, (error as ShapeError).actual]).toEqual([[2], [1, 2]]);
  });

  it('throws ShapeError when the input has 3 numbers instead of 2 or the target 2 instead of 1', () => {
    const input = thrownBy(() => Network.explain(notebookNetwork(), [1, 2, 3], [5], { learningRate: 0.1 }));
    expect(input).toBeInstanceOf(ShapeError);
    expect(input.message).toMatch(/^Network\.explain: input must have 2 entries, got 3/);
    const target = thrownBy(() => Network.explain(notebookNetwork(), [1, 2], [5, 6], { learningRate: 0.1 }));
    expect(target).toBeInstanceOf(ShapeError);
    expect(target.message).toMatch(/^Network\.explain: target/);
  });

  it('throws ValueError for a missing, zero, negative or infinite learning rate, and for missing options', () => {
    for (const learningRate of [undefined, 0, -0.1, Infinity, NaN, '0.1']) {
      const error = thrownBy(() => Network.explain(notebookNetwork(), [1, 2], [5], { learningRate } as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Network\.explain: learningRate must be a positive finite number/);
    }
    const none = thrownBy(() => Network.explain(notebookNetwork(), [1, 2], [5], undefined as never));
    expect(none).toBeInstanceOf(ValueError);
    expect(none.message).toMatch(/^Network\.explain: learningRate must be a positive finite number, got undefined$/);
  });

  it('throws ValueError for a NaN input and for a loss that is not one', () => {
    expect(() => Network.explain(notebookNetwork(), [1, NaN], [5], { learningRate: 0.1 })).toThrow(ValueError);
    const loss = thrownBy(() => Network.explain(notebookNetwork(), [1, 2], [5], { learningRate: 0.1, loss: {} as Loss }));
    expect(loss).toBeInstanceOf(ValueError);
    expect(loss.message).toMatch(/^Network\.explain: loss must be a Loss/);
  });

  it('throws ValueError naming the field when a result overflows float64', () => {
    const net = Network.create([Layer.create([[0], [1e200]], Activation.identity)]);
    const error = thrownBy(() => Network.explain(net, [1e200], [0], { learningRate: 0.1 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.explain: z of neuron y of layer 1 came out as Infinity/);
  });
});
