/**
 * Tests of src/layer.ts: `Layer.create`, `Layer.forward`, `Layer.gradient`
 * and `Layer.sgdStep`.
 *
 * Conventions (API.md): a layer with n inputs and m neurons has weights of
 * (n + 1) × m, row 0 on the constant bias input -1, so
 * `z_j = -weights[0][j] + Σ_i x_i · weights[i + 1][j]` and `a = f(z)`.
 *
 * Sources of expected values:
 * - "notebook:" the hidden layer of shared/seed/backprop-notebook.md,
 *   V = [[1, 0, -1], [1, 2, 0], [0, -2, 1]], x = (1, 2), z = (0, -2, 3).
 * - "by hand:" small integer arithmetic written out in the comment.
 * - "Python:" CPython 3 float64 from the formula quoted, e.g. sigmoid(-2) =
 *   `1/(1+math.exp(2))`, independent of src/.
 * - Property tests compare with `referenceZ` below (a direct transcription
 *   of the formula above) and with central finite differences of it.
 */
import fc from 'fast-check';
import { all, create, isMatrix, matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, ShapeError, ValueError, type LayerForward } from '../../src/index.js';
import { expectMatrixClose, toNested, thrownBy } from '../support/helpers.js';

const EXACT = { rtol: 0, atol: 0 };
/** Agreement with independently computed float64 values: a few ulps. */
const ULPS = { rtol: 1e-12, atol: 1e-15 };
const RUNS = { numRuns: 150 };

/** The notebook's first-layer weights V (row 0: bias weights). */
const V = [
  [1, 0, -1],
  [1, 2, 0],
  [0, -2, 1],
];

/** Python: 1/(1+math.exp(-z)) for z = -2, -1, 1, 3, 6. */
const SIGMOID = {
  minus2: 0.11920292202211755,
  minus1: 0.2689414213699951,
  plus1: 0.7310585786300049,
  plus3: 0.9525741268224334,
  plus6: 0.9975273768433653,
};

/** A second, independent mathjs instance: its classes are not the default one's. */
const otherMath = create(all);

/** A deep copy of nested arrays, for before/after comparisons. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** z of one example, straight from the formula: -w[0][j] + Σ_i x_i w[i+1][j]. */
function referenceZ(weights: readonly number[][], x: readonly number[]): number[] {
  return weights[0].map((bias, j) => x.reduce((sum, xi, i) => sum + xi * weights[i + 1][j], -bias));
}

/** The scalar S = Σ_r Σ_j upstream[r][j] · f(z[r][j]), whose ∂S/∂a is `upstream`. */
function weightedSum(activation: Activation, weights: number[][], rows: number[][], upstream: number[][]): number {
  let sum = 0;
  rows.forEach((x, r) => {
    referenceZ(weights, x).forEach((z, j) => {
      sum += upstream[r][j] * activation.apply(z);
    });
  });
  return sum;
}

/** Central differences of `f` with respect to every entry of `values`. */
function centralDifferences(values: number[][], f: (perturbed: number[][]) => number, h: number): number[][] {
  return values.map((row, i) =>
    row.map((_, j) => {
      const plus = copy(values);
      const minus = copy(values);
      plus[i][j] += h;
      minus[i][j] -= h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

const ACTIVATIONS = [
  Activation.identity,
  Activation.sigmoid,
  Activation.tanh,
  Activation.relu,
  Activation.leakyRelu(),
  Activation.leakyRelu(0.2),
  Activation.softplus,
];
const KINKED = new Set(['relu', 'leakyRelu(0.01)', 'leakyRelu(0.2)']);

/** A random layer, input and upstream gradient; `batch` false means one 1-D example. */
interface LayerCase {
  readonly activation: Activation;
  readonly weights: number[][];
  /** Always rows; when `batch` is false there is exactly one. */
  readonly rows: number[][];
  readonly upstream: number[][];
  readonly batch: boolean;
}

const entry = fc.double({ min: -2, max: 2, noNaN: true });

function nested(rows: number, cols: number): fc.Arbitrary<number[][]> {
  const row = fc.array(entry, { minLength: cols, maxLength: cols });
  return fc.array(row, { minLength: rows, maxLength: rows });
}

/**
 * Random layer cases with `n` inputs, `m` neurons and `b` examples drawn
 * from `sizes`; `batchOnly` forces a 2-D batch.
 */
function layerCases(sizes: { min: number; max: number }, batchOnly = false): fc.Arbitrary<LayerCase> {
  return fc
    .record({
      n: fc.integer(sizes),
      m: fc.integer(sizes),
      b: fc.integer(sizes),
      batch: batchOnly ? fc.constant(true) : fc.boolean(),
    })
    .chain(({ n, m, b, batch }) => {
      const count = batch ? b : 1;
      return fc.record({
        activation: fc.constantFrom(...ACTIVATIONS),
        weights: nested(n + 1, m),
        rows: nested(count, n),
        upstream: nested(count, m),
        batch: fc.constant(batch),
      });
    });
}

/**
 * Small layers (1 to 3 inputs, neurons and examples, one example as 1-D or
 * a batch) and, one case in three, batches of 4 to 6 examples through 4 to
 * 6 inputs and neurons: the sizes that take the library's 4 × 4 tiled
 * products (src/internal/kernels.ts `useTiles`), with partial edge tiles.
 */
const layerCase: fc.Arbitrary<LayerCase> = fc.oneof(
  { arbitrary: layerCases({ min: 1, max: 3 }), weight: 2 },
  { arbitrary: layerCases({ min: 4, max: 6 }, true), weight: 1 },
);

/** The input or upstream as the library takes it: rows, or the one row as 1-D. */
function shaped(c: LayerCase, rows: number[][]): number[] | number[][] {
  return c.batch ? rows : rows[0];
}

/** Skips cases where a kinked activation sees a z within 1e-3 of its kink. */
function awayFromKinks(c: LayerCase): boolean {
  if (!KINKED.has(c.activation.name)) return true;
  return c.rows.every((x) => referenceZ(c.weights, x).every((z) => Math.abs(z) > 1e-3));
}

describe('Layer.create', () => {
  it('takes n + 1 rows as n inputs and the columns as neurons (notebook: V is 3 × 3, 2 inputs, 3 neurons)', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    expect(layer.inputSize).toBe(2);
    expect(layer.outputSize).toBe(3);
    expect(layer.activation).toBe(Activation.sigmoid);
    expect(isMatrix(layer.weights)).toBe(true);
    expect(layer.weights.size()).toEqual([3, 3]);
    expectMatrixClose(layer.weights, V, EXACT);
  });

  it('makes a layer of one input and one neuron from a 2 × 1 matrix', () => {
    const layer = Layer.create([[0.5], [-2]], Activation.identity);
    expect(layer.inputSize).toBe(1);
    expect(layer.outputSize).toBe(1);
    expectMatrixClose(layer.weights, [[0.5], [-2]], EXACT);
  });

  it('copies its argument: changing the array afterwards does not change the layer', () => {
    const weights = copy(V);
    const layer = Layer.create(weights, Activation.sigmoid);
    weights[0][0] = 100;
    weights[2] = [9, 9, 9];
    expectMatrixClose(layer.weights, V, EXACT);
    // by hand (notebook): z = (0, -2, 3) still, so the old weights are used.
    expectMatrixClose(Layer.forward(layer, [1, 2]).z, [0, -2, 3], EXACT);
  });

  it('copies a mathjs matrix argument: changing it afterwards does not change the layer', () => {
    const weights = matrix(copy(V));
    const layer = Layer.create(weights, Activation.sigmoid);
    weights.set([0, 0], 100);
    expect(layer.weights).not.toBe(weights);
    expectMatrixClose(layer.weights, V, EXACT);
  });

  it('returns frozen weights: layer.weights.set throws', () => {
    const layer = Layer.create([[1, 2], [3, 4]], Activation.identity);
    expect(() => layer.weights.set([0, 0], 1)).toThrow();
    expect(() => layer.weights.set([1, 1], 0)).toThrow();
    expectMatrixClose(layer.weights, [[1, 2], [3, 4]], EXACT);
  });

  it('keeps its weights when layer.weights.reshape is called in place', () => {
    const layer = Layer.create([[1, 2], [3, 4]], Activation.identity);
    // DenseMatrix.reshape(size) without copy = true reshapes in place (it is
    // missing from mathjs's Matrix type, hence the cast).
    const weights = layer.weights as unknown as { reshape(size: number[]): unknown };
    try {
      weights.reshape([1, 4]);
    } catch {
      // Refusing the in-place reshape is as good as ignoring it.
    }
    expect(layer.weights.size()).toEqual([2, 2]);
    expectMatrixClose(layer.weights, [[1, 2], [3, 4]], EXACT);
  });

  it('accepts number[][], a mathjs matrix() and a matrix from a second mathjs instance alike', () => {
    const fromOther = otherMath.matrix(copy(V));
    // The second instance's matrices are not instances of the default one's class,
    // so only an isMatrix check (not instanceof) can accept them.
    expect(fromOther instanceof (matrix([[0]]).constructor as abstract new () => unknown)).toBe(false);
    for (const weights of [copy(V), matrix(copy(V)), fromOther]) {
      const layer = Layer.create(weights, Activation.sigmoid);
      expect(layer.inputSize).toBe(2);
      expect(layer.outputSize).toBe(3);
      expectMatrixClose(layer.weights, V, EXACT);
    }
  });

  it('does not modify its argument', () => {
    const array = copy(V);
    const m = matrix(copy(V));
    Layer.create(array, Activation.sigmoid);
    Layer.create(m, Activation.sigmoid);
    expect(array).toEqual(V);
    expect(m.toArray()).toEqual(V);
    expect(m.size()).toEqual([3, 3]);
  });

  it('keeps every entry exactly (property)', () => {
    fc.assert(
      fc.property(layerCase, (c) => {
        const layer = Layer.create(c.weights, c.activation);
        expect(layer.inputSize).toBe(c.weights.length - 1);
        expect(layer.outputSize).toBe(c.weights[0].length);
        expectMatrixClose(layer.weights, c.weights, EXACT);
      }),
      RUNS,
    );
  });

  it('throws ShapeError when the weights are 1-D', () => {
    const error = thrownBy(() => Layer.create([1, 2, 3], Activation.identity));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Layer\.create/);
    expect((error as ShapeError).actual).toEqual([3]);
  });

  it('throws ShapeError when the weights have a single row (no room for bias and input)', () => {
    const error = thrownBy(() => Layer.create([[1, 2, 3]], Activation.identity));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Layer\.create/);
    expect((error as ShapeError).actual).toEqual([1, 3]);
  });

  it('throws ShapeError when the weights are empty', () => {
    for (const weights of [[], [[]], [[], []]]) {
      const error = thrownBy(() => Layer.create(weights as number[][], Activation.identity));
      expect(error, JSON.stringify(weights)).toBeInstanceOf(ShapeError);
      expect(error.message).toMatch(/^Layer\.create/);
    }
  });

  it('throws ShapeError when the rows are ragged, naming the row', () => {
    const error = thrownBy(() => Layer.create([[1, 2], [3]], Activation.identity));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Layer\.create/);
    expect(error.message).toContain('row 1');
    expect((error as ShapeError).expected).toEqual([2, 2]);
    expect((error as ShapeError).actual).toEqual([2, 1]);
  });

  it('throws ValueError naming the index [1][0] when that entry is NaN or ±Infinity', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = thrownBy(() => Layer.create([[0, 0], [bad, 1]], Activation.identity));
      expect(error, String(bad)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Layer\.create/);
      expect(error.message).toContain('[1][0]');
      expect(error.message).toContain(String(bad));
    }
  });

  it('throws ValueError naming the index when a mathjs matrix holds NaN', () => {
    const error = thrownBy(() => Layer.create(matrix([[0, 0], [1, Number.NaN]]), Activation.identity));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toContain('[1][1]');
  });

  it('throws ValueError when an entry is a string, naming its index', () => {
    const error = thrownBy(() => Layer.create([[0, '1'], [2, 3]] as unknown as number[][], Activation.identity));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Layer\.create/);
    expect(error.message).toContain('[0][1]');
    expect(error.message).toContain('"1"');
  });

  it('throws ValueError when the weights are not an array or matrix', () => {
    for (const weights of [undefined, null, 3, 'weights']) {
      const error = thrownBy(() => Layer.create(weights as never, Activation.identity));
      expect(error, String(weights)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Layer\.create/);
    }
  });

  it('throws ValueError when the activation is not an activation', () => {
    for (const activation of [undefined, 'sigmoid', { name: 'half', apply: (z: number) => z / 2 }]) {
      const error = thrownBy(() => Layer.create(V, activation as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Layer\.create/);
    }
  });
});

describe('Layer.forward', () => {
  it('returns z = (0, -2, 3) and a = sigmoid(z) for the notebook example x = (1, 2) as 1-D vectors', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const pass = Layer.forward(layer, [1, 2]);
    // notebook: z1 = -1·1 + 1·1 + 2·0 = 0, z2 = -1·0 + 1·2 + 2·-2 = -2, z3 = -1·-1 + 1·0 + 2·1 = 3
    expect(pass.z.size()).toEqual([3]);
    expect(pass.a.size()).toEqual([3]);
    expect(pass.input.size()).toEqual([2]);
    expectMatrixClose(pass.input, [1, 2], EXACT);
    expectMatrixClose(pass.z, [0, -2, 3], EXACT);
    // sigmoid(0) = 0.5 exactly; the others Python.
    expectMatrixClose(pass.a, [0.5, SIGMOID.minus2, SIGMOID.plus3], ULPS);
  });

  it('returns one row per example for a batch (by hand from V)', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const pass = Layer.forward(layer, [[1, 2], [0, 0], [2, -1]]);
    // by hand: x = (0, 0) gives z = -V[0] = (-1, 0, 1);
    // x = (2, -1) gives z = -(1, 0, -1) + 2·(1, 2, 0) - (0, -2, 1) = (1, 6, 0).
    expect(pass.z.size()).toEqual([3, 3]);
    expect(pass.input.size()).toEqual([3, 2]);
    expectMatrixClose(pass.input, [[1, 2], [0, 0], [2, -1]], EXACT);
    expectMatrixClose(pass.z, [[0, -2, 3], [-1, 0, 1], [1, 6, 0]], EXACT);
    expectMatrixClose(
      pass.a,
      [
        [0.5, SIGMOID.minus2, SIGMOID.plus3],
        [SIGMOID.minus1, 0.5, SIGMOID.plus1],
        [SIGMOID.plus1, SIGMOID.plus6, 0.5],
      ],
      ULPS,
    );
  });

  it('returns a batch of one row as a 1 × m matrix, not a vector', () => {
    const pass = Layer.forward(Layer.create(V, Activation.identity), [[1, 2]]);
    expect(pass.z.size()).toEqual([1, 3]);
    expectMatrixClose(pass.a, [[0, -2, 3]], EXACT);
  });

  it('accepts the input as a mathjs matrix, from either mathjs instance', () => {
    const layer = Layer.create(V, Activation.identity);
    for (const input of [matrix([1, 2]), otherMath.matrix([1, 2])]) {
      expectMatrixClose(Layer.forward(layer, input).z, [0, -2, 3], EXACT);
    }
    expectMatrixClose(Layer.forward(layer, otherMath.matrix([[1, 2], [0, 0]])).z, [[0, -2, 3], [-1, 0, 1]], EXACT);
  });

  it('returns mathjs matrices', () => {
    const pass = Layer.forward(Layer.create(V, Activation.sigmoid), [1, 2]);
    expect(isMatrix(pass.input)).toBe(true);
    expect(isMatrix(pass.z)).toBe(true);
    expect(isMatrix(pass.a)).toBe(true);
  });

  it('agrees with the formula z = [-1, x] · weights, a = f(z) (property)', () => {
    fc.assert(
      fc.property(layerCase, (c) => {
        const pass = Layer.forward(Layer.create(c.weights, c.activation), shaped(c, c.rows));
        const z = c.rows.map((x) => referenceZ(c.weights, x));
        const a = z.map((row) => row.map((v) => c.activation.apply(v)));
        // Same sums, possibly in another order: a few ulps of the largest term (<= 14).
        const tolerance = { rtol: 1e-12, atol: 1e-13 };
        expectMatrixClose(pass.z, shaped(c, z), tolerance);
        expectMatrixClose(pass.a, shaped(c, a), tolerance);
        expectMatrixClose(pass.input, shaped(c, c.rows), EXACT);
      }),
      RUNS,
    );
  });

  it('does not modify its arguments', () => {
    const weights = matrix(copy(V));
    const layer = Layer.create(weights, Activation.sigmoid);
    const array = [[1, 2], [0, 0]];
    const m = matrix([[1, 2], [0, 0]]);
    const frozen = Object.freeze([Object.freeze([1, 2]), Object.freeze([0, 0])]);
    Layer.forward(layer, array);
    Layer.forward(layer, m);
    Layer.forward(layer, frozen as unknown as number[][]);
    expect(array).toEqual([[1, 2], [0, 0]]);
    expect(m.toArray()).toEqual([[1, 2], [0, 0]]);
    expectMatrixClose(layer.weights, V, EXACT);
  });

  it('returns an input matrix that is a copy, not the caller\'s matrix', () => {
    const m = matrix([1, 2]);
    const pass = Layer.forward(Layer.create(V, Activation.identity), m);
    expect(pass.input).not.toBe(m);
    pass.input.set([0], 50);
    expect(m.toArray()).toEqual([1, 2]);
  });

  it('throws ShapeError when the input has 3 entries instead of 2', () => {
    const error = thrownBy(() => Layer.forward(Layer.create(V, Activation.sigmoid), [1, 2, 3]));
    expect(error).toBeInstanceOf(ShapeError);
    const shapeError = error as ShapeError;
    expect(shapeError.expected).toEqual([2]);
    expect(shapeError.actual).toEqual([3]);
    expect(error.message).toMatch(/^Layer\.forward/);
    expect(error.message).toMatch(/\b2\b/);
    expect(error.message).toMatch(/\b3\b/);
  });

  it('throws ShapeError when the batch rows have 1 entry instead of 2', () => {
    const error = thrownBy(() => Layer.forward(Layer.create(V, Activation.sigmoid), [[1], [2], [3], [4]]));
    expect(error).toBeInstanceOf(ShapeError);
    const shapeError = error as ShapeError;
    expect(shapeError.expected).toEqual([4, 2]);
    expect(shapeError.actual).toEqual([4, 1]);
    expect(error.message).toMatch(/\b2\b/);
    expect(error.message).toMatch(/\b1\b/);
  });

  it('throws ValueError naming the index when the input holds NaN', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const vectorError = thrownBy(() => Layer.forward(layer, [1, Number.NaN]));
    expect(vectorError).toBeInstanceOf(ValueError);
    expect(vectorError.message).toMatch(/^Layer\.forward/);
    expect(vectorError.message).toContain('[1]');
    const batchError = thrownBy(() => Layer.forward(layer, [[1, 2], [Number.POSITIVE_INFINITY, 0]]));
    expect(batchError).toBeInstanceOf(ValueError);
    expect(batchError.message).toContain('[1][0]');
  });
});

describe('Layer.gradient', () => {
  it('returns delta, ∂L/∂weights and ∂L/∂input for a relu layer with one dead neuron (by hand)', () => {
    // weights [[1, 2], [2, 0], [0, -1]], x = (1, 3):
    //   z = (-1 + 2 + 0, -2 + 0 - 3) = (1, -5), a = (1, 0)
    // upstream (3, 7): delta = (3·1, 7·0) = (3, 0)
    // ∂L/∂w[i][j] = [-1, 1, 3]_i · delta_j = [[-3, 0], [3, 0], [9, 0]]
    // ∂L/∂x_i = Σ_j w[i+1][j] delta_j = (2·3 + 0·0, 0·3 - 1·0) = (6, 0)
    const layer = Layer.create([[1, 2], [2, 0], [0, -1]], Activation.relu);
    const pass = Layer.forward(layer, [1, 3]);
    expectMatrixClose(pass.z, [1, -5], EXACT);
    const g = Layer.gradient(layer, pass, [3, 7]);
    expectMatrixClose(g.delta, [3, 0], EXACT);
    expectMatrixClose(g.weights, [[-3, 0], [3, 0], [9, 0]], EXACT);
    expectMatrixClose(g.input, [6, 0], EXACT);
    expect(g.delta.size()).toEqual([2]);
    expect(g.input.size()).toEqual([2]);
    expect(g.weights.size()).toEqual([3, 2]);
  });

  it('returns the notebook hidden deltas for upstream W[1..3] = (2, 3, -1) (Python)', () => {
    // delta_j = upstream_j · a_j (1 - a_j) with a = (0.5, sigmoid(-2), sigmoid(3)):
    // Python: [u*a*(1-a) for u, a in zip([2, 3, -1], a)]
    const delta = [0.5, 0.3149807562105195, -0.045176659730912];
    const layer = Layer.create(V, Activation.sigmoid);
    const g = Layer.gradient(layer, Layer.forward(layer, [1, 2]), [2, 3, -1]);
    expectMatrixClose(g.delta, delta, ULPS);
    // ∂L/∂V[i][j] = [-1, 1, 2]_i · delta_j
    expectMatrixClose(g.weights, [delta.map((d) => -d), delta, delta.map((d) => 2 * d)], ULPS);
    // ∂L/∂x_i = Σ_j V[i+1][j] delta_j (Python: 1·0.5 + 2·d2; -2·d2 + 1·d3)
    expectMatrixClose(g.input, [1.1299615124210391, -0.675138172151951], ULPS);
  });

  it('sums the weight gradient over the rows of a batch (by hand)', () => {
    // identity, weights [[1], [2], [3]], X = [[1, 0], [0, 1]], upstream [[1], [2]]:
    //   z = (-1 + 2, -1 + 3) = (1, 2); delta = upstream = [[1], [2]]
    //   ∂L/∂w = (-1, 1, 0)ᵀ·1 + (-1, 0, 1)ᵀ·2 = [[-3], [1], [2]]
    //   ∂L/∂x = delta_r · (2, 3) = [[2, 3], [4, 6]]
    const layer = Layer.create([[1], [2], [3]], Activation.identity);
    const pass = Layer.forward(layer, [[1, 0], [0, 1]]);
    expectMatrixClose(pass.z, [[1], [2]], EXACT);
    const g = Layer.gradient(layer, pass, [[1], [2]]);
    expectMatrixClose(g.delta, [[1], [2]], EXACT);
    expectMatrixClose(g.weights, [[-3], [1], [2]], EXACT);
    expectMatrixClose(g.input, [[2, 3], [4, 6]], EXACT);
  });

  it('matches central finite differences of S = Σ upstream ⊙ a in the weights and the input (property)', () => {
    // h = 1e-5 on entries in [-2, 2], up to 6 × 6 × 6: |z| <= 26, so the
    // rounding ε·Σ|terms|/h is below ~2e-8 (Σ|terms| <= 36 · 2 · 26) and the
    // truncation h²·|S'''|/6 below ~1e-8. Hence 1e-6 absolute + 1e-6
    // relative; a derivative off by 2x or by a sign misses by far more.
    const h = 1e-5;
    const tolerance = { rtol: 1e-6, atol: 1e-6 };
    fc.assert(
      fc.property(layerCase, (c) => {
        fc.pre(awayFromKinks(c));
        const layer = Layer.create(c.weights, c.activation);
        const pass = Layer.forward(layer, shaped(c, c.rows));
        const g = Layer.gradient(layer, pass, shaped(c, c.upstream));
        const numericWeights = centralDifferences(c.weights, (w) => weightedSum(c.activation, w, c.rows, c.upstream), h);
        const numericInput = centralDifferences(c.rows, (x) => weightedSum(c.activation, c.weights, x, c.upstream), h);
        expectMatrixClose(g.weights, numericWeights, tolerance);
        expectMatrixClose(g.input, shaped(c, numericInput), tolerance);
        // delta = ∂S/∂z = upstream ⊙ f'(z): z enters S only through its own neuron.
        const numericDelta = c.rows.map((x, r) =>
          referenceZ(c.weights, x).map((z, j) => c.upstream[r][j] * ((c.activation.apply(z + h) - c.activation.apply(z - h)) / (2 * h))),
        );
        expectMatrixClose(g.delta, shaped(c, numericDelta), tolerance);
      }),
      RUNS,
    );
  });

  it('returns for a batch the sum of the per-row weight gradients, and per-row deltas and input gradients (property)', () => {
    fc.assert(
      fc.property(layerCase, (c) => {
        const layer = Layer.create(c.weights, c.activation);
        const batch = Layer.gradient(layer, Layer.forward(layer, c.rows), c.upstream);
        const single = c.rows.map((x, r) => Layer.gradient(layer, Layer.forward(layer, x), c.upstream[r]));
        const summed = c.weights.map((row, i) =>
          row.map((_, j) => single.reduce((sum, g) => sum + (g.weights.get([i, j]) as number), 0)),
        );
        const tolerance = { rtol: 1e-12, atol: 1e-12 };
        expectMatrixClose(batch.weights, summed, tolerance);
        expectMatrixClose(batch.delta, single.map((g) => toNested(g.delta)), tolerance);
        expectMatrixClose(batch.input, single.map((g) => toNested(g.input)), tolerance);
      }),
      RUNS,
    );
  });

  it('accepts a forward pass and upstream made of matrices from a second mathjs instance', () => {
    const layer = Layer.create([[1, 2], [2, 0], [0, -1]], Activation.relu);
    const pass: LayerForward = {
      input: otherMath.matrix([1, 3]),
      z: otherMath.matrix([1, -5]),
      a: otherMath.matrix([1, 0]),
    };
    const g = Layer.gradient(layer, pass, otherMath.matrix([3, 7]));
    // by hand: the relu example above
    expectMatrixClose(g.weights, [[-3, 0], [3, 0], [9, 0]], EXACT);
  });

  it('returns mathjs matrices', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const g = Layer.gradient(layer, Layer.forward(layer, [1, 2]), [1, 1, 1]);
    expect(isMatrix(g.delta)).toBe(true);
    expect(isMatrix(g.weights)).toBe(true);
    expect(isMatrix(g.input)).toBe(true);
  });

  it('does not modify its arguments', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const pass = Layer.forward(layer, [[1, 2], [0, 0]]);
    const before = { input: pass.input.clone(), z: pass.z.clone(), a: pass.a.clone() };
    const upstream = matrix([[1, -1, 2], [0.5, 0, 3]]);
    const upstreamArray = [[1, -1, 2], [0.5, 0, 3]];
    Layer.gradient(layer, pass, upstream);
    Layer.gradient(layer, pass, upstreamArray);
    expect(pass.input.toArray()).toEqual(before.input.toArray());
    expect(pass.z.toArray()).toEqual(before.z.toArray());
    expect(pass.a.toArray()).toEqual(before.a.toArray());
    expect(upstream.toArray()).toEqual(upstreamArray);
    expect(upstreamArray).toEqual([[1, -1, 2], [0.5, 0, 3]]);
    expectMatrixClose(layer.weights, V, EXACT);
  });

  it('throws ShapeError when upstream has 2 entries instead of the 3 of a', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const error = thrownBy(() => Layer.gradient(layer, Layer.forward(layer, [1, 2]), [1, 1]));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([3]);
    expect((error as ShapeError).actual).toEqual([2]);
    expect(error.message).toMatch(/^Layer\.gradient/);
    expect(error.message).toContain('upstream');
  });

  it('throws ShapeError when upstream is a batch but the forward pass is one example', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const error = thrownBy(() => Layer.gradient(layer, Layer.forward(layer, [1, 2]), [[1, 1, 1]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([3]);
    expect((error as ShapeError).actual).toEqual([1, 3]);
  });

  it('throws ShapeError when the forward pass belongs to a layer of another input size', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const other = Layer.create([[0, 0, 0], [1, 1, 1]], Activation.sigmoid);
    const error = thrownBy(() => Layer.gradient(layer, Layer.forward(other, [1]), [1, 1, 1]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Layer\.gradient/);
  });

  it('throws ValueError when upstream holds NaN', () => {
    const layer = Layer.create(V, Activation.sigmoid);
    const error = thrownBy(() => Layer.gradient(layer, Layer.forward(layer, [1, 2]), [1, Number.NaN, 1]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Layer\.gradient/);
    expect(error.message).toContain('[1]');
  });
});

describe('Layer.sgdStep', () => {
  it('returns weights − η · gradient (by hand: η = 0.25)', () => {
    // [[1, -2], [0.5, 4]] - 0.25·[[2, 2], [-1, 8]] = [[0.5, -2.5], [0.75, 2]]
    const layer = Layer.create([[1, -2], [0.5, 4]], Activation.tanh);
    const next = Layer.sgdStep(layer, [[2, 2], [-1, 8]], 0.25);
    expectMatrixClose(next.weights, [[0.5, -2.5], [0.75, 2]], EXACT);
    expect(next.activation).toBe(Activation.tanh);
    expect(next.inputSize).toBe(1);
    expect(next.outputSize).toBe(2);
  });

  it('returns exactly weights − η · gradient, entry by entry (property)', () => {
    const stepCase = layerCase.chain((c) =>
      fc.record({
        c: fc.constant(c),
        gradient: nested(c.weights.length, c.weights[0].length),
        rate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(stepCase, ({ c, gradient, rate }) => {
        const layer = Layer.create(c.weights, c.activation);
        const next = Layer.sgdStep(layer, gradient, rate);
        const expected = c.weights.map((row, i) => row.map((w, j) => w - rate * gradient[i][j]));
        expectMatrixClose(next.weights, expected, EXACT);
        expectMatrixClose(layer.weights, c.weights, EXACT);
      }),
      RUNS,
    );
  });

  it('steps with the gradient of Layer.gradient to the notebook-style update (by hand)', () => {
    // The relu example: ∂L/∂w = [[-3, 0], [3, 0], [9, 0]], η = 0.5:
    // [[1, 2], [2, 0], [0, -1]] - 0.5·∂L/∂w = [[2.5, 2], [0.5, 0], [-4.5, -1]]
    const layer = Layer.create([[1, 2], [2, 0], [0, -1]], Activation.relu);
    const g = Layer.gradient(layer, Layer.forward(layer, [1, 3]), [3, 7]);
    expectMatrixClose(Layer.sgdStep(layer, g.weights, 0.5).weights, [[2.5, 2], [0.5, 0], [-4.5, -1]], EXACT);
  });

  it('accepts the gradient as a matrix from a second mathjs instance', () => {
    const layer = Layer.create([[1, -2], [0.5, 4]], Activation.identity);
    const next = Layer.sgdStep(layer, otherMath.matrix([[2, 2], [-1, 8]]), 0.25);
    expectMatrixClose(next.weights, [[0.5, -2.5], [0.75, 2]], EXACT);
  });

  it('returns a new layer with frozen weights and leaves the old one unchanged', () => {
    const layer = Layer.create([[1, -2], [0.5, 4]], Activation.identity);
    const next = Layer.sgdStep(layer, [[2, 2], [-1, 8]], 0.25);
    expect(next).not.toBe(layer);
    expect(isMatrix(next.weights)).toBe(true);
    expect(() => next.weights.set([0, 0], 7)).toThrow();
    expectMatrixClose(layer.weights, [[1, -2], [0.5, 4]], EXACT);
  });

  it('does not modify its arguments', () => {
    const layer = Layer.create([[1, -2], [0.5, 4]], Activation.identity);
    const gradient = matrix([[2, 2], [-1, 8]]);
    const gradientArray = [[2, 2], [-1, 8]];
    Layer.sgdStep(layer, gradient, 0.25);
    Layer.sgdStep(layer, gradientArray, 0.25);
    expect(gradient.toArray()).toEqual([[2, 2], [-1, 8]]);
    expect(gradientArray).toEqual([[2, 2], [-1, 8]]);
    expectMatrixClose(layer.weights, [[1, -2], [0.5, 4]], EXACT);
  });

  it('throws ValueError when the learning rate is not positive and finite', () => {
    const layer = Layer.create([[1], [2]], Activation.identity);
    for (const rate of [0, -0, -0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '0.1']) {
      const error = thrownBy(() => Layer.sgdStep(layer, [[1], [1]], rate as number));
      expect(error, String(rate)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Layer\.sgdStep/);
      expect(error.message).toContain('learningRate');
    }
  });

  it('throws ShapeError when the gradient is 2 × 1 instead of the weights\' 3 × 1', () => {
    const layer = Layer.create([[1], [2], [3]], Activation.identity);
    const error = thrownBy(() => Layer.sgdStep(layer, [[1], [1]], 0.1));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([3, 1]);
    expect((error as ShapeError).actual).toEqual([2, 1]);
    expect(error.message).toMatch(/^Layer\.sgdStep/);
  });

  it('throws ShapeError when the gradient is transposed or 1-D', () => {
    const layer = Layer.create([[1], [2], [3]], Activation.identity);
    for (const gradient of [[[1, 2, 3]], [1, 2, 3]]) {
      const error = thrownBy(() => Layer.sgdStep(layer, gradient, 0.1));
      expect(error, JSON.stringify(gradient)).toBeInstanceOf(ShapeError);
      expect((error as ShapeError).expected).toEqual([3, 1]);
    }
  });

  it('throws ValueError naming the index when the gradient holds NaN', () => {
    const layer = Layer.create([[1], [2], [3]], Activation.identity);
    const error = thrownBy(() => Layer.sgdStep(layer, [[1], [Number.NaN], [1]], 0.1));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Layer\.sgdStep/);
    expect(error.message).toContain('[1][0]');
  });
});
