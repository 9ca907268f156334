/**
 * Tests of the classification losses, Loss.binaryCrossEntropy and
 * Loss.softmaxCrossEntropy: hand-derived values, the clamp and the
 * log-sum-exp at the extremes, and property tests of each gradient against
 * central differences, alone and through Network.gradient.
 *
 * Sources of expected values:
 * - "hand": derived in the comment next to the assertion from the formulas
 *   in API.md (`-Σ [t ln y + (1 - t) ln(1 - y)]`, `-Σ t_k ln softmax(z)_k`).
 * - "naive": the textbook formula evaluated directly in this file, fine for
 *   moderate logits, independent of src/.
 * - "finite differences": `(L(w + h) - L(w - h)) / 2h`, computed here from
 *   `value` or from `Network.predict`, not from the library's gradientCheck.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network } from '../../src/index.js';
import { expectMatrixClose } from '../support/helpers.js';

/** 2^-40, the documented clamp of binaryCrossEntropy. */
const EPSILON = 2 ** -40;
/** The step of every central difference here. */
const H = 1e-6;
/**
 * A central difference with step 1e-6 is off by about h²/6 · |L'''| (below
 * 1e-8 for the ranges used) plus round-off of about 1e-16 · |L| / h.
 */
const FINITE_DIFFERENCE = { rtol: 1e-5, atol: 1e-7 };
/** Agreement to a few ulps. */
const ULPS = { rtol: 1e-14, atol: 1e-15 };

const SEEDED = { seed: 20240603, numRuns: 100 };

function gradientOf(loss: Loss, output: readonly number[], target: readonly number[]): number[] {
  const into = new Float64Array(output.length);
  loss.gradient(output, target, into);
  return Array.from(into);
}

/** `∂value/∂output_k` by central differences, one output at a time. */
function numericGradient(loss: Loss, output: readonly number[], target: readonly number[]): number[] {
  return output.map((_, k) => {
    const plus = output.map((y, j) => (j === k ? y + H : y));
    const minus = output.map((y, j) => (j === k ? y - H : y));
    return (loss.value(plus, target) - loss.value(minus, target)) / (2 * H);
  });
}

/** Rows of `length` values in [min, max], paired with targets from `target`. */
function rowAndTarget(
  output: fc.Arbitrary<number>,
  target: fc.Arbitrary<number>,
): fc.Arbitrary<{ y: number[]; t: number[] }> {
  return fc
    .integer({ min: 1, max: 6 })
    .chain((m) => fc.record({ y: fc.array(output, { minLength: m, maxLength: m }), t: fc.array(target, { minLength: m, maxLength: m }) }));
}

const unitDouble = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** A one-hot row of length `m` or a row of class probabilities. */
function classTarget(m: number): fc.Arbitrary<number[]> {
  const oneHot = fc.integer({ min: 0, max: m - 1 }).map((c) => Array.from({ length: m }, (_, k) => (k === c ? 1 : 0)));
  const probabilities = fc.array(unitDouble(0.01, 1), { minLength: m, maxLength: m }).map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / total);
  });
  return fc.oneof(oneHot, probabilities);
}

describe.each([
  ['binaryCrossEntropy', Loss.binaryCrossEntropy, [0.2, 0.7, 0.5], [1, 0, 0.3]],
  ['softmaxCrossEntropy', Loss.softmaxCrossEntropy, [2, -1, 0.5], [0, 1, 0]],
] as const)('Loss.%s (shared contract)', (name, loss, output, target) => {
  it('has its name', () => {
    expect(loss.name).toBe(name);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loss)).toBe(true);
  });

  it('does not mutate its arguments', () => {
    const y = [...output];
    const t = [...target];
    loss.value(y, t);
    loss.gradient(y, t, new Float64Array(3));
    expect(y).toEqual(output);
    expect(t).toEqual(target);
  });

  it('writes only the first output.length entries of into', () => {
    const into = new Float64Array(5).fill(7);
    loss.gradient(output, target, into);
    expect(Array.from(into.subarray(3))).toEqual([7, 7]);
  });

  it('gives the same result for Float64Array rows as for arrays', () => {
    const a = loss.value(output, target);
    expect(loss.value(Float64Array.from(output), Float64Array.from(target))).toBe(a);
  });
});

describe('Loss.binaryCrossEntropy', () => {
  const bce = Loss.binaryCrossEntropy;

  it('returns ln 2 for y = 0.5 whatever the target (hand: -[t ln ½ + (1 - t) ln ½] = ln 2)', () => {
    expect(bce.value([0.5], [1])).toBe(Math.LN2);
    expect(bce.value([0.5], [0])).toBe(Math.LN2);
    expectMatrixClose(bce.value([0.5], [0.25]), Math.LN2, ULPS);
  });

  it('sums over the outputs (hand: two outputs of ln 2 each)', () => {
    expect(bce.value([0.5, 0.5], [1, 0])).toBe(2 * Math.LN2);
  });

  it('returns -ln y for t = 1 and -ln(1 - y) for t = 0 (hand)', () => {
    expectMatrixClose(bce.value([0.9], [1]), -Math.log(0.9), ULPS);
    expectMatrixClose(bce.value([0.9], [0]), -Math.log(0.1), { rtol: 1e-14, atol: 0 });
  });

  it('returns the entropy of a soft target at y = t (hand: -(0.3 ln 0.3 + 0.7 ln 0.7))', () => {
    expectMatrixClose(bce.value([0.3], [0.3]), -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)), ULPS);
    expectMatrixClose(gradientOf(bce, [0.3], [0.3]), [0], ULPS);
  });

  it('gives the gradient (y - t) / (y (1 - y)) (hand: y = 0.5, t = 1 gives -2; y = 0.25, t = 0 gives 4/3)', () => {
    expect(gradientOf(bce, [0.5, 0.25], [1, 0])).toEqual([-2, 4 / 3]);
  });

  it('clamps y = 0 and y = 1 to finite losses of 40 ln 2 when wrong (hand: -ln 2^-40)', () => {
    expect(bce.value([0], [1])).toBe(40 * Math.LN2);
    expect(bce.value([1], [0])).toBe(40 * Math.LN2);
  });

  it('clamps y = 0 and y = 1 to losses of about ε when right (hand: -ln(1 - ε) ≈ ε)', () => {
    expectMatrixClose(bce.value([0, 1], [0, 1]), 2 * EPSILON, { rtol: 1e-9, atol: 0 });
  });

  it('gives finite gradients at y = 0 and y = 1 (hand: (ε - 1) / (ε (1 - ε)) = -2^40)', () => {
    expect(gradientOf(bce, [0, 1], [1, 0])).toEqual([-(2 ** 40), 2 ** 40]);
    expect(gradientOf(bce, [0, 1], [0, 1]).every(Number.isFinite)).toBe(true);
    expect(gradientOf(bce, [0, 1, 0, 1], [0.5, 0.5, 0, 1]).every(Number.isFinite)).toBe(true);
  });

  it('leaves outputs inside [ε, 1 - ε] unclamped (hand: y = 2ε, t = 1 gives -ln 2ε)', () => {
    expectMatrixClose(bce.value([2 * EPSILON], [1]), 39 * Math.LN2, ULPS);
  });

  it('has a gradient that matches central differences of its value (finite differences)', () => {
    fc.assert(
      fc.property(rowAndTarget(unitDouble(0.05, 0.95), unitDouble(0, 1)), ({ y, t }) => {
        expectMatrixClose(gradientOf(bce, y, t), numericGradient(bce, y, t), FINITE_DIFFERENCE);
      }),
      SEEDED,
    );
  });

  it('gives the output delta y - t through a sigmoid layer (hand: (y - t)/(y(1 - y)) · y(1 - y))', () => {
    const layer = Layer.create([[0.5, -1], [2, 0.25]], Activation.sigmoid);
    const net = Network.create([layer]);
    const g = Network.gradient(net, [0.3], [1, 0.2], { loss: bce });
    const y = g.output.toArray() as number[];
    expectMatrixClose(g.deltas[0], [y[0] - 1, y[1] - 0.2], { rtol: 1e-12, atol: 1e-15 });
  });

  it('gives a finite loss and zero gradients through a saturated sigmoid (y exactly 1)', () => {
    // z = -(-100) + 0 = 100, and sigmoid(100) is exactly 1 in doubles.
    const net = Network.create([Layer.create([[-100], [0]], Activation.sigmoid)]);
    expect(Network.predict(net, [0]).toArray()).toEqual([1]);
    const g = Network.gradient(net, [0], [0], { loss: bce });
    expect(g.loss).toBe(40 * Math.LN2);
    expectMatrixClose(g.weights[0], [[0], [0]], { rtol: 0, atol: 0 });
  });
});

describe('Loss.softmaxCrossEntropy', () => {
  const sce = Loss.softmaxCrossEntropy;

  it('returns ln 2 for logits [0, 0] and target [1, 0] (hand: softmax is [½, ½])', () => {
    expect(sce.value([0, 0], [1, 0])).toBe(Math.LN2);
  });

  it('returns ln m for m equal logits, however large (hand)', () => {
    expect(sce.value([1000, 1000], [0, 1])).toBe(Math.LN2);
    expectMatrixClose(sce.value([-1000, -1000, -1000], [0, 0, 1]), Math.log(3), ULPS);
    expectMatrixClose(sce.value([7, 7, 7, 7], [0.25, 0.25, 0.25, 0.25]), Math.log(4), ULPS);
  });

  it('returns exactly 2000 for logits [1000, -1000] and target [0, 1] (hand: -ln softmax = 2000 + ln(1 + e^-2000))', () => {
    expect(sce.value([1000, -1000], [0, 1])).toBe(2000);
    expect(sce.value([1000, -1000], [1, 0])).toBe(0);
  });

  it('gives the gradient [1, -1] for logits [1000, -1000] and target [0, 1] (hand: softmax is [1, e^-2000])', () => {
    expect(gradientOf(sce, [1000, -1000], [0, 1])).toEqual([1, -1]);
  });

  it('gives softmax - t for logits [0, ln 3] (hand: softmax is [¼, ¾], loss ln(4/3))', () => {
    expectMatrixClose(sce.value([0, Math.log(3)], [0, 1]), Math.log(4 / 3), ULPS);
    expectMatrixClose(gradientOf(sce, [0, Math.log(3)], [0, 1]), [0.25, -0.25], ULPS);
  });

  it('gives softmax · Σt - t for targets that do not sum to 1 (hand: logits [0, 0], t = [2, 1])', () => {
    // L = -(2 ln ½ + ln ½) = 3 ln 2; ∂L/∂z = ½ · 3 - t = [-0.5, 0.5].
    expectMatrixClose(sce.value([0, 0], [2, 1]), 3 * Math.LN2, ULPS);
    expect(gradientOf(sce, [0, 0], [2, 1])).toEqual([-0.5, 0.5]);
  });

  it('agrees with the naive formula for moderate logits (naive)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((m) =>
          fc.record({ z: fc.array(unitDouble(-5, 5), { minLength: m, maxLength: m }), t: classTarget(m) }),
        ),
        ({ z, t }) => {
          const total = z.reduce((sum, v) => sum + Math.exp(v), 0);
          const naive = -t.reduce((sum, tk, k) => sum + tk * Math.log(Math.exp(z[k]) / total), 0);
          expectMatrixClose(sce.value(z, t), naive, { rtol: 1e-12, atol: 1e-13 });
        },
      ),
      SEEDED,
    );
  });

  it('does not change when every logit is shifted by the same amount, even by 1000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((m) =>
          fc.record({
            z: fc.array(unitDouble(-5, 5), { minLength: m, maxLength: m }),
            t: classTarget(m),
            shift: fc.constantFrom(-1000, 1000, 12.5),
          }),
        ),
        ({ z, t, shift }) => {
          const shifted = z.map((v) => v + shift);
          const tolerance = { rtol: 1e-9, atol: 1e-9 };
          expectMatrixClose(sce.value(shifted, t), sce.value(z, t), tolerance);
          expectMatrixClose(gradientOf(sce, shifted, t), gradientOf(sce, z, t), tolerance);
        },
      ),
      SEEDED,
    );
  });

  it('stays finite for logits of ±1e300', () => {
    // hand: max = 1e300, s = 1, L = 0.2 · 0 + 0.3 · 2e300 + 0.5 · 1e300 = 1.1e300.
    expectMatrixClose(sce.value([1e300, -1e300, 0], [0.2, 0.3, 0.5]), 1.1e300, { rtol: 1e-15, atol: 0 });
    expect(gradientOf(sce, [1e300, -1e300, 0], [0.2, 0.3, 0.5])).toEqual([0.8, -0.3, -0.5]);
  });

  it('has gradients summing to 0 for class-probability targets (hand: Σ softmax - Σ t = 1 - 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((m) =>
          fc.record({ z: fc.array(unitDouble(-50, 50), { minLength: m, maxLength: m }), t: classTarget(m) }),
        ),
        ({ z, t }) => {
          expectMatrixClose(gradientOf(sce, z, t).reduce((a, b) => a + b, 0), 0, { rtol: 0, atol: 1e-14 });
        },
      ),
      SEEDED,
    );
  });

  it('has a gradient that matches central differences of its value, for any non-negative target (finite differences)', () => {
    fc.assert(
      fc.property(rowAndTarget(unitDouble(-10, 10), unitDouble(0, 2)), ({ y, t }) => {
        expectMatrixClose(gradientOf(sce, y, t), numericGradient(sce, y, t), FINITE_DIFFERENCE);
      }),
      SEEDED,
    );
  });
});

/** A small random network: sizes, weights in [-1, 1], a batch and targets. */
interface Case {
  readonly weights: number[][][];
  readonly x: number[][];
  readonly t: number[][];
  readonly hidden: Activation;
}

function matrixOf(rows: number, cols: number, entry: fc.Arbitrary<number>): fc.Arbitrary<number[][]> {
  const row = fc.array(entry, { minLength: cols, maxLength: cols });
  return fc.array(row, { minLength: rows, maxLength: rows });
}

function networkCase(target: (m: number) => fc.Arbitrary<number[]>): fc.Arbitrary<Case> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
      rows: fc.integer({ min: 1, max: 4 }),
      hidden: fc.constantFrom(Activation.sigmoid, Activation.tanh, Activation.softplus),
    })
    .chain(({ sizes, rows, hidden }) => {
      const m = sizes[sizes.length - 1];
      return fc.record({
        weights: fc.tuple(...sizes.slice(1).map((out, l) => matrixOf(sizes[l] + 1, out, unitDouble(-1, 1)))),
        x: matrixOf(rows, sizes[0], unitDouble(-1, 1)),
        t: fc.array(target(m), { minLength: rows, maxLength: rows }),
        hidden: fc.constant(hidden),
      });
    });
}

function build(weights: number[][][], hidden: Activation, output: Activation): Network {
  return Network.create(weights.map((w, l) => Layer.create(w, l === weights.length - 1 ? output : hidden)));
}

/** The batch-mean loss from Network.predict and loss.value, independent of Network.gradient. */
function meanLoss(net: Network, x: number[][], t: number[][], loss: Loss): number {
  const y = Network.predict(net, x).toArray() as number[][];
  return y.reduce((sum, row, r) => sum + loss.value(row, t[r]), 0) / y.length;
}

/** `∂(mean loss)/∂weights` by central differences, weight by weight. */
function numericWeightGradients(c: Case, output: Activation, loss: Loss): number[][][] {
  return c.weights.map((w, l) =>
    w.map((row, i) =>
      row.map((_, j) => {
        const at = (delta: number): number => {
          const moved = c.weights.map((m, ll) => m.map((r, ii) => r.map((v, jj) => (ll === l && ii === i && jj === j ? v + delta : v))));
          return meanLoss(build(moved, c.hidden, output), c.x, c.t, loss);
        };
        return (at(H) - at(-H)) / (2 * H);
      }),
    ),
  );
}

describe.each([
  ['binaryCrossEntropy', Loss.binaryCrossEntropy, Activation.sigmoid, (m: number) => fc.array(unitDouble(0, 1), { minLength: m, maxLength: m })],
  ['softmaxCrossEntropy', Loss.softmaxCrossEntropy, Activation.identity, classTarget],
] as const)('Network.gradient with Loss.%s', (_name, loss, output, target) => {
  it(`matches central differences on random small networks and batches (${output.name} output; finite differences)`, () => {
    fc.assert(
      fc.property(networkCase(target), (c) => {
        const net = build(c.weights, c.hidden, output);
        const g = Network.gradient(net, c.x, c.t, { loss });
        expectMatrixClose(g.loss, meanLoss(net, c.x, c.t, loss), { rtol: 1e-14, atol: 1e-15 });
        const numeric = numericWeightGradients(c, output, loss);
        g.weights.forEach((w, l) => expectMatrixClose(w, numeric[l], FINITE_DIFFERENCE));
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});

describe('Network.gradient with Loss.softmaxCrossEntropy and an identity output', () => {
  it('gives the output deltas (softmax(z) - t) / B for a batch (hand)', () => {
    const net = Network.create([Layer.create([[0, 0], [1, -1]], Activation.identity)]);
    // z = [x, -x]: for x = 0 softmax is [½, ½]; for x = ln 3 / 2 it is [¾, ¼].
    const x = [[0], [Math.log(3) / 2]];
    const t = [[1, 0], [0, 1]];
    const g = Network.gradient(net, x, t, { loss: Loss.softmaxCrossEntropy });
    expectMatrixClose(g.deltas[0], [[-0.25, 0.25], [0.375, -0.375]], ULPS);
    expectMatrixClose(g.loss, (Math.LN2 + Math.log(4)) / 2, ULPS);
  });
});
