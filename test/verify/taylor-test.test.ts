/**
 * taylorTest: values worked by hand, errors, purity, and property tests
 * over random networks of every built-in activation and loss (orders about
 * 2) and with an injected derivative bug (orders about 1, the layer named).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ShapeError, ValueError, gradientCheck, taylorTest, type Loss as LossType } from '../../src/index.js';
import { builtInActivations, gradientCase } from '../../src/testing/index.js';
import { thrownBy } from '../support/helpers.js';

const RUNS = { numRuns: 25, seed: 0x7a1 };
const notebook = (activation: Activation = Activation.sigmoid) => Network.create([
  Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], activation),
  Layer.create([[1], [2], [3], [-1]], Activation.identity),
]);

describe('taylorTest', () => {
  it('gives orders of exactly 2 for a loss quadratic in the weights (by hand: one identity layer, squared error)', () => {
    // L(w) = (-w0 + 3 w1 - 4)² is quadratic: L(w + h d) - L(w) - h ∇L·d = h² (-d0 + 3 d1)², so r(h/2) = r(h) / 4.
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const report = taylorTest(net, [3], [4], { seed: 3 });
    expect(report.ok).toBe(true);
    for (const order of [...report.orders, ...report.layers[0].orders]) expect(Math.abs(order - 2)).toBeLessThan(1e-6);
    expect(report.h).toEqual(Array.from({ length: 9 }, (_, i) => (0.01 * Math.sqrt(5)) / 2 ** i));
    expect(report.forwardPasses).toBe(18);
  });

  it('gives orders about 1 for a loss gradient off by a factor of 2 (by hand: the residual keeps h·∇L·d / 2)', () => {
    const halved: LossType = {
      name: 'test-taylor-halved', value: Loss.squaredError.value,
      gradient: (y, t, into) => { for (let k = 0; k < y.length; k++) into[k] = y[k] - t[k]; },
    };
    const report = taylorTest(notebook(), [1, 2], [5], { loss: halved });
    expect([report.ok, report.suspect]).toEqual([false, 1]);
    for (const s of [report, ...report.layers]) expect(Math.abs(s.order! - 1)).toBeLessThan(0.01);
    expect(report.summary).toBe(
      'taylorTest: layers 2 and 1 disagree; look first at the gradient of the loss "test-taylor-halved" and the derivative of the output activation "identity" (orders 1, 1 by layer; 2 is right, 1 wrong)',
    );
  });

  it('lists the steps at float64 round-off and does not use them; the BigNumber reference pushes the floor down', () => {
    const float = taylorTest(notebook(), [1, 2], [5], { steps: 30 });
    expect(float.ok).toBe(true);
    expect(float.belowRoundOff.length).toBeGreaterThan(0);
    // Every step from the first one below round-off on is below it too: the residual only falls.
    const first = float.belowRoundOff[0];
    expect(float.belowRoundOff).toEqual(Array.from({ length: 31 - first }, (_, i) => first + i));
    const big = taylorTest(notebook(), [1, 2], [5], { steps: 30, reference: 'bignumber' });
    expect([big.reference, big.digits, big.ok]).toEqual(['bignumber', 50, true]);
    expect(big.belowRoundOff.length).toBeLessThan(float.belowRoundOff.length);
  });

  it('falls back to float64 with a warning for an activation without a BigNumber form', () => {
    const plain = Activation.define({ name: 'test-taylor-plain-sigmoid', apply: Activation.sigmoid.apply, derivative: (_z, a) => a * (1 - a) });
    const report = taylorTest(notebook(plain), [1, 2], [5], { reference: 'bignumber' });
    expect(report.reference).toBe('float64');
    expect(report.warnings.map((w) => w.message)).toEqual(['activation "test-taylor-plain-sigmoid" has no BigNumber form: fell back to float64']);
  });

  it('does not use steps that cross a kink (by hand: relu at z = 1e-4, h0 moves z by more)', () => {
    const net = Network.create([Layer.create([[-1e-4], [0]], Activation.relu), Layer.create([[0], [1]], Activation.identity)]);
    const report = taylorTest(net, [0], [1], { steps: 20 });
    expect(report.kinks.length).toBeGreaterThan(0);
    expect(report.kinks[0]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('throws ValueError for bad options and ShapeError for a bad input', () => {
    const net = notebook();
    expect(thrownBy(() => taylorTest(net, [1, 2], [5], { steps: 1 })).message).toBe('taylorTest: steps must be an integer from 2 to 40, got 1');
    expect(thrownBy(() => taylorTest(net, [1, 2], [5], { seed: -1 })).message).toBe('taylorTest: seed must be an integer from 0 to 4294967295, got -1');
    expect(thrownBy(() => taylorTest(net, [1, 2], [5], { digits: 30 }))).toBeInstanceOf(ValueError);
    const unknown = thrownBy(() => taylorTest(net, [1, 2], [5], { tolerance: 1 } as never));
    expect(unknown.message).toBe('taylorTest: unknown option "tolerance"; the options are steps, loss, seed, reference, digits');
    expect(thrownBy(() => taylorTest(net, [1, 2, 3], [5]))).toBeInstanceOf(ShapeError);
  });

  it('does not mutate its arguments and gives the same report for the same seed', () => {
    const net = notebook();
    const x = [[1, 2], [0.5, -1]];
    const t = [[5], [0]];
    const before = JSON.stringify([Network.toJSON(net), x, t]);
    const a = taylorTest(net, x, t, { seed: 9 });
    expect(JSON.stringify([Network.toJSON(net), x, t])).toBe(before);
    expect(taylorTest(net, x, t, { seed: 9 })).toEqual(a);
    expect(taylorTest(net, x, t, { seed: 10 }).residuals).not.toEqual(a.residuals);
  });

  const losses = [
    { loss: Loss.squaredError, outputs: builtInActivations, target: { kind: 'values' as const } },
    { loss: Loss.binaryCrossEntropy, outputs: [Activation.sigmoid], target: { kind: 'probabilities' as const } },
    { loss: Loss.softmaxCrossEntropy, outputs: [Activation.identity], target: { kind: 'probabilities' as const } },
  ];
  it.each(losses.map((l) => [l.loss.name, l] as const))('passes correct random networks of every built-in activation with %s: last usable order >= 1.8', (_name, { loss, outputs, target }) => {
    const cases = gradientCase({ activations: builtInActivations, outputActivations: outputs, layers: { min: 1, max: 3 }, target });
    fc.assert(fc.property(cases, fc.nat(1000), ({ net, input, target: t }, seed) => {
      const report = taylorTest(net, input, t, { loss, seed });
      expect(report.ok, report.summary).toBe(true);
      for (const s of [report, ...report.layers]) if (s.order !== null) expect(s.order).toBeGreaterThanOrEqual(1.8);
    }), RUNS);
  });

  it('names the layer of an injected doubled derivative on random 3-layer networks, its order about 1', () => {
    const doubled = Activation.define({ name: 'test-taylor-doubled-tanh', apply: Math.tanh, derivative: (_z, a) => 2 * (1 - a * a), big: Activation.tanh.big });
    const arb = fc.integer({ min: 0, max: 2 }).chain((at) =>
      gradientCase({
        network: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
          .chain((sizes) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }).map((values) => {
            let k = 0;
            return Network.create([0, 1, 2].map((l) => Layer.create(
              Array.from({ length: sizes[l] + 1 }, () => Array.from({ length: sizes[l + 1] }, () => values[k++ % 60])),
              l === at ? doubled : [Activation.sigmoid, Activation.tanh, Activation.identity][l],
            )));
          })),
      }).map((c) => ({ c, at })));
    fc.assert(fc.property(arb, ({ c, at }) => {
      // Only meaningful when the bug changes that layer's gradient by more than 1% (a gradientCheck says so).
      const entries = gradientCheck(c.net, c.input, c.target).entries.filter((e) => e.layer === at);
      const error = Math.hypot(...entries.map((e) => e.analytic - e.numeric));
      fc.pre(error > 1e-2 * Math.hypot(...entries.map((e) => e.numeric)) && error > 1e-4);
      // More halvings than the default, so that an error of 1% shows against the second-order term.
      const report = taylorTest(c.net, c.input, c.target, { steps: 14 });
      expect(report.suspect).toBe(at);
      expect(report.layers[at].order!).toBeLessThan(1.3);
    }), RUNS);
  });
});
