/**
 * directionalCheck: values worked by hand, errors, purity, and property
 * tests (correct random networks pass; an injected bug's layer is named).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError, directionalCheck, gradientCheck } from '../../src/index.js';
import { builtInActivations, gradientCase } from '../../src/testing/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import { layerDirections } from '../../src/verify/directions.js';
import { modelOf } from '../../src/model/network-record.js';

const RUNS = { numRuns: 30, seed: 0xd1 };

describe('directionalCheck', () => {
  it('compares ∇L·d with the central difference (by hand: one identity layer, L = (-w0 + 3 w1 - 4)²)', () => {
    // At w = (1, 2): y = 5, ∂L/∂w = 2 (y - t) (-1, 3) = (-2, 6), so ∇L·d = -2 d0 + 6 d1 for the unit direction d.
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const report = directionalCheck(net, [3], [4], { seed: 7, directions: 2 });
    const d = layerDirections(modelOf(net, 'test'), 7, 2);
    report.layers[0].directions.forEach((r, i) => {
      // analytic is ∇L·s / ε for the step s = (w + ε·d) - (w - ε·d) actually taken, which differs from 2ε·d
      // by the rounding of w ± ε·d: about u·|w| / (ε·|d|) = 1.1e-16 · 2 / 2e-6, 1e-10 relative.
      expectMatrixClose(r.analytic, -2 * d[i][0][0] + 6 * d[i][0][1], { rtol: 1e-9, atol: 1e-15 });
      // L is quadratic, so the central difference is exact up to round-off.
      expectMatrixClose(r.numeric, r.analytic, { rtol: 1e-8, atol: 1e-12 });
    });
    expect(report.layers[0].epsilon).toBeCloseTo(1e-6 * Math.sqrt(5), 20);
    expect([report.ok, report.suspect, report.forwardPasses]).toEqual([true, null, 4]);
  });

  it('names the output layer for a doubled output derivative, and agrees in BigNumbers', () => {
    const doubled = Activation.define({ name: 'test-directional-identity-doubled', apply: (z) => z, derivative: () => 2, big: Activation.identity.big });
    const net = Network.create([
      Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
      Layer.create([[1], [2], [3], [-1]], doubled),
    ]);
    for (const reference of ['float64', 'bignumber'] as const) {
      const report = directionalCheck(net, [1, 2], [5], { reference });
      expect([report.ok, report.suspect, report.reference]).toEqual([false, 1, reference]);
      // By hand: every gradient is twice the true one, so the relative error is 1/2.
      for (const layer of report.layers) for (const r of layer.directions) expectMatrixClose(r.relativeError, 0.5, { rtol: 1e-5, atol: 0 });
      expect(report.summary).toMatch(/^directionalCheck: layers 2 and 1 disagree; look first at the gradient of the loss "squaredError" and the derivative of the output activation "test-directional-identity-doubled" \(worst error/);
    }
  });

  it('throws ValueError for bad options and ShapeError for a bad target', () => {
    const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    expect(thrownBy(() => directionalCheck(net, [3], [4], { directions: 0 })).message).toBe('directionalCheck: directions must be a positive integer, got 0');
    expect(thrownBy(() => directionalCheck(net, [3], [4], { tolerance: -1 })).message).toBe('directionalCheck: tolerance must be a finite number >= 0, got -1');
    expect(thrownBy(() => directionalCheck(net, [3], [4], { steps: 3 } as never))).toBeInstanceOf(ValueError);
    expect(thrownBy(() => directionalCheck(net, [3], [4, 5]))).toBeInstanceOf(ShapeError);
  });

  it('does not mutate its arguments', () => {
    const net = Network.create([Layer.create([[1, 0], [2, 1]], Activation.tanh), Layer.create([[0.5], [1], [-1]], Activation.identity)]);
    const x = [[3], [1]];
    const t = [[4], [0]];
    const before = JSON.stringify([Network.toJSON(net), x, t]);
    directionalCheck(net, x, t, { reference: 'bignumber' });
    expect(JSON.stringify([Network.toJSON(net), x, t])).toBe(before);
  });

  it('passes correct random networks of every built-in activation', () => {
    fc.assert(fc.property(gradientCase({ activations: builtInActivations }), fc.nat(1000), ({ net, input, target }, seed) => {
      const report = directionalCheck(net, input, target, { seed });
      expect(report.ok, report.summary).toBe(true);
    }), RUNS);
  });

  it('names the layer of an injected wrong-sign derivative where gradientCheck sees it', () => {
    const negated = Activation.define({ name: 'test-directional-negated-sigmoid', apply: Activation.sigmoid.apply, derivative: (_z, a) => -a * (1 - a) });
    const arb = fc.integer({ min: 0, max: 1 }).chain((at) => gradientCase({
      layers: { min: 2, max: 2 },
      activations: [Activation.sigmoid],
      outputActivations: [Activation.identity],
    }).map((c) => ({ c, at, net: Network.create(c.net.layers.map((l, i) => Layer.create(l.weights, i === at ? negated : l.activation))) })));
    fc.assert(fc.property(arb, ({ c, at, net }) => {
      const full = gradientCheck(net, c.input, c.target);
      fc.pre(full.entries.some((e) => e.layer === at && Math.abs(e.numeric) > 1e-3));
      expect(directionalCheck(net, c.input, c.target).suspect).toBe(at);
    }), RUNS);
  });
});
