/**
 * Tests of src/network.ts: `Network.create`, `Network.forward`,
 * `Network.predict`, `Network.gradient` and `Network.sgdStep`, for one
 * example (1-D input) and for batches (2-D, one example per row).
 *
 * Sources of expected values:
 * - "by hand:" small integer arithmetic written out in the comment.
 * - Property tests compare with
 *   - `referenceForward` (test/arbitraries.ts), a plain-JS transcription of
 *     `z_j = -w[0][j] + Σ_i x_i w[i + 1][j]`, `a = f(z)`;
 *   - central finite differences computed here, weight by weight, from
 *     `Network.predict` and the squared error `mean_r Σ_k (y_rk - t_rk)^2`
 *     written out in `squaredError` below; `gradientCheck` is not used;
 *   - the library itself on single examples (batch = mean of examples).
 * - Random networks: test/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   every built-in activation, weights and inputs in [-1, 1], relu and
 *   leakyRelu pre-activations kept 1e-3 away from their kink).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { all, create, isMatrix, matrix, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, BackpropError, Layer, Network, ShapeError, ValueError, type Loss } from '../../src/index.js';
import {
  buildNetwork,
  caseArb,
  learningRateArb,
  referenceForward,
  specArb,
  withWeight,
  type Case,
  type Data,
} from '../support/arbitraries.js';
import { expectMatrixClose, toNested, type Nested, thrownBy } from '../support/helpers.js';
import { gradientCase } from '../../src/testing/index.js';

/** Values that must come out bit for bit. */
const EXACT = { rtol: 0, atol: 0 };
/** The same arithmetic in another order: a few ulps of the values involved (all below ~1e3 here). */
const REORDERED = { rtol: 1e-12, atol: 1e-12 };
/** Properties: a fixed seed, so that every run checks the same cases. */
const RUNS = { numRuns: 100, seed: 0x5eed };
/** The finite-difference property is slower (two passes per weight): fewer runs. */
const FD_RUNS = { numRuns: 60, seed: 0xfd };

/** A second, independent mathjs instance: its classes are not the default one's. */
const otherMath = create(all);

/** A deep copy, for before/after comparisons. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The rows of a 1-D (one row) or 2-D value. */
function rowsOf(value: Matrix | Nested): number[][] {
  const nested = toNested(value) as number[] | number[][];
  return (Array.isArray(nested[0]) ? nested : [nested]) as number[][];
}

/** The size of a matrix, as mathjs reports it. */
function sizeOf(value: Matrix): number[] {
  return value.size();
}

/** The notebook-sized 2-3-1 net used by the fixed examples: sigmoid hidden, identity output. */
function smallNet(): Network {
  return Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
}

/** y = -1 + 2x: one identity neuron on one input. */
function lineNet(): Network {
  return Network.create([Layer.create([[1], [2]], Activation.identity)]);
}

/**
 * The squared-error loss written out: the mean over the rows of
 * `Σ_k (y_k - t_k)^2`, with `y` from `Network.predict`.
 */
function squaredError(net: Network, input: Data, targetRows: readonly (readonly number[])[]): number {
  const outputs = rowsOf(Network.predict(net, input));
  let total = 0;
  outputs.forEach((y, r) => {
    total += y.reduce((sum, yk, k) => sum + (yk - targetRows[r][k]) ** 2, 0);
  });
  return total / outputs.length;
}

/**
 * `∂L/∂w` for every weight by the central difference
 * `(L(w + ε) - L(w - ε)) / (w + ε - (w - ε))`, rebuilding the network with
 * one weight changed each time. Dividing by the step actually taken removes
 * the rounding of `w ± ε` from the quotient.
 */
function finiteDifferences(c: Case, epsilon: number): number[][][] {
  return c.spec.weights.map((w, l) =>
    w.map((row, i) =>
      row.map((value, j) => {
        const up = value + epsilon;
        const down = value - epsilon;
        const lossUp = squaredError(buildNetwork(withWeight(c.spec, l, i, j, up)), c.input, c.targetRows);
        const lossDown = squaredError(buildNetwork(withWeight(c.spec, l, i, j, down)), c.input, c.targetRows);
        return (lossUp - lossDown) / (up - down);
      }),
    ),
  );
}

/** The weights of every layer, as plain nested arrays. */
function weightsOf(net: Network): number[][][] {
  return net.layers.map((layer) => layer.weights.toArray() as number[][]);
}

/** Everything about a network a caller could see change: weights and activations. */
function snapshot(net: Network): { weights: number[][][]; activations: Activation[]; count: number } {
  return { weights: copy(weightsOf(net)), activations: net.layers.map((l) => l.activation), count: net.layers.length };
}

/** The case's input and target as given to the call: arrays, or mathjs matrices (of either instance). */
type Form = 'array' | 'matrix' | 'other-matrix';
function inForm(value: Data, form: Form): Data | Matrix {
  if (form === 'array') return copy(value);
  return form === 'matrix' ? matrix(copy(value)) : (otherMath.matrix(copy(value)) as unknown as Matrix);
}

/**
 * A deep copy of an argument taken before a call, and the check that the
 * call left it equal, and writable (freezing the caller's arrays would
 * change them too).
 */
function keep(value: Data | Matrix): () => void {
  const before = isMatrix(value) ? { data: copy(value.toArray()), size: value.size() } : copy(value);
  return () => {
    const nested = (isMatrix(value) ? value.valueOf() : value) as unknown[];
    expect([nested, ...nested].some((part) => Array.isArray(part) && Object.isFrozen(part))).toBe(false);
    if (isMatrix(value)) expect({ data: value.toArray(), size: value.size() }).toEqual(before);
    else expect(value).toEqual(before);
  };
}

/**
 * Finite weights and input whose forward pass overflows: layer 0 gives
 * z = (1e200 · 1e200, -1e200 · 1e200) = (Infinity, -Infinity), and layer 1
 * adds them: Infinity - Infinity = NaN.
 */
function overflowingNet(): Network {
  return Network.create([
    Layer.create([[0, 0], [1e200, -1e200]], Activation.identity),
    Layer.create([[0], [1], [1]], Activation.identity),
  ]);
}

/** Every number in a result: of matrices, arrays, numbers and plain objects. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (isMatrix(value)) return numbersIn(value.toArray());
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') {
    // A layer's numbers are its weights (a getter, so not among its own values).
    if ('weights' in value && 'activation' in value) return numbersIn((value as Layer).weights);
    return Object.values(value).flatMap(numbersIn);
  }
  return [];
}

/**
 * API.md: "No function returns NaN silently". A call may refuse (throw one
 * of our errors) or return, but what it returns holds no NaN.
 */
function expectNoSilentNaN(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    expect(error).toBeInstanceOf(BackpropError);
    return;
  }
  expect(numbersIn(result).filter(Number.isNaN).length, `returned NaN among ${numbersIn(result).join(', ')}`).toBe(0);
}

describe('Network.create', () => {
  it('returns a network of the given layers, in order (by hand: sizes 2-3-1)', () => {
    const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
    const output = Layer.create([[1], [2], [3], [-1]], Activation.identity);
    const net = Network.create([hidden, output]);
    expect(net.layers.map((l) => [l.inputSize, l.outputSize])).toEqual([[2, 3], [3, 1]]);
    expect(net.layers.map((l) => l.activation)).toEqual([Activation.sigmoid, Activation.identity]);
    expectMatrixClose(net.layers[0].weights, [[1, 0, -1], [1, 2, 0], [0, -2, 1]], EXACT);
    expectMatrixClose(net.layers[1].weights, [[1], [2], [3], [-1]], EXACT);
  });

  it('keeps the sizes, weights and activations of random layers', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const net = buildNetwork(spec);
        expect(net.layers.length).toBe(spec.weights.length);
        expect(weightsOf(net)).toEqual(spec.weights);
        expect(net.layers.map((l) => l.activation)).toEqual(spec.activations);
        net.layers.forEach((layer, l) => {
          expect([layer.inputSize, layer.outputSize]).toEqual([spec.sizes[l], spec.sizes[l + 1]]);
        });
      }),
      RUNS,
    );
  });

  it('throws ValueError for an empty array of layers', () => {
    const error = thrownBy(() => Network.create([]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: /);
    expect(error.message).toMatch(/at least one layer/);
  });

  it('throws ValueError when the layers are not an array', () => {
    for (const bad of [undefined, null, 'layers', 3]) {
      const error = thrownBy(() => Network.create(bad as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Network\.create: /);
    }
  });

  it('throws ShapeError naming layers 1 and 0 and both sizes when a 4-input layer follows a 3-neuron one', () => {
    const error = thrownBy(() =>
      Network.create([
        Layer.create([[0, 0, 0], [1, 1, 1], [2, 2, 2]], Activation.sigmoid), // 2 inputs, 3 neurons
        Layer.create([[0], [1], [1], [1], [1]], Activation.identity), // 4 inputs
      ]),
    );
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.create: layer 1 takes 4 inputs but layer 0 gives 3 outputs');
    expect((error as ShapeError).expected).toEqual([3]);
    expect((error as ShapeError).actual).toEqual([4]);
  });

  it('throws ShapeError naming the first unchained pair of a random chain, with both sizes', () => {
    const broken = specArb({ minLayers: 2 }).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        at: fc.integer({ min: 1, max: spec.weights.length - 1 }),
        extra: fc.integer({ min: 1, max: 3 }),
      }),
    );
    fc.assert(
      fc.property(broken, ({ spec, at, extra }) => {
        // Layer `at` gets `extra` more inputs than layer `at - 1` has neurons.
        const layers = spec.weights.map((w, l) => Layer.create(w, spec.activations[l]));
        const given = spec.sizes[at];
        const wider = Array.from({ length: given + extra + 1 }, () => spec.weights[at][0]);
        layers[at] = Layer.create(wider, spec.activations[at]);
        const error = thrownBy(() => Network.create(layers));
        expect(error).toBeInstanceOf(ShapeError);
        expect(error.message).toMatch(/^Network\.create: /);
        expect(error.message).toContain(`layer ${at} takes ${given + extra} inputs`);
        expect(error.message).toContain(`layer ${at - 1} gives ${given} outputs`);
        expect((error as ShapeError).expected).toEqual([given]);
        expect((error as ShapeError).actual).toEqual([given + extra]);
      }),
      RUNS,
    );
  });

  it('throws ValueError when an entry is not a layer', () => {
    const error = thrownBy(() => Network.create([Layer.create([[0], [1]], Activation.identity), null as never]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: layer 1/);
  });

  it('throws ValueError naming layer 0 when the array has a hole there', () => {
    const layers = [, Layer.create([[0], [1]], Activation.identity)] as unknown as Layer[];
    const error = thrownBy(() => Network.create(layers));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: layer 0/);
  });

  it('copies the layers array: later changes to the caller\'s array do not reach the network', () => {
    const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
    const output = Layer.create([[1], [2], [3], [-1]], Activation.identity);
    const layers = [hidden, output];
    const net = Network.create(layers);
    const before = snapshot(net);
    layers.push(Layer.create([[0], [1]], Activation.identity));
    layers[0] = Layer.create([[9, 9, 9], [9, 9, 9], [9, 9, 9]], Activation.tanh);
    layers.reverse();
    expect(snapshot(net)).toEqual(before);
    expect(Network.predict(net, [1, 2]).toArray()).toEqual(Network.predict(smallNet(), [1, 2]).toArray());
  });

  it('returns a frozen layers array', () => {
    const net = smallNet();
    expect(Object.isFrozen(net.layers)).toBe(true);
    expect(() => (net.layers as Layer[]).push(net.layers[0])).toThrow(TypeError);
    expect(net.layers.length).toBe(2);
  });

  it('does not mutate its argument', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const layers = spec.weights.map((w, l) => Layer.create(w, spec.activations[l]));
        const before = [...layers];
        const weights = layers.map((l) => copy(l.weights.toArray()));
        Network.create(layers);
        expect(layers).toEqual(before);
        layers.forEach((layer, l) => expect(layer).toBe(before[l]));
        expect(layers.map((l) => l.weights.toArray())).toEqual(weights);
      }),
      RUNS,
    );
  });
});

describe('Network.forward', () => {
  it('gives z, a and the output of each layer (by hand: y = -1 + 2·3 = 5)', () => {
    const pass = Network.forward(lineNet(), [3]);
    expectMatrixClose(pass.output, [5], EXACT);
    expect(pass.layers.length).toBe(1);
    expectMatrixClose(pass.layers[0].input, [3], EXACT);
    expectMatrixClose(pass.layers[0].z, [5], EXACT);
    expectMatrixClose(pass.layers[0].a, [5], EXACT);
  });

  it('returns 1-D results for a 1-D input and 2-D results for a 2-D input', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const pass = Network.forward(c.net, c.input);
        const rows = c.rows.length;
        const out = c.spec.sizes[c.spec.sizes.length - 1];
        expect(sizeOf(pass.output)).toEqual(c.batch ? [rows, out] : [out]);
        pass.layers.forEach((layer, l) => {
          const shape = (n: number): number[] => (c.batch ? [rows, n] : [n]);
          expect(sizeOf(layer.input)).toEqual(shape(c.spec.sizes[l]));
          expect(sizeOf(layer.z)).toEqual(shape(c.spec.sizes[l + 1]));
          expect(sizeOf(layer.a)).toEqual(shape(c.spec.sizes[l + 1]));
        });
      }),
      RUNS,
    );
  });

  it('agrees with a plain-JS forward pass, layer by layer', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const pass = Network.forward(c.net, c.input);
        const reference = referenceForward(c.spec, c.rows);
        pass.layers.forEach((layer, l) => {
          expectMatrixClose(rowsOf(layer.input), l === 0 ? (c.rows as number[][]) : reference.a[l - 1], REORDERED);
          expectMatrixClose(rowsOf(layer.z), reference.z[l], REORDERED);
          expectMatrixClose(rowsOf(layer.a), reference.a[l], REORDERED);
        });
        expectMatrixClose(rowsOf(pass.output), reference.a[reference.a.length - 1], REORDERED);
      }),
      RUNS,
    );
  });

  it('gives each row of a batch the result of that row alone', () => {
    fc.assert(
      fc.property(caseArb({ batch: true }), (c) => {
        const pass = Network.forward(c.net, c.input);
        c.rows.forEach((row, r) => {
          const alone = Network.forward(c.net, [...row]);
          pass.layers.forEach((layer, l) => {
            expectMatrixClose(rowsOf(layer.z)[r], alone.layers[l].z, REORDERED);
            expectMatrixClose(rowsOf(layer.a)[r], alone.layers[l].a, REORDERED);
          });
        });
      }),
      RUNS,
    );
  });

  it('accepts matrices from another copy of mathjs', () => {
    const x = otherMath.matrix([[1, 2], [0, 0]]) as unknown as Matrix;
    expect(Network.forward(smallNet(), x).output.toArray()).toEqual(Network.forward(smallNet(), [[1, 2], [0, 0]]).output.toArray());
  });

  it('throws ShapeError naming 2 expected entries and 3 given for a 1-D input', () => {
    const error = thrownBy(() => Network.forward(smallNet(), [1, 2, 3]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.forward: input must have 2 entries, got 3');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([3]);
  });

  it('throws ShapeError naming 2 expected columns and 1 given for a batch', () => {
    const error = thrownBy(() => Network.forward(smallNet(), [[1], [2], [3]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.forward: input must have 2 entries per row, got 1');
    expect((error as ShapeError).expected).toEqual([3, 2]);
    expect((error as ShapeError).actual).toEqual([3, 1]);
  });

  it('throws ShapeError for an empty input', () => {
    const error = thrownBy(() => Network.forward(smallNet(), []));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.forward: input/);
  });

  it('throws ValueError for something that is not a network', () => {
    for (const bad of [null, undefined, 3, { layers: [] }]) {
      const error = thrownBy(() => Network.forward(bad as never, [1]));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Network\.forward: /);
    }
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.forward(overflowingNet(), [1e200]));
  });

  it('throws ValueError naming the entry for NaN, Infinity and non-numbers', () => {
    for (const [input, where] of [
      [[1, Number.NaN], 'input[1]'],
      [[[1, 2], [Number.POSITIVE_INFINITY, 0]], 'input[1][0]'],
      [[[1, 2], [0, Number.NEGATIVE_INFINITY]], 'input[1][1]'],
      [[1, '2'], 'input[1]'],
    ] as const) {
      const error = thrownBy(() => Network.forward(smallNet(), input as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toContain(`Network.forward: ${where}`);
    }
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, form) => {
        const input = inForm(c.input, form);
        const inputKept = keep(input);
        const before = snapshot(c.net);
        Network.forward(c.net, input);
        inputKept();
        expect(snapshot(c.net)).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('Network.predict', () => {
  it('returns the output of Network.forward, bit for bit, in its shape', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const output = Network.predict(c.net, c.input);
        expect(isMatrix(output)).toBe(true);
        expect(sizeOf(output)).toEqual(sizeOf(Network.forward(c.net, c.input).output));
        expectMatrixClose(output, Network.forward(c.net, c.input).output, EXACT);
      }),
      RUNS,
    );
  });

  it('gives one row per example (by hand: -1 + 2·3 = 5, -1 + 2·0 = -1)', () => {
    expectMatrixClose(Network.predict(lineNet(), [[3], [0]]), [[5], [-1]], EXACT);
    expectMatrixClose(Network.predict(lineNet(), [3]), [5], EXACT);
  });

  it('throws ShapeError naming 1 expected entry and 2 given', () => {
    const error = thrownBy(() => Network.predict(lineNet(), [1, 2]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.predict: input must have 1 entries, got 2');
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([2]);
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.predict(overflowingNet(), [1e200]));
  });

  it('throws ValueError for a non-finite input', () => {
    const error = thrownBy(() => Network.predict(lineNet(), [[1], [Number.NaN]]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toContain('Network.predict: input[1][0]');
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, form) => {
        const input = inForm(c.input, form);
        const inputKept = keep(input);
        const before = snapshot(c.net);
        Network.predict(c.net, input);
        inputKept();
        expect(snapshot(c.net)).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('Network.gradient', () => {
  it('gives the loss and weight gradients of a line (by hand: y = 5, t = 4, δ = 2(5 - 4) = 2, ∂L/∂w = (-1, 3)·2)', () => {
    const g = Network.gradient(lineNet(), [3], [4]);
    expect(g.loss).toBe(1);
    expectMatrixClose(g.output, [5], EXACT);
    expectMatrixClose(g.weights[0], [[-2], [6]], EXACT);
    expectMatrixClose(g.deltas[0], [2], EXACT);
  });

  it('agrees with central finite differences of the squared error, weight by weight', () => {
    // ε = 1e-6. The difference quotient's truncation error is about
    // ε² |L'''| / 6, below 1e-11 here; its rounding error is a few ulps of
    // the loss's intermediate sums divided by ε. Measured over 16,000
    // weights of 300 cases of these arbitraries: |analytic - numeric| is at
    // most 3e-10 · max(1, L), and at most 3% of 1e-8 · max(1, L) + 1e-7 |numeric|.
    // The tolerance below is 35 times that, and far below what a wrong
    // derivative (a factor of 2, a sign, a missed term) would miss by.
    const epsilon = 1e-6;
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const numeric = finiteDifferences(c, epsilon);
        const scale = Math.max(1, g.loss);
        g.weights.forEach((w, l) => expectMatrixClose(w, numeric[l], { rtol: 1e-6, atol: 1e-8 * scale }));
      }),
      FD_RUNS,
    );
  });

  it('gives a batch the mean of its examples\' gradients, losses and (scaled by 1/B) deltas', () => {
    fc.assert(
      fc.property(caseArb({ batch: true }), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const B = c.rows.length;
        const alone = c.rows.map((row, r) => Network.gradient(c.net, [...row], [...c.targetRows[r]]));
        const meanLoss = alone.reduce((sum, a) => sum + a.loss, 0) / B;
        expectMatrixClose([g.loss], [meanLoss], { rtol: 1e-12, atol: 0 });
        const largest = Math.max(1, ...alone.flatMap((a) => a.weights.flatMap((w) => (w.toArray() as number[][]).flat().map(Math.abs))));
        g.weights.forEach((w, l) => {
          const mean = (w.toArray() as number[][]).map((row, i) =>
            row.map((_, j) => alone.reduce((sum, a) => sum + (a.weights[l].toArray() as number[][])[i][j], 0) / B),
          );
          expectMatrixClose(w, mean, { rtol: 1e-10, atol: 1e-12 * largest });
        });
        g.deltas.forEach((d, l) => {
          const scaled = alone.map((a) => (a.deltas[l].toArray() as number[]).map((v) => v / B));
          expectMatrixClose(d, scaled, { rtol: 1e-12, atol: 1e-15 });
        });
      }),
      RUNS,
    );
  });

  it('returns weight gradients shaped like the weights and deltas shaped like z', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const pass = Network.forward(c.net, c.input);
        expect(g.weights.length).toBe(c.net.layers.length);
        expect(g.deltas.length).toBe(c.net.layers.length);
        g.weights.forEach((w, l) => expect(sizeOf(w)).toEqual(sizeOf(c.net.layers[l].weights)));
        g.deltas.forEach((d, l) => expect(sizeOf(d)).toEqual(sizeOf(pass.layers[l].z)));
        expectMatrixClose(g.output, Network.predict(c.net, c.input), EXACT);
        for (const m of [g.output, ...g.weights, ...g.deltas]) expect(isMatrix(m)).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the loss as the mean over the rows of Σ_k (y_k - t_k)^2', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        expectMatrixClose([g.loss], [squaredError(c.net, c.input, c.targetRows)], { rtol: 1e-12, atol: 1e-300 });
      }),
      RUNS,
    );
  });

  it('throws ShapeError naming 2 expected entries and 1 given for the input', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1], [5]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.gradient: input must have 2 entries, got 1');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('throws ShapeError naming the output size [1] and the given [2] for a target of 2 entries', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [5, 6]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.gradient: target/);
    expect(error.message).toContain('[1]');
    expect(error.message).toContain('[2]');
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([2]);
  });

  it('throws ShapeError when the target is 2-D and the input 1-D', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [[5]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.gradient: target/);
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([1, 1]);
  });

  it('throws ShapeError when the target is 1-D and the input 2-D', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [[1, 2]], [5]));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([1, 1]);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('throws ShapeError when the target has 3 rows for an input of 2', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [[1, 2], [3, 4]], [[5], [6], [7]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toContain('[2, 1]');
    expect(error.message).toContain('[3, 1]');
    expect((error as ShapeError).expected).toEqual([2, 1]);
    expect((error as ShapeError).actual).toEqual([3, 1]);
  });

  it('throws ValueError naming the entry for a non-finite input or target', () => {
    const cases = [
      [() => Network.gradient(smallNet(), [1, Number.NaN], [5]), 'Network.gradient: input[1]'],
      [() => Network.gradient(smallNet(), [1, 2], [Number.POSITIVE_INFINITY]), 'Network.gradient: target[0]'],
      [() => Network.gradient(smallNet(), [[1, 2], [3, 4]], [[5], [Number.NaN]]), 'Network.gradient: target[1][0]'],
    ] as const;
    for (const [call, where] of cases) {
      const error = thrownBy(call);
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toContain(where);
    }
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.gradient(overflowingNet(), [1e200], [0]));
  });

  it('throws ValueError for a loss that is not one', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [5], { loss: { name: 'nope' } as unknown as Loss }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.gradient: loss/);
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, form) => {
        const input = inForm(c.input, form);
        const target = inForm(c.target, form);
        const kept = [keep(input), keep(target)];
        const before = snapshot(c.net);
        Network.gradient(c.net, input, target);
        kept.forEach((check) => check());
        expect(snapshot(c.net)).toEqual(before);
      }),
      RUNS,
    );
  });
});

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

describe('Network.gradient(...).input', () => {
  it('returns ∂L/∂x shaped like x (by hand: y = (x, 3x), t = 0, L = 10x², ∂L/∂x = 20x, halved in a batch of 2)', () => {
    const net = Network.create([Layer.create([[0, 0], [1, 3]], Activation.identity)]);
    const one = Network.gradient(net, [1], [0, 0]).input;
    expect([one.size(), one.toArray()]).toEqual([[1], [20]]);
    const batch = Network.gradient(net, [[1], [2]], [[0, 0], [0, 0]]).input;
    expect([batch.size(), batch.toArray()]).toEqual([[2, 1], [[10], [20]]]);
  });

  it('is the first layer\'s deltas carried back through its weights without the bias row, on random networks', () => {
    // ∂L/∂x_i = Σ_j W0[i + 1][j] · delta0_j, by the chain rule through z = [-1, x] · W0.
    fc.assert(fc.property(gradientCase({ shape: 'example' }), ({ net, input, target }) => {
      const g = Network.gradient(net, input, target);
      const w = net.layers[0].weights.toArray() as number[][];
      const delta = g.deltas[0].toArray() as number[];
      const expected = (input as number[]).map((_, i) => delta.reduce((sum, d, j) => sum + w[i + 1][j] * d, 0));
      expectMatrixClose(g.input, expected, { rtol: 1e-12, atol: 1e-15 });
    }), { numRuns: 30, seed: 0x1a });
  });
});
