/**
 * Injected bugs: each of four classic mistakes in a custom activation's
 * derivative, placed in a known layer of a 3-layer network, and a custom
 * loss with a wrong gradient. `gradientCheck` (in float64 and against the
 * exact BigNumber reference) must name the right layer and weights, and so
 * must the first lines of `formatGradientReport`; `Activation.check` must
 * name the first z where each derivative is wrong.
 *
 * Sources of expected values:
 * - Which weights fail follows from backpropagation's structure: a wrong
 *   f' in layer L corrupts the deltas of layer L and, carried down by
 *   `delta_j = (Σ_k W[j][k] delta_k) f'(z_j)`, every layer below; the
 *   layers above L use only correct activations and deltas. A wrong ∂L/∂y
 *   corrupts every delta.
 * - The fixed network's weights were chosen by hand; no z is near 0, so
 *   every weight of a corrupted layer has a gradient far above the
 *   tolerance (checked below, not assumed).
 * - sigmoid'(-5) = e^-5 / (1 + e^-5)^2 = 0.006648056670790155 (Python:
 *   `s = 1/(1+math.exp(5)); s*(1-s)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Activation,
  Layer,
  Loss,
  Network,
  formatGradientReport,
  gradientCheck,
  type GradientCheckReport,
} from '../../src/index.js';
import { caseArb } from '../support/arbitraries.js';
import { expectMatrixClose } from '../support/helpers.js';

const RUNS = { numRuns: 60, seed: 0x5b };
const sigmoid = Activation.sigmoid.apply;

/** The four bugs, each a sigmoid whose derivative is wrong in its own way. Names are unique to this file. */
const BUGS = [
  { bug: 'scaled by 2', derivative: (_z: number, a: number) => 2 * a * (1 - a) },
  { bug: 'with the wrong sign', derivative: (_z: number, a: number) => -a * (1 - a) },
  { bug: "of a different function (tanh's)", derivative: (_z: number, a: number) => 1 - a * a },
  { bug: 'ignoring a (z where a belongs)', derivative: (z: number) => z * (1 - z) },
].map(({ bug, derivative }, i) => ({
  bug,
  activation: Activation.define({
    name: `test-bugs-sigmoid-${i}`,
    apply: sigmoid,
    derivative,
    big: Activation.sigmoid.big,
  }),
}));

/** 2 → 3 → 3 → 1, 25 weights; layer `at` gets `activation`, the others sigmoid, sigmoid, identity. */
function network(at: number, activation: Activation): Network {
  const defaults = [Activation.sigmoid, Activation.sigmoid, Activation.identity];
  const pick = (layer: number) => (layer === at ? activation : defaults[layer]);
  return Network.create([
    Layer.create([[0.1, -0.2, 0.3], [0.5, -1, 0.7], [0.4, 0.2, -0.6]], pick(0)),
    Layer.create([[0.2, 0.1, -0.3], [0.6, -0.4, 0.5], [-0.7, 0.3, 0.2], [0.1, 0.9, -0.5]], pick(1)),
    Layer.create([[0.1], [0.8], [-0.6], [0.4]], pick(2)),
  ]);
}
const X = [0.5, -1];
const T = [0.3];
const BATCH_X = [[0.5, -1], [1, 0.25], [-0.75, 0.5]];
const BATCH_T = [[0.3], [-0.2], [0.9]];

const EVERY = [
  // Named as in the picture: inputs x₁, x₂ (or h₁ to h₃ below), neurons h₁ to h₃ and the output y.
  'every weight: bias and inputs of neurons h₁ to h₃',
  'every weight: bias and inputs of neurons h₁ to h₃',
  'every weight: bias and inputs of neuron y',
];
/** The first line when every weight of layers 0 to `top` disagrees. */
function expectedHeadline(top: number): string {
  const count = [9, 21, 25][top];
  // Text names layers from 1, as the walkthrough and the picture do (issue 9 item 16).
  if (top === 0) return `gradientCheck: 9 of 25 weights disagree, all in layer 1 (${EVERY[0]})`;
  const layers = top === 1 ? '2 and 1' : '3, 2 and 1';
  const parts = [2, 1, 0].filter((l) => l <= top).map((l) => `layer ${l + 1}${l === 2 ? ', the output' : ''}: ${EVERY[l]}`);
  return `gradientCheck: ${count} of 25 weights disagree, in layers ${layers} (${parts.join('; ')})`;
}

function failingLayers(report: GradientCheckReport): number[] {
  return [...new Set(report.entries.filter((e) => !e.ok).map((e) => e.layer))].sort((a, b) => a - b);
}

describe('gradientCheck finds an injected derivative bug', () => {
  const cases = BUGS.flatMap(({ bug, activation }) =>
    [0, 1, 2].flatMap((layer) => (['float64', 'bignumber'] as const).map((reference) => [bug, layer, reference, activation] as const)),
  );

  it.each(cases)('finds the derivative %s in layer %i (%s): that layer and every one below it, every weight', (_bug, layer, reference, activation) => {
    const report = gradientCheck(network(layer, activation), X, T, { reference });
    expect(report.reference).toBe(reference);
    expect(report.ok).toBe(false);
    // Every weight of layers 0..layer fails, and only those.
    for (const e of report.entries) {
      expect(e.ok, `layer ${e.layer} row ${e.row} column ${e.column}: ${e.analytic} vs ${e.numeric}`).toBe(e.layer > layer);
      // Far from the tolerance, not a near miss: the numeric gradient is well above it.
      if (e.layer <= layer) expect(Math.abs(e.numeric)).toBeGreaterThan(1e-4);
    }
    const lines = formatGradientReport(report).split('\n');
    expect(lines[0]).toBe(expectedHeadline(layer));
    const name = `"${activation.name}"`;
    expect(lines[1]).toBe(
      layer === 2
        ? `Look first at the gradient of the loss "squaredError" and the derivative of the output activation ${name}: an error in either reaches every layer below.`
        : `Look first at the derivative of layer ${layer + 1}'s activation ${name}: the layers above it agree${layer > 0 ? ', and an error there is carried down to every layer below' : ''}.`,
    );
  });

  it.each(BUGS.map(({ bug, activation }) => [bug, activation] as const))('names the same layers on a batch of 3 for the derivative %s', (_bug, activation) => {
    for (const layer of [0, 1, 2]) {
      const report = gradientCheck(network(layer, activation), BATCH_X, BATCH_T);
      expect(failingLayers(report)).toEqual(Array.from({ length: layer + 1 }, (_, l) => l));
      expect(formatGradientReport(report).split('\n')[0]).toBe(expectedHeadline(layer));
    }
  });

  it('names only neuron 1 of layer 0 when the derivative is wrong only for z < -1 (the notebook: z = [0, -2, 3])', () => {
    // By hand: only the second hidden neuron has z < -1, so only column 1 of
    // the first layer, its bias and both inputs, gets a wrong delta.
    const partial = Activation.define({
      name: 'test-bugs-sigmoid-wrong-below-minus-1',
      apply: sigmoid,
      derivative: (z, a) => (z < -1 ? 3 : 1) * a * (1 - a),
    });
    const net = Network.create([
      Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], partial),
      Layer.create([[1], [2], [3], [-1]], Activation.identity),
    ]);
    const report = gradientCheck(net, [1, 2], [5]);
    expect(report.entries.filter((e) => !e.ok).map((e) => [e.layer, e.row, e.column, e.bias])).toEqual([
      [0, 0, 1, true],
      [0, 1, 1, false],
      [0, 2, 1, false],
    ]);
    expect(formatGradientReport(report).split('\n')[0]).toBe(
      'gradientCheck: 3 of 13 weights disagree, all in layer 1 (bias and inputs of neuron h₂)',
    );
  });

  it('names the buggy layer first on random 3-layer networks, for each bug and layer', () => {
    const arb = fc
      .tuple(fc.integer({ min: 0, max: BUGS.length - 1 }), fc.integer({ min: 0, max: 2 }))
      .chain(([bug, at]) =>
        caseArb({
          minLayers: 3,
          maxLayers: 3,
          maxWidth: 4,
          activationOf: (layer) => fc.constant(layer === at ? BUGS[bug].activation : [Activation.sigmoid, Activation.tanh, Activation.identity][layer]),
        }).map((c) => ({ c, at })),
      );
    fc.assert(
      fc.property(arb, ({ c, at }) => {
        const report = gradientCheck(c.net, c.input, c.target);
        fc.pre(report.entries.some((e) => e.layer === at && Math.abs(e.numeric) > 1e-3));
        const layers = failingLayers(report);
        expect(layers[layers.length - 1]).toBe(at);
        const first = formatGradientReport(report).split('\n')[0];
        expect(first).toMatch(new RegExp(`disagree, (all in layer ${at + 1}\\b|in layers ${at + 1}\\b)`));
      }),
      RUNS,
    );
  });
});

describe('gradientCheck finds a wrong loss gradient', () => {
  // Squared error whose gradient forgot the factor 2: (y - t) instead of 2 (y - t).
  const withoutTwo: Loss = Object.freeze({
    name: 'test-bugs-squared-error-gradient-without-2',
    value: Loss.squaredError.value,
    gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void {
      for (let k = 0; k < output.length; k++) into[k] = output[k] - target[k];
    },
    big: Loss.squaredError.big,
  });

  it.each(['float64', 'bignumber'] as const)('makes every weight of every layer disagree, the output layer named first (%s)', (reference) => {
    const report = gradientCheck(network(-1, Activation.sigmoid), X, T, { loss: withoutTwo, reference });
    expect(report.entries.every((e) => !e.ok)).toBe(true);
    // By hand: every gradient is half the true one, a relative error of exactly 1/2 (up to rounding).
    for (const e of report.entries) expectMatrixClose(e.relativeError, 0.5, { rtol: 1e-6, atol: 0 });
    const [first, second] = formatGradientReport(report).split('\n');
    expect(first).toBe(expectedHeadline(2));
    expect(first).toMatch(/in layers 3, 2 and 1 \(layer 3, the output:/);
    expect(second).toBe(
      `Look first at the gradient of the loss "${withoutTwo.name}" and the derivative of the output activation "identity": an error in either reaches every layer below.`,
    );
  });
});

describe('Activation.check finds the same four bugs', () => {
  const trueDerivative = 0.006648056670790155; // sigmoid'(-5), Python (see the header)

  it.each(BUGS.map(({ bug, activation }) => [bug, activation] as const))('reports the first failing z, -5, for the derivative %s', (_bug, activation) => {
    const report = Activation.check(activation);
    expect(report.ok).toBe(false);
    const failure = report.firstFailure!;
    expect(failure.z).toBe(-5);
    expect(failure.derivative).toBe(activation.derivative(-5, sigmoid(-5)));
    expectMatrixClose(failure.numeric, trueDerivative, { rtol: 1e-7, atol: 0 });
    expect(report.summary).toMatch(new RegExp(
      `^Activation\\.check: the derivative of "${activation.name.replace(/[()']/g, '\\$&')}" is wrong at \\d+ of \\d+ points, (first )?at z = -5 \\(derivative `,
    ));
  });

  it('reports the first failing z of a derivative that is wrong only from z = 1 on (by hand: grid point 120 of 201 is -5 + 10 · 120 / 200 = 1)', () => {
    const late = { name: 'late-bug', apply: sigmoid, derivative: (z: number, a: number) => (z >= 1 ? 2 : 1) * a * (1 - a) };
    const report = Activation.check(late);
    expect(report.firstFailure?.z).toBe(1);
    expect(report.firstFailure?.derivative).toBe(2 * sigmoid(1) * (1 - sigmoid(1)));
  });
});
