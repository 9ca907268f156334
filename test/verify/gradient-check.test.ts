/**
 * Tests of src/gradient-check.ts: `gradientCheck` passes correct gradients
 * (every built-in activation, exact zeros of a dead relu), fails a
 * derivative that is off by a factor of 2 and points at its layer, honours
 * explicit tolerances, refuses a bad ε, and reports what its documentation
 * says.
 *
 * Sources of expected values:
 * - "by hand:" small arithmetic written out in the comment.
 * - The report's fields are checked against their definitions (API.md):
 *   `analytic` against `Network.gradient`, `numeric` against a central
 *   difference computed here from `Network.predict`, the errors and maxima
 *   against their formulas.
 * - Random networks: test/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   weights and inputs in [-1, 1], relu kinks kept 1e-3 away).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { all, create, isMatrix, matrix, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError, gradientCheck, type GradientCheckReport } from '../../src/index.js';
import {
  BUILT_IN_ACTIVATIONS,
  activationArb,
  buildNetwork,
  caseArb,
  clearKinks,
  weightCount,
  withWeight,
  type Case,
  type Data,
} from '../support/arbitraries.js';
import { expectMatrixClose, toNested, thrownBy } from '../support/helpers.js';

/** Properties: a fixed seed, so that every run checks the same cases. */
const RUNS = { numRuns: 100, seed: 0x6c };
const EXACT = { rtol: 0, atol: 0 };

/** A second, independent mathjs instance: its classes are not the default one's. */
const otherMath = create(all);

/**
 * tanh with a derivative off by a factor of 2: `2 (1 - a²)` instead of
 * `1 - a²`. The name is unique to this file: the registry is global.
 */
const doubledTanh = Activation.define({
  name: 'test-gradient-check-tanh-with-doubled-derivative',
  apply: (z) => Math.tanh(z),
  derivative: (_z, a) => 2 * (1 - a * a),
});

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The failing entries, as `layer[row][column]` strings, for messages. */
function failing(report: GradientCheckReport): string[] {
  return report.entries.filter((e) => !e.ok).map((e) => `${e.layer}[${e.row}][${e.column}]: ${e.analytic} vs ${e.numeric}`);
}

/** The layers that have at least one failing entry, ascending. */
function failingLayers(report: GradientCheckReport): number[] {
  return [...new Set(report.entries.filter((e) => !e.ok).map((e) => e.layer))].sort((a, b) => a - b);
}

/** The squared error of `net` on the case's data, written out: mean over rows of Σ_k (y_k - t_k)^2. */
function squaredError(net: Network, input: Data, targetRows: readonly (readonly number[])[]): number {
  const output = toNested(Network.predict(net, input)) as number[] | number[][];
  const rows = (Array.isArray(output[0]) ? output : [output]) as number[][];
  return rows.reduce((total, y, r) => total + y.reduce((sum, yk, k) => sum + (yk - targetRows[r][k]) ** 2, 0), 0) / rows.length;
}

/** A 3-layer case whose layer `at` is the doubled-derivative tanh; the others sigmoid, then identity on top. */
function buggyCase(at: number): fc.Arbitrary<Case> {
  const others = [Activation.sigmoid, Activation.sigmoid, Activation.identity];
  return caseArb({
    minLayers: 3,
    maxLayers: 3,
    maxWidth: 5,
    activationOf: (layer) => fc.constant(layer === at ? doubledTanh : others[layer]),
  });
}

describe('gradientCheck', () => {
  it('passes the notebook\'s 2-3-1 network and reports its 13 weights (by hand: 3·3 + 4·1)', () => {
    const net = Network.create([
      Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
      Layer.create([[1], [2], [3], [-1]], Activation.identity),
    ]);
    const report = gradientCheck(net, [1, 2], [5]);
    expect(report.ok, failing(report).join('\n')).toBe(true);
    expect(report.entries.length).toBe(13);
  });

  it('passes random networks mixing every built-in activation, single examples and batches', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        expect(report.ok, failing(report).join('\n')).toBe(true);
      }),
      RUNS,
    );
  });

  it.each(BUILT_IN_ACTIVATIONS.map((activation) => [activation.name, activation] as const))(
    'passes random networks whose every layer is %s',
    (_name, activation) => {
      fc.assert(
        fc.property(caseArb({ activation: fc.constant(activation) }), (c) => {
          const report = gradientCheck(c.net, c.input, c.target);
          expect(report.ok, failing(report).join('\n')).toBe(true);
        }),
        RUNS,
      );
    },
  );

  it('passes exact zero gradients below a dead relu layer (by hand: z = -5 + Σ a_i w_i <= -2 since 0 < a_i < 1)', () => {
    const net = Network.create([
      Layer.create([[0.5, -0.5, 0], [1, -1, 0.5], [-0.5, 0.25, 1]], Activation.sigmoid),
      Layer.create([[5, 5], [1, -1], [-1, 1], [0.5, 0.5]], Activation.relu),
      Layer.create([[0.5], [2], [-3]], Activation.identity),
    ]);
    const x = [[1, 2], [-1, 0.5], [0, 0]];
    const t = [[1], [0], [-1]];
    const report = gradientCheck(net, x, t);
    expect(report.ok, failing(report).join('\n')).toBe(true);
    for (const entry of report.entries) {
      // Layers 0 and 1, and the weights on the dead neurons' zero outputs in layer 2.
      const dead = entry.layer < 2 || entry.row > 0;
      if (dead) {
        expect(entry.analytic === 0, `${entry.layer}[${entry.row}][${entry.column}] analytic`).toBe(true);
        expect(entry.numeric === 0, `${entry.layer}[${entry.row}][${entry.column}] numeric`).toBe(true);
        expect(entry.absoluteError).toBe(0);
        expect(entry.relativeError).toBe(0);
      }
    }
    // The output's bias still learns: ∂L/∂w0 = mean(2 (y - t)) · (-1) with y = -0.5 on every row.
    const bias = report.entries.find((e) => e.layer === 2 && e.row === 0)!;
    expect(bias.analytic).toBe(-((2 * (-0.5 - 1) + 2 * (-0.5 - 0) + 2 * (-0.5 + 1)) / 3));
  });

  it('passes random networks with a dead relu layer in the middle', () => {
    // Below it a sigmoid layer (outputs in (0, 1)), so with bias weights of 10
    // and weights in [-1, 1] every z of the relu layer is below -10 + 8 < 0.
    const dead = caseArb({
      minLayers: 3,
      maxLayers: 3,
      activationOf: (layer) => (layer === 0 ? fc.constant(Activation.sigmoid) : layer === 1 ? fc.constant(Activation.relu) : activationArb()),
    }).map((c) => {
      let spec = c.spec;
      spec.weights[1][0].forEach((_, j) => {
        spec = withWeight(spec, 1, 0, j, 10);
      });
      // Layer 2 now sees only zeros: move its own relu kinks off z = -bias again.
      spec = clearKinks(spec, c.rows);
      return { ...c, spec, net: buildNetwork(spec) };
    });
    fc.assert(
      fc.property(dead, (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        expect(report.ok, failing(report).join('\n')).toBe(true);
        for (const entry of report.entries.filter((e) => e.layer < 2)) {
          expect(entry.analytic === 0 && entry.numeric === 0, `${entry.layer}[${entry.row}][${entry.column}]`).toBe(true);
        }
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('fails a derivative off by a factor of 2 in layer 0 of 3, on layer 0\'s entries only', () => {
    // The wrong f' enters only layer 0's deltas, so only layer 0's weight
    // gradients are wrong: analytic = 2 · numeric, a relative error of 1/2.
    fc.assert(
      fc.property(buggyCase(0), (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        fc.pre(report.entries.some((e) => e.layer === 0 && Math.abs(e.numeric) > 1e-6));
        expect(report.ok).toBe(false);
        expect(failingLayers(report)).toEqual([0]);
        for (const entry of report.entries.filter((e) => e.layer === 0 && Math.abs(e.numeric) > 1e-6)) {
          expect(entry.ok, `[${entry.row}][${entry.column}]`).toBe(false);
          expect(entry.relativeError).toBeCloseTo(0.5, 3);
        }
      }),
      RUNS,
    );
  });

  it('fails a derivative off by a factor of 2 in layer 1 of 3, with layer 1 the highest failing layer', () => {
    // The wrong f' doubles layer 1's deltas; backpropagation carries them
    // down, so layer 0's gradients are doubled too and fail as well. Layer 2
    // is untouched. The highest failing layer is the one to look at.
    fc.assert(
      fc.property(buggyCase(1), (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        fc.pre(report.entries.some((e) => e.layer === 1 && Math.abs(e.numeric) > 1e-6));
        expect(report.ok).toBe(false);
        const layers = failingLayers(report);
        expect(layers[layers.length - 1]).toBe(1);
        expect(report.entries.filter((e) => e.layer === 2).every((e) => e.ok)).toBe(true);
        for (const entry of report.entries.filter((e) => e.layer === 1 && Math.abs(e.numeric) > 1e-6)) {
          expect(entry.ok, `[${entry.row}][${entry.column}]`).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('honours a tolerance large enough to pass the factor-2 bug, and one just too small', () => {
    // Relative error of the bug: |2g - g| / |2g| = 1/2.
    const net = Network.create([
      Layer.create([[0.1, -0.2], [0.5, 1]], doubledTanh),
      Layer.create([[0.3], [-1], [0.7]], Activation.identity),
    ]);
    expect(gradientCheck(net, [0.5], [1]).ok).toBe(false);
    expect(gradientCheck(net, [0.5], [1], { tolerance: 0.6 }).ok).toBe(true);
    expect(gradientCheck(net, [0.5], [1], { tolerance: 0.4 }).ok).toBe(false);
    expect(gradientCheck(net, [0.5], [1], { tolerance: 0, absoluteTolerance: 1e3 }).ok).toBe(true);
    expect(gradientCheck(net, [0.5], [1], { tolerance: 0.4, absoluteTolerance: 1e-12 }).ok).toBe(false);
  });

  it('decides each entry by |analytic - numeric| <= absoluteTolerance + tolerance · max(|analytic|, |numeric|)', () => {
    const tolerances = fc.record({
      tolerance: fc.double({ min: 0, max: 1, noNaN: true }),
      absoluteTolerance: fc.double({ min: 0, max: 1e-3, noNaN: true }),
    });
    fc.assert(
      fc.property(caseArb({ maxWidth: 4 }), tolerances, fc.boolean(), (c, options, buggy) => {
        const net = buggy ? Network.create([...c.net.layers.slice(0, -1), Layer.create(c.spec.weights[c.spec.weights.length - 1], doubledTanh)]) : c.net;
        const report = gradientCheck(net, c.input, c.target, options);
        for (const e of report.entries) {
          const limit = options.absoluteTolerance + options.tolerance * Math.max(Math.abs(e.analytic), Math.abs(e.numeric));
          expect(e.ok).toBe(e.absoluteError <= limit);
        }
        expect(report.ok).toBe(report.entries.every((e) => e.ok));
      }),
      RUNS,
    );
  });

  it('throws ValueError for an epsilon of 0, negative, NaN or infinite', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    for (const epsilon of [0, -0, -1e-6, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1e-6', null]) {
      const error = thrownBy(() => gradientCheck(net, [3], [4], { epsilon } as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toBe(`gradientCheck: epsilon must be a positive finite number, got ${typeof epsilon === 'string' ? `"${epsilon}" (a string)` : String(epsilon)}`);
    }
  });

  it('never reports NaN: refuses, or copes with, an epsilon too small or too large to move the weights', () => {
    // By hand: at w = 2, 2 + 1e-20 === 2, so (L(w + ε) - L(w - ε)) / (w + ε - (w - ε)) is 0 / 0;
    // at ε = 1e300 the loss overflows and the difference is Infinity - Infinity.
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    for (const epsilon of [1e-20, 1e300]) {
      let report: GradientCheckReport;
      try {
        report = gradientCheck(net, [3], [4], { epsilon });
      } catch (error) {
        expect(error).toBeInstanceOf(ValueError);
        expect((error as Error).message).toMatch(/^gradientCheck: epsilon/);
        continue;
      }
      const numbers = [report.maxAbsoluteError, report.maxRelativeError, ...report.entries.flatMap((e) => [e.numeric, e.absoluteError, e.relativeError])];
      expect(numbers.filter(Number.isNaN).length, `epsilon ${epsilon}: maxima and entries ${numbers.join(', ')}`).toBe(0);
    }
  });

  it('treats null options as Network.gradient does, not with a TypeError', () => {
    // Network.gradient(net, x, t, null) works (it reads options?.loss); gradientCheck reads options.tolerance.
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    expect(() => Network.gradient(net, [3], [4], null as never)).not.toThrow();
    let thrown: unknown;
    try {
      gradientCheck(net, [3], [4], null as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown === undefined || thrown instanceof ValueError, String(thrown)).toBe(true);
  });

  it('throws ValueError for a negative or non-finite tolerance', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      for (const name of ['tolerance', 'absoluteTolerance']) {
        const error = thrownBy(() => gradientCheck(net, [3], [4], { [name]: bad }));
        expect(error).toBeInstanceOf(ValueError);
        expect(error.message).toMatch(new RegExp(`^gradientCheck: ${name} must be`));
      }
    }
  });

  it('throws ShapeError naming the expected and given sizes of a target that does not fit', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const error = thrownBy(() => gradientCheck(net, [3], [[4]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^gradientCheck: target/);
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([1, 1]);
  });

  it('reports one entry per weight, in order, with analytic from Network.gradient and the errors and maxima as defined', () => {
    fc.assert(
      fc.property(caseArb({ maxWidth: 5 }), fc.boolean(), (c, buggy) => {
        const net = buggy ? Network.create([Layer.create(c.spec.weights[0], doubledTanh), ...c.net.layers.slice(1)]) : c.net;
        const report = gradientCheck(net, c.input, c.target);
        const gradient = Network.gradient(net, c.input, c.target).weights.map((w) => w.toArray() as number[][]);
        expect(report.entries.length).toBe(weightCount(c.spec));
        const positions = c.spec.weights.flatMap((w, layer) => w.flatMap((row, r) => row.map((_, column) => ({ layer, row: r, column }))));
        expect(report.entries.map(({ layer, row, column }) => ({ layer, row, column }))).toEqual(positions);
        for (const e of report.entries) {
          expect(Object.is(e.analytic, gradient[e.layer][e.row][e.column]) || e.analytic === gradient[e.layer][e.row][e.column]).toBe(true);
          expect(e.absoluteError).toBe(Math.abs(e.analytic - e.numeric));
          const scale = Math.max(Math.abs(e.analytic), Math.abs(e.numeric));
          expect(e.relativeError).toBe(scale === 0 ? 0 : e.absoluteError / scale);
        }
        expect(report.maxAbsoluteError).toBe(Math.max(0, ...report.entries.map((e) => Math.abs(e.analytic - e.numeric))));
        expect(report.maxRelativeError).toBe(Math.max(0, ...report.entries.map((e) => e.relativeError)));
        expect(report.ok).toBe(report.entries.every((e) => e.ok));
      }),
      RUNS,
    );
  });

  it('reports as numeric the central difference (L(w + ε) - L(w - ε)) / 2ε of the squared error', () => {
    // Recomputed here from Network.predict with the default ε = 1e-6; the two
    // differ only by the rounding of the loss (see test/model/gradient.test.ts for
    // the measured size: below 3e-10 · max(1, L)).
    const epsilon = 1e-6;
    fc.assert(
      fc.property(caseArb({ maxWidth: 4 }), (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        const loss = squaredError(c.net, c.input, c.targetRows);
        const numeric = report.entries.map(({ layer, row, column }) => {
          const w = c.spec.weights[layer][row][column];
          const up = squaredError(buildNetwork(withWeight(c.spec, layer, row, column, w + epsilon)), c.input, c.targetRows);
          const down = squaredError(buildNetwork(withWeight(c.spec, layer, row, column, w - epsilon)), c.input, c.targetRows);
          return (up - down) / (w + epsilon - (w - epsilon));
        });
        expectMatrixClose(report.entries.map((e) => e.numeric), numeric, { rtol: 1e-6, atol: 1e-8 * Math.max(1, loss) });
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('uses the given epsilon: a huge step makes the numeric gradient of a cubic visibly wrong', () => {
    // By hand: one cube neuron, y = z³ with z = -b + w x; at w = 1, b = 0,
    // x = 1, t = 0 the loss is w⁶ and dL/dw = 6. The central difference with
    // step h is ((1 + h)⁶ - (1 - h)⁶) / 2h = 6 + 20h² + 6h⁴: 32 at h = 1.
    const cube = Activation.define({
      name: 'test-gradient-check-cube',
      apply: (z) => z ** 3,
      derivative: (z) => 3 * z * z,
    });
    const net = Network.create([Layer.create([[0], [1]], cube)]);
    const rough = gradientCheck(net, [1], [0], { epsilon: 1 });
    const weight = rough.entries.find((e) => e.row === 1)!;
    expect(weight.analytic).toBe(6);
    expect(weight.numeric).toBe(32);
    expect(rough.ok).toBe(false);
    expect(gradientCheck(net, [1], [0]).ok).toBe(true);
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb({ maxWidth: 4 }), fc.constantFrom('array', 'matrix', 'other-matrix'), (c, form) => {
        const wrap = (value: Data): Data | Matrix =>
          form === 'array' ? copy(value) : form === 'matrix' ? matrix(copy(value)) : (otherMath.matrix(copy(value)) as unknown as Matrix);
        const input = wrap(c.input);
        const target = wrap(c.target);
        const plain = (value: Data | Matrix): unknown => (isMatrix(value) ? { data: value.toArray(), size: value.size() } : value);
        const before = copy({ input: plain(input), target: plain(target), weights: c.net.layers.map((l) => l.weights.toArray()) });
        const options = Object.freeze({ epsilon: 1e-6, tolerance: 1e-5 });
        gradientCheck(c.net, input, target, options);
        expect({ input: plain(input), target: plain(target), weights: c.net.layers.map((l) => l.weights.toArray()) }).toEqual(before);
        expect(options).toEqual({ epsilon: 1e-6, tolerance: 1e-5 });
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});

describe('gradientCheck report: worst, bias, settings', () => {
  it('reports bias as row 0, and worst as the entries reordered: failing first, then by error over the error allowed', () => {
    fc.assert(
      fc.property(caseArb({ maxWidth: 4 }), fc.boolean(), (c, buggy) => {
        const net = buggy ? Network.create([Layer.create(c.spec.weights[0], doubledTanh), ...c.net.layers.slice(1)]) : c.net;
        const report = gradientCheck(net, c.input, c.target);
        for (const e of report.entries) expect(e.bias).toBe(e.row === 0);
        expect(report.worst.length).toBe(report.entries.length);
        expect(new Set(report.worst)).toEqual(new Set(report.entries));
        const excess = (e: (typeof report.entries)[number]) =>
          e.absoluteError / (report.absoluteTolerance + report.tolerance * Math.max(Math.abs(e.analytic), Math.abs(e.numeric)));
        for (let i = 1; i < report.worst.length; i++) {
          const [before, after] = [report.worst[i - 1], report.worst[i]];
          if (before.ok === after.ok) expect(excess(before)).toBeGreaterThanOrEqual(excess(after));
          else expect(before.ok).toBe(false);
        }
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('reports the epsilon and tolerances used: the defaults, or the ones given (by hand: 1e-8 · max(1, L))', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    // By hand: y = -1 + 2 · 3 = 5, L = (5 - 9)² = 16.
    const defaults = gradientCheck(net, [3], [9]);
    expect([defaults.reference, defaults.epsilon, defaults.tolerance, defaults.absoluteTolerance, defaults.loss]).toEqual(['float64', 1e-6, 1e-5, 1.6e-7, 16]);
    expect(defaults.digits).toBeUndefined();
    expect(defaults.warnings).toEqual([]);
    expect(defaults.lossName).toBe('squaredError');
    expect(defaults.layers).toEqual([{ activation: 'identity', inputSize: 1, outputSize: 1 }]);
    const given = gradientCheck(net, [3], [9], { epsilon: 1e-4, tolerance: 1e-3, absoluteTolerance: 0 });
    expect([given.epsilon, given.tolerance, given.absoluteTolerance]).toEqual([1e-4, 1e-3, 0]);
  });

  it('throws ValueError for an unknown option, naming the known ones', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const error = thrownBy(() => gradientCheck(net, [3], [4], { rtol: 1e-5 } as never));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('gradientCheck: unknown option "rtol"; the options are epsilon, tolerance, absoluteTolerance, loss, reference, digits, sample, seed, inputs');
  });

  it('throws ValueError when the loss at the given weights is not finite', () => {
    const blowUp = Activation.define({ name: 'test-gradient-check-nan', apply: (z) => (z > 0 ? Number.NaN : z), derivative: () => 1 });
    const net = Network.create([Layer.create([[-1], [1]], blowUp)]);
    const error = thrownBy(() => gradientCheck(net, [1], [0]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^gradientCheck: the loss at the given weights cannot be computed: activation 'test-gradient-check-nan' returned NaN at z = 2 \(neuron y of layer 1, example 0\)/);
  });
});

describe('gradientCheck kinks', () => {
  /** x → relu neuron (bias b, weight 1) → identity output (weight 1): z = x - b. */
  const hinge = (bias: number, activation: Activation = Activation.relu) =>
    Network.create([Layer.create([[bias], [1]], activation), Layer.create([[0], [1]], Activation.identity)]);

  it('does not count, and warns about, a weight whose step moves a z across the kink (by hand: z = 0 at x = 0, b = 0)', () => {
    const report = gradientCheck(hinge(0), [0], [1]);
    const [bias, weight] = report.entries;
    // By hand: L = (relu(-b) - 1)²; at b = ±ε the difference sees slopes 0 and 1: numeric ≈ -1, analytic 0.
    expect([bias.kink, bias.ok, bias.analytic]).toEqual([true, true, 0]);
    expectMatrixClose(bias.numeric, 1, { rtol: 1e-6, atol: 0 });
    // The weight on x = 0 does not move z at all: no kink, an ordinary zero gradient.
    expect([weight.kink, weight.ok, weight.numeric]).toEqual([false, true, 0]);
    expect(report.ok).toBe(true);
    // By hand, one-sided: L(b) = 1, L(b - ε) = (ε - 1)² = 1 - 2ε + ε², so the left slope is 2 - ε; L(b + ε) = 1, the right slope 0.
    // The analytic 0 (relu'(0) = 0) lies between them.
    expectMatrixClose(bias.oneSided!.left, 2 - 1e-6, { rtol: 1e-8, atol: 0 });
    expect([bias.oneSided!.right, bias.oneSided!.between]).toEqual([0, true]);
    expect(report.warnings).toEqual([
      {
        kind: 'kink', layer: 0, row: 0, column: 0, neuron: { layer: 0, index: 0, example: 0 }, z: 0, kink: 0,
        oneSided: bias.oneSided,
        message: 'layers[0].weights[0][0]: w ± 1e-6 moves z = 0 of neuron h₁ in layer 1 across the kink of relu at 0; the central difference is meaningless there, so this weight is not counted; ' +
          'the analytic value 0 lies between the one-sided slopes 2 and 0',
      },
    ]);
  });

  it('warns when z lies within the step\'s effect of the kink, and not beyond it (by hand: |Δz| = ε |x| = 1e-6)', () => {
    // z = x - b at x = 1: b = 1 - 5e-7 puts z at 5e-7, inside ±1e-6; b = 1 - 2e-6 puts it at 2e-6, outside.
    const inside = gradientCheck(hinge(1 - 5e-7), [1], [3]);
    expect(inside.entries.filter((e) => e.kink).map((e) => [e.layer, e.row, e.column])).toEqual([[0, 0, 0], [0, 1, 0]]);
    const outside = gradientCheck(hinge(1 - 2e-6), [1], [3]);
    expect(outside.entries.some((e) => e.kink)).toBe(false);
    expect(outside.warnings).toEqual([]);
    expect(outside.ok, failing(outside).join('\n')).toBe(true);
  });

  it('names a kink in a higher layer crossed through a weight of a lower layer, with its example', () => {
    // Layer 0 identity: a = -0 + 1 · x; layer 1 relu: z = -1 + a. On example 1 (x = 1), z is exactly 0.
    const net = Network.create([
      Layer.create([[0], [1]], Activation.identity),
      Layer.create([[1], [1]], Activation.relu),
      Layer.create([[0], [1]], Activation.identity),
    ]);
    const report = gradientCheck(net, [[3], [1]], [[0], [0]]);
    const warning = report.warnings.find((w) => w.kind === 'kink' && w.layer === 0 && w.row === 1);
    expect(warning).toMatchObject({ neuron: { layer: 1, index: 0, example: 1 }, z: 0, kink: 0 });
    expect(warning?.message).toContain('of neuron h₁ in layer 2 (example 1) across the kink of relu at 0');
  });

  it('uses the kinks a custom activation declares, and fails the same entry when none are declared', () => {
    const clip = { apply: (z: number) => Math.min(z, 1), derivative: (z: number) => (z < 1 ? 1 : 0) };
    const declared = Activation.define({ name: 'test-gradient-check-clip-declared', ...clip, kinks: [1] });
    const undeclared = Activation.define({ name: 'test-gradient-check-clip-undeclared', ...clip });
    // z = x - b = 1 exactly at x = 1, b = 0.
    const withKinks = gradientCheck(hinge(0, declared), [1], [3]);
    expect(withKinks.ok).toBe(true);
    expect(withKinks.warnings.map((w) => (w.kind === 'kink' ? w.kink : undefined))).toEqual([1, 1]);
    const without = gradientCheck(hinge(0, undeclared), [1], [3]);
    expect(without.ok).toBe(false);
    expect(without.warnings).toEqual([]);
  });

  it('finds no kink on random relu networks kept 1e-3 clear of them (test/arbitraries.ts)', () => {
    fc.assert(
      fc.property(caseArb({ activation: fc.constant(Activation.relu) }), (c) => {
        const report = gradientCheck(c.net, c.input, c.target);
        expect(report.warnings).toEqual([]);
        expect(report.entries.every((e) => !e.kink)).toBe(true);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});
