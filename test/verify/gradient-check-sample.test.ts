/**
 * gradientCheck({ sample, seed }), { inputs: true }, the BigNumber cost
 * limit, margins, and GradientCheckError as a test runner sees it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Activation, BIG_LIMIT, GradientCheckError, Layer, Network, ValueError, assertGradients, gradientCheck,
} from '../../src/index.js';
import { gradientCase } from '../../src/testing/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

const RUNS = { numRuns: 30, seed: 0x5a };
const wide = Network.init([20, 16, 3], { seed: 4 });
const X = Array.from({ length: 20 }, (_, i) => Math.sin(i));
const T = [0.5, -0.5, 1];

describe('gradientCheck({ sample, seed })', () => {
  it('checks the whole bias row and sample - m others per layer, seeded', () => {
    const report = gradientCheck(wide, X, T, { sample: 40, seed: 3 });
    expect(report.cost.checked).toEqual([40, 40]);
    expect(report.cost.total).toEqual([21 * 16, 17 * 3]);
    const layer0 = report.entries.filter((e) => e.layer === 0);
    expect(layer0.filter((e) => e.bias).map((e) => e.column)).toEqual(Array.from({ length: 16 }, (_, j) => j));
    expect(new Set(layer0.map((e) => `${e.row},${e.column}`)).size).toBe(40);
    expect(report.seed).toBe(3);
    expect(gradientCheck(wide, X, T, { sample: 40, seed: 3 }).entries).toEqual(report.entries);
    expect(gradientCheck(wide, X, T, { sample: 40, seed: 4 }).entries).not.toEqual(report.entries);
    expect(report.ok).toBe(true);
  });

  it('takes sample of the bias weights when the layer has more neurons, and every weight when sample exceeds the layer', () => {
    const report = gradientCheck(wide, X, T, { sample: 5 });
    const layer0 = report.entries.filter((e) => e.layer === 0);
    expect([layer0.length, layer0.every((e) => e.bias)]).toEqual([5, true]);
    expect(gradientCheck(wide, X, T, { sample: 1000 }).entries).toEqual(gradientCheck(wide, X, T).entries);
  });

  it('says "sampled weights" in the report text', async () => {
    const { formatGradientReport } = await import('../../src/index.js');
    expect(formatGradientReport(gradientCheck(wide, X, T, { sample: 40 })).split('\n')[0]).toMatch(/^gradientCheck: all 80 sampled weights \(of 387\) agree/);
  });

  it('finds a bug in one neuron with probability 1 once sample covers the bias row (by hand: ∂L/∂w[0][j] = -delta_j)', () => {
    const z = Network.forward(wide, X).layers[0].z.toArray() as number[];
    const one = Activation.define({ name: 'test-sample-one-neuron', apply: Activation.sigmoid.apply, derivative: (zz, a) => (zz === z[11] ? 3 : 1) * a * (1 - a) });
    const net = Network.create([Layer.create(wide.layers[0].weights, one), wide.layers[1]]);
    for (let seed = 0; seed < 10; seed++) {
      const failing = gradientCheck(net, X, T, { sample: 16, seed }).entries.filter((e) => !e.ok);
      expect(failing.map((e) => [e.layer, e.row, e.column])).toEqual([[0, 0, 11]]);
    }
  });

  it('refuses a BigNumber check above BIG_LIMIT before it starts, unless sample is given', () => {
    const big = Network.init([784, 32, 10], { seed: 1 });
    const x = new Array(784).fill(0.5);
    const t = new Array(10).fill(0);
    const error = thrownBy(() => gradientCheck(big, x, t, { reference: 'bignumber' }));
    expect(error).toBeInstanceOf(ValueError);
    // By hand: layer 0, 25120 weights × 2 passes × (785 + 33 · 10) = 56,017,600; layer 1, 330 × 2 × 33 = 21,780.
    expect(error.message).toBe(
      'gradientCheck: the BigNumber check of all 25450 entries would take 5.6e7 BigNumber multiply-adds (about 151 s), above the limit of 1e7; ' +
      "give sample (at most that many weights per layer, e.g. { sample: 200 }), or use reference: 'float64', directionalCheck or taylorTest",
    );
    expect(BIG_LIMIT).toBe(1e7);
    const sampled = gradientCheck(big, x, t, { reference: 'bignumber', sample: 3 });
    expect([sampled.ok, sampled.cost.checked, sampled.cost.bigOperations]).toEqual([true, [3, 3], 3 * 2 * 1115 + 3 * 2 * 33]);
  });

  it('throws ValueError for a bad sample, seed or inputs', () => {
    expect(thrownBy(() => gradientCheck(wide, X, T, { sample: 0 })).message).toBe('gradientCheck: sample must be a positive integer, got 0');
    expect(thrownBy(() => gradientCheck(wide, X, T, { seed: 1.5 })).message).toBe('gradientCheck: seed must be an integer from 0 to 4294967295, got 1.5');
    expect(thrownBy(() => gradientCheck(wide, X, T, { inputs: 1 as never })).message).toBe('gradientCheck: inputs must be true or false, got 1');
  });
});

describe('gradientCheck({ inputs: true })', () => {
  it('checks ∂L/∂x (by hand: one identity layer, y = -1 + 2x, ∂L/∂x = 2 (y - t) · 2)', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const report = gradientCheck(net, [3], [4], { inputs: true });
    expect(report.inputs!.length).toBe(1);
    const [entry] = report.inputs!;
    expect([entry.example, entry.index, entry.analytic, entry.ok]).toEqual([0, 0, 4, true]);
    expectMatrixClose(entry.numeric, 4, { rtol: 1e-8, atol: 0 });
    expect(gradientCheck(net, [3], [4]).inputs).toBeUndefined();
  });

  it('fails the input entries of a wrong first-layer derivative, and the BigNumber reference agrees', () => {
    const doubled = Activation.define({ name: 'test-inputs-doubled', apply: Math.tanh, derivative: (_z, a) => 2 * (1 - a * a), big: Activation.tanh.big });
    const net = Network.create([Layer.create([[0.1, 0.2], [0.5, -0.3]], doubled), Layer.create([[0], [1], [1]], Activation.identity)]);
    for (const reference of ['float64', 'bignumber'] as const) {
      const report = gradientCheck(net, [[1], [-0.5]], [[0], [1]], { inputs: true, reference });
      expect(report.inputs!.map((e) => [e.example, e.index, e.ok])).toEqual([[0, 0, false], [1, 0, false]]);
      for (const e of report.inputs!) expectMatrixClose(e.relativeError, 0.5, { rtol: 1e-6, atol: 0 });
    }
  });

  it('passes on random correct networks, one example or a batch', () => {
    fc.assert(fc.property(gradientCase(), ({ net, input, target }) => {
      const report = gradientCheck(net, input, target, { inputs: true });
      expect(report.inputs!.every((e) => e.ok)).toBe(true);
    }), RUNS);
  });
});

describe('GradientCheckError inside fast-check', () => {
  const wrong = Activation.define({ name: 'test-error-doubled-tanh', apply: Math.tanh, derivative: (_z, a) => 2 * (1 - a * a) });

  it('serialises as its name, message (the table) and margin, not the report object', () => {
    const error = thrownBy(() => assertGradients(Network.create([Layer.create([[0.1], [0.5]], wrong)]), [1], [1])) as GradientCheckError;
    expect(error).toBeInstanceOf(GradientCheckError);
    expect(Object.keys(error)).not.toContain('report');
    const json = error.toJSON();
    expect(Object.keys(json)).toEqual(['name', 'message', 'margin']);
    expect(json.message).toContain('margin  status');
    expect(error.report.ok).toBe(false);
    // By hand: the analytic gradient is twice the numeric one; the margin is |a - n| / (1e-8 + 1e-5 |a|) = 1 / (2e-5 + ...) ≈ 5e4.
    expectMatrixClose(error.margin, 1 / (1e-8 / Math.abs(error.report.worst[0].numeric) + 2e-5), { rtol: 1e-4, atol: 0 });
  });

  it('puts the table, not the report, in what fc.assert throws', () => {
    const run = () => fc.assert(fc.property(fc.double({ min: 0.1, max: 1, noNaN: true }), (w) => {
      assertGradients(Network.create([Layer.create([[w], [0.5]], wrong)]), [1], [1]);
    }), { seed: 1, numRuns: 5 });
    const error = thrownBy(run);
    const cause = (error as Error & { cause?: unknown }).cause as GradientCheckError;
    expect(cause).toBeInstanceOf(GradientCheckError);
    expect(JSON.stringify(cause)).not.toContain('"entries"');
  });
});
