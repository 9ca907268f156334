/**
 * Issue 9, item 10: the BigNumber reference of `gradientCheck` passes
 * correct gradients at every precision it allows (20 to 1000 digits), and
 * its conversion of doubles is exact at all of them.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, gradientCheck } from '../../src/index.js';
import { exactDecimal } from '../../src/math/big-math.js';
import { bigEpsilon } from '../../src/verify/check-settings.js';

describe('gradientCheck with the BigNumber reference, default epsilon', () => {
  it('passes a correct 20-8-3 network at digits: 20 (33 of 195 entries failed with ε = 1e-8)', () => {
    const net = Network.init([20, 8, 3], { seed: 1 });
    const x = Array.from({ length: 20 }, (_, i) => Math.sin(i + 1));
    const report = gradientCheck(net, x, [0.1, -0.2, 0.3], { reference: 'bignumber', digits: 20 });
    expect(report.entries).toHaveLength(195);
    expect(report.entries.filter((e) => !e.ok)).toEqual([]);
  });

  it('chooses, for every allowed digits, a positive double whose round-off and truncation stay five times below the absolute tolerance', () => {
    // Both errors relative to |L| (L''' of size about 1): round-off
    // 10^-digits / ε, truncation ε² / 6; the absolute tolerance is 1e-12 · max(1, |L|).
    for (let digits = 20; digits <= 1000; digits++) {
      const epsilon = bigEpsilon(digits);
      expect(epsilon).toBeGreaterThanOrEqual(2.2250738585072014e-308); // a normal double, not 0
      const roundOff = 10 ** (-digits - Math.log10(epsilon));
      expect(roundOff + (epsilon * epsilon) / 6).toBeLessThanOrEqual(1e-12 / 5);
    }
  });

  it('passes a correct tanh network at seeded low digits, where round-off is largest', () => {
    const net = Network.create([
      Layer.create([[0.3], [-1.2]], Activation.tanh),
      Layer.create([[0.1], [0.7]], Activation.sigmoid),
    ]);
    for (const digits of [20, ...fc.sample(fc.integer({ min: 21, max: 80 }), { seed: 10, numRuns: 3 })]) {
      const report = gradientCheck(net, [0.8], [0.25], { reference: 'bignumber', digits });
      expect([digits, report.ok]).toEqual([digits, true]);
    }
  });

  it('passes a correct network at seeded digits across [20, 1000], 809 and 1000 included (ε used to become 0)', () => {
    // Identity layers: no exponential to evaluate at 1000 digits, so this stays fast.
    const net = Network.create([Layer.create([[0.3, -0.2], [-1.2, 0.5]], Activation.identity), Layer.create([[0.1], [0.7], [-0.4]], Activation.identity)]);
    for (const digits of [809, 1000, ...fc.sample(fc.integer({ min: 20, max: 1000 }), { seed: 12, numRuns: 4 })]) {
      const report = gradientCheck(net, [0.8], [0.25], { reference: 'bignumber', digits });
      expect([digits, report.ok, report.epsilon > 0]).toEqual([digits, true, true]);
    }
  });
});

describe('exactDecimal', () => {
  /** x · 2^1074 as a BigInt, from the bits of x: an integer for every double. */
  function scaled(x: number): bigint {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const exponent = Number((bits >> 52n) & 0x7ffn);
    const fraction = bits & ((1n << 52n) - 1n);
    const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
    const value = mantissa << BigInt(Math.max(exponent, 1) - 1);
    return bits >> 63n === 1n ? -value : value;
  }

  it('writes every double exactly: times 2^1074 at 1100 digits it is the integer of its bits', () => {
    const math = create(all, { number: 'BigNumber', precision: 1100 });
    const two = math.bignumber(2).pow(1074);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const big = math.bignumber(exactDecimal(x)).times(two);
      expect(big.isInteger()).toBe(true);
      expect(big.toFixed()).toBe(scaled(x).toString());
    }), { seed: 11, numRuns: 200 });
    for (const x of [5e-324, 0.1, 1.7976931348623157e308, -2.2250738585072014e-308]) {
      expect(math.bignumber(exactDecimal(x)).times(two).toFixed()).toBe(scaled(x).toString());
    }
  });
});
