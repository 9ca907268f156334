/**
 * Tests of the exact reference, `gradientCheck(..., { reference: 'bignumber' })`
 * (src/internal/big.ts, src/internal/check-settings.ts): it gets the
 * notebook's gradient to the last bit, passes correct gradients at a
 * relative tolerance of 1e-10 without false alarms, still fails wrong
 * ones, falls back to float64 (and says so) without BigNumber forms, and
 * refuses bad settings.
 *
 * Sources of expected values:
 * - test/fixtures/notebook-golden.ts: the notebook's dL/dV and dL/dW from
 *   50-digit decimal arithmetic in Python, independently of src/.
 * - Random networks: test/arbitraries.ts (relu kinks kept 1e-3 away).
 */
import fc from 'fast-check';
import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ValueError, gradientCheck, type GradientCheckReport } from '../../src/index.js';
import { caseArb } from '../support/arbitraries.js';
import { golden, setup } from '../fixtures/notebook-golden.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

/** BigNumber checks cost some hundred times a float64 one: fewer, smaller cases. */
const RUNS = { numRuns: 25, seed: 0xb1 };

function failing(report: GradientCheckReport): string {
  return report.worst.slice(0, 3).map((e) => `${e.layer}[${e.row}][${e.column}]: ${e.analytic} vs ${e.numeric}`).join('\n');
}

const notebook = (): Network =>
  Network.create([Layer.create(setup.V, Activation.sigmoid), Layer.create(setup.W, Activation.identity)]);

/** The golden dL/dV and dL/dW in the order of the report's entries. */
const goldenGradient = [...golden.gradientV.flat(), ...golden.gradientW.flat()];

describe('gradientCheck with reference: bignumber', () => {
  it("gets the notebook's gradient to 1e-14 relative (golden: 50-digit Python decimal)", () => {
    const report = gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber' });
    expect(report.reference).toBe('bignumber');
    expect(report.digits).toBe(50);
    expectMatrixClose(report.entries.map((e) => e.numeric), goldenGradient, { rtol: 1e-14, atol: 0 });
  });

  it("passes the notebook's analytic gradient at the default relative tolerance 1e-10", () => {
    const report = gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber' });
    expect([report.epsilon, report.tolerance]).toEqual([1e-17, 1e-10]);
    // By hand: 1e-12 · max(1, L) with the golden L = 31.30...
    expectMatrixClose(report.absoluteTolerance, 1e-12 * golden.loss, { rtol: 1e-12, atol: 0 });
    expect(report.ok, failing(report)).toBe(true);
    // The only error left is the analytic gradient's float64 rounding.
    expect(report.maxRelativeError).toBeLessThan(1e-14);
    expect(gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber', tolerance: 1e-13, absoluteTolerance: 0 }).ok).toBe(true);
  });

  it('is closer to the golden gradient than float64 differences are', () => {
    // float64 central differences carry round-off ~1e-16 · L / ε ≈ 3e-9 relative here.
    const float = gradientCheck(notebook(), setup.x, setup.t);
    const error = (r: GradientCheckReport) => Math.max(...r.entries.map((e, i) => Math.abs(e.numeric - goldenGradient[i]) / Math.abs(goldenGradient[i])));
    const exact = gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber' });
    expect(error(float)).toBeGreaterThan(1e-12);
    expect(error(exact)).toBeLessThan(1e-15);
  });

  it('takes the precision from digits, with epsilon 10^-ceil(digits / 3)', () => {
    const report = gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber', digits: 30 });
    expect([report.digits, report.epsilon]).toEqual([30, 1e-10]);
    expect(report.ok, failing(report)).toBe(true);
    expectMatrixClose(report.entries.map((e) => e.numeric), goldenGradient, { rtol: 1e-14, atol: 0 });
  });

  it('passes random networks mixing every built-in activation, single examples and batches, at 1e-10', () => {
    fc.assert(
      fc.property(caseArb({ maxWidth: 4, maxLayers: 3 }), (c) => {
        const report = gradientCheck(c.net, c.input, c.target, { reference: 'bignumber' });
        expect(report.reference).toBe('bignumber');
        expect(report.ok, failing(report)).toBe(true);
      }),
      RUNS,
    );
  });

  it('passes the classification losses: binaryCrossEntropy behind sigmoid, softmaxCrossEntropy behind identity', () => {
    const target = fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(caseArb({ maxWidth: 3, maxLayers: 2, batch: false }), target, (c, soft) => {
        const hidden = c.net.layers.slice(0, -1);
        const last = c.net.layers[c.net.layers.length - 1];
        const weights = last.weights.toArray() as number[][];
        const three = weights.map((row) => [row[0], -row[0], 0.5 * row[0]]);
        const bce = Network.create([...hidden, Layer.create(three, Activation.sigmoid)]);
        const softmax = Network.create([...hidden, Layer.create(three, Activation.identity)]);
        const classes = soft.map((t) => t / soft.reduce((s, v) => s + v, 0));
        for (const [net, loss, t] of [[bce, Loss.binaryCrossEntropy, soft], [softmax, Loss.softmaxCrossEntropy, classes]] as const) {
          const report = gradientCheck(net, c.input, t, { reference: 'bignumber', loss });
          expect(report.reference).toBe('bignumber');
          expect(report.ok, `${loss.name}\n${failing(report)}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('agrees with a saturated sigmoid under binaryCrossEntropy: both sides see the same clamp', () => {
    // By hand: z = 40 gives y = 1 in float64 (and 1 - 4e-18 in BigNumbers), clamped to 1 - 2^-40 in both;
    // the clamped loss is flat in y, so both gradients of the weights are 0.
    const net = Network.create([Layer.create([[-40], [0]], Activation.sigmoid)]);
    const report = gradientCheck(net, [1], [0], { reference: 'bignumber', loss: Loss.binaryCrossEntropy });
    expect(report.ok, failing(report)).toBe(true);
    for (const e of report.entries) expect([e.analytic === 0, e.numeric === 0]).toEqual([true, true]);
  });

  it('fails a derivative off by a factor of 2, at relative error 1/2', () => {
    const doubled = Activation.define({
      name: 'test-exact-tanh-doubled',
      apply: Math.tanh,
      derivative: (_z, a) => 2 * (1 - a * a),
      big: Activation.tanh.big,
    });
    const net = Network.create([Layer.create([[0.1, -0.2], [0.5, 1]], doubled), Layer.create([[0.3], [-1], [0.7]], Activation.identity)]);
    const report = gradientCheck(net, [0.5], [1], { reference: 'bignumber' });
    expect(report.reference).toBe('bignumber');
    expect(report.entries.filter((e) => !e.ok).map((e) => e.layer)).toEqual([0, 0, 0, 0]);
    for (const e of report.entries.filter((e) => e.layer === 0)) expectMatrixClose(e.relativeError, 0.5, { rtol: 1e-12, atol: 0 });
  });

  it('falls back to float64 for an activation without a BigNumber form, and says so', () => {
    const cube = Activation.define({ name: 'test-exact-cube', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
    const net = Network.create([Layer.create([[0.1], [0.5]], cube), Layer.create([[0.2], [1]], cube), Layer.create([[0], [1]], Activation.tanh)]);
    const report = gradientCheck(net, [0.5], [1], { reference: 'bignumber' });
    expect(report.reference).toBe('float64');
    expect(report.digits).toBeUndefined();
    // The float64 defaults, since float64 is what was used.
    expect([report.epsilon, report.tolerance]).toEqual([1e-6, 1e-5]);
    expect(report.warnings).toEqual([
      { kind: 'fallback', what: 'activation', name: 'test-exact-cube', message: 'activation "test-exact-cube" has no BigNumber form: fell back to float64' },
    ]);
    expect(report.ok).toBe(true);
  });

  it('falls back to float64 for a loss without a BigNumber form, and says so', () => {
    const { big: _big, ...plain } = Loss.squaredError;
    const loss = { ...plain, name: 'test-exact-plain-squared-error' };
    const report = gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber', loss });
    expect(report.reference).toBe('float64');
    expect(report.warnings.map((w) => w.message)).toEqual(['loss "test-exact-plain-squared-error" has no BigNumber form: fell back to float64']);
  });

  it('uses the BigNumber form of a custom activation that has one', () => {
    const square = Activation.define({
      name: 'test-exact-square',
      apply: (z) => z * z,
      derivative: (z) => 2 * z,
      big: { apply: (z) => z.times(z) },
    });
    const net = Network.create([Layer.create([[0.25], [0.5]], square)]);
    const report = gradientCheck(net, [3], [1], { reference: 'bignumber' });
    expect(report.reference).toBe('bignumber');
    expect(report.warnings).toEqual([]);
    // By hand: z = -0.25 + 1.5 = 1.25, y = 1.5625, dL/dw1 = 2 (y - 1) · 2z · 3 = 8.4375, exactly.
    expect(report.entries[1].numeric).toBe(8.4375);
  });

  it('warns about a kink even at ε = 1e-17: a relu z exactly on 0', () => {
    const net = Network.create([Layer.create([[0], [1]], Activation.relu), Layer.create([[0], [1]], Activation.identity)]);
    const report = gradientCheck(net, [0], [1], { reference: 'bignumber' });
    expect(report.ok).toBe(true);
    expect(report.entries.map((e) => e.kink)).toEqual([true, false, false, false]);
    expect(report.warnings.map((w) => w.kind)).toEqual(['kink']);
  });

  it('leaves the default mathjs instance alone: its configuration and its BigNumbers', () => {
    const third = mathjs.bignumber(1).div(3).toString();
    gradientCheck(notebook(), setup.x, setup.t, { reference: 'bignumber', digits: 80 });
    // Still numbers by default, and BigNumbers of the default 64 digits.
    expect(typeof mathjs.evaluate('1 / 3')).toBe('number');
    expect(mathjs.bignumber(1).div(3).toString()).toBe(third);
    expect(third).toBe(`0.${'3'.repeat(64)}`);
  });

  it('throws ValueError for a bad reference, digits, or digits without the BigNumber reference', () => {
    const net = notebook();
    const bad: [object, RegExp][] = [
      [{ reference: 'decimal' }, /^gradientCheck: reference must be "float64" or "bignumber", got "decimal"/],
      [{ reference: 'bignumber', digits: 19 }, /^gradientCheck: digits must be an integer from 20 to 1000, got 19/],
      [{ reference: 'bignumber', digits: 50.5 }, /^gradientCheck: digits must be an integer from 20 to 1000/],
      [{ digits: 50 }, /^gradientCheck: digits is the precision of reference: 'bignumber'/],
      [{ reference: 'bignumber', epsilon: 1e-60 }, /^gradientCheck: epsilon 1e-60 is too small to change the weight at layers\[0\]\.weights\[0\]\[0\] \(1\) in bignumber/],
    ];
    for (const [options, message] of bad) {
      const error = thrownBy(() => gradientCheck(net, setup.x, setup.t, options as never));
      expect(error, JSON.stringify(options)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(message);
    }
  });

  it('does not mutate its arguments', () => {
    const x = [1, 2];
    const t = [5];
    const net = notebook();
    const before = net.layers.map((l) => l.weights.toArray());
    const options = Object.freeze({ reference: 'bignumber' as const, digits: 40 });
    gradientCheck(net, x, t, options);
    expect([x, t, net.layers.map((l) => l.weights.toArray())]).toEqual([[1, 2], [5], before]);
    expect(options).toEqual({ reference: 'bignumber', digits: 40 });
  });
});
