/**
 * Tests of src/activation-check.ts (`Activation.check`): it passes every
 * built-in activation and correct custom ones, skips the points next to a
 * declared kink, names the first z where a derivative is wrong with both
 * values, honours its options and refuses bad ones. (The four classic
 * derivative bugs are in test/gradient-check-bugs.test.ts.)
 *
 * Sources of expected values:
 * - "by hand:" grid arithmetic written out in the comment.
 * - Correct derivatives of polynomials are written out by hand; their
 *   central differences are exact up to rounding (the truncation error of
 *   a cubic is `ε² |f'''| / 6`, 1e-12 · |c| at ε = 1e-6).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, ValueError, type Activation as ActivationType } from '../../src/index.js';
import { BUILT_IN_ACTIVATIONS } from '../support/arbitraries.js';
import { thrownBy } from '../support/helpers.js';

const RUNS = { numRuns: 100, seed: 0xac };

/** A cubic `c z³ + b z` as a plain activation object (not registered), with its derivative scaled by `k`. */
function cubic(c: number, b: number, k = 1): ActivationType {
  return { name: `cubic(${c}, ${b})`, apply: (z) => c * z ** 3 + b * z, derivative: (z) => k * (3 * c * z * z + b) };
}

describe('Activation.check', () => {
  it.each(BUILT_IN_ACTIVATIONS.map((a) => [a.name, a] as const))('passes the built-in %s', (_name, activation) => {
    const report = Activation.check(activation);
    expect(report.ok, report.summary).toBe(true);
    expect(report.firstFailure).toBeUndefined();
    // by hand: 201 grid points and 4 extra ones; relu and leakyRelu skip z = 0 (grid point 100).
    const kinked = (activation.kinks ?? []).length > 0;
    expect(report.skipped).toBe(kinked ? 1 : 0);
    expect(report.checked).toBe(205 - report.skipped);
    // NOTE: not maxRelativeError: at z = -50 sigmoid' is 2e-22, and the round-off of the difference, far below the absolute tolerance, is large relative to that.
    expect(report.maxAbsoluteError).toBeLessThan(1e-8);
    expect(report.summary).toMatch(new RegExp(`^Activation\\.check: the derivative of "${activation.name.replace(/[()]/g, '\\$&')}" agrees with central differences at all ${report.checked} points`));
  });

  it('passes correct cubics and fails the same cubics with a derivative off by 10% or more', () => {
    const coefficient = fc.double({ min: 0.1, max: 2, noNaN: true });
    const factor = fc.oneof(fc.double({ min: 1.1, max: 3, noNaN: true }), fc.double({ min: -3, max: 0.9, noNaN: true }));
    fc.assert(
      fc.property(coefficient, coefficient, factor, (c, b, k) => {
        expect(Activation.check(cubic(c, b)).ok).toBe(true);
        const wrong = Activation.check(cubic(c, b, k));
        expect(wrong.ok).toBe(false);
        // The derivative is wrong everywhere (3 c z² + b > 0), so at the first point.
        expect(wrong.firstFailure?.z).toBe(-5);
      }),
      RUNS,
    );
  });

  it('reports the first failure in the order checked: the grid from low to high, then extra', () => {
    // Wrong only beyond |z| = 10: the grid [-5, 5] passes, the first extra point fails.
    const wrongFar = { name: 'wrong-far', apply: Math.tanh, derivative: (z: number, a: number) => (Math.abs(z) > 10 ? 1 : 1 - a * a) };
    const report = Activation.check(wrongFar, { extra: [30, -30] });
    expect(report.firstFailure?.z).toBe(30);
    expect(report.firstFailure?.derivative).toBe(1);
    expect(report.firstFailure?.numeric).toBe(0);
    expect(report.firstFailure?.absoluteError).toBe(1);
    expect(report.firstFailure?.relativeError).toBe(1);
    expect(Activation.check(wrongFar, { extra: [] }).ok).toBe(true);
  });

  it('skips only the points within epsilon of a declared kink', () => {
    // by hand: points -1, -0.5, 0, 0.5, 1; the kink at 0.5 takes out one of them.
    const hinge = { name: 'hinge', apply: (z: number) => Math.max(z, 0.5), derivative: (z: number) => (z > 0.5 ? 1 : 0), kinks: [0.5] };
    const report = Activation.check(hinge, { from: -1, to: 1, points: 5, extra: [] });
    expect([report.checked, report.skipped, report.ok]).toEqual([4, 1, true]);
    // Without the declaration the kink point is checked, and its central difference (1/2) matches neither side.
    const undeclared = Activation.check({ ...hinge, kinks: undefined }, { from: -1, to: 1, points: 5, extra: [] });
    expect(undeclared.ok).toBe(false);
    expect(undeclared.firstFailure?.z).toBe(0.5);
    expect(undeclared.firstFailure?.numeric).toBeCloseTo(0.5, 9);
  });

  it('checks `points` evenly spaced points of [from, to] (by hand: 3 points of [-2, 4] are -2, 1, 4)', () => {
    const seen: number[] = [];
    const spy = { name: 'spy', apply: (z: number) => z, derivative: (z: number) => (seen.push(z), 1) };
    Activation.check(spy, { from: -2, to: 4, points: 3, extra: [7] });
    expect(seen).toEqual([-2, 1, 4, 7]);
  });

  it('fails a point where apply or derivative is not finite, and keeps NaN out of the maxima', () => {
    // by hand: at z = 4 (grid point 180) the step z + ε already reaches the NaN.
    const broken = { name: 'broken', apply: (z: number) => (z > 4 ? Number.NaN : z), derivative: () => 1 };
    const report = Activation.check(broken, { extra: [] });
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.z).toBe(4);
    expect(Number.isNaN(report.firstFailure?.numeric)).toBe(true);
    expect(report.maxAbsoluteError).toBe(Infinity);
    expect(Number.isNaN(report.maxRelativeError)).toBe(false);
  });

  it('honours epsilon and the tolerances', () => {
    // by hand: for z³ the central difference is 3 z² + ε²; at ε = 0.1 that is off by 0.01.
    const cube = cubic(1, 0);
    expect(Activation.check(cube, { epsilon: 0.1, extra: [] }).ok).toBe(false);
    expect(Activation.check(cube, { epsilon: 0.1, extra: [], absoluteTolerance: 0.011 }).ok).toBe(true);
    expect(Activation.check(cubic(1, 1, 1.5), { tolerance: 0.5, extra: [] }).ok).toBe(true);
  });

  it('throws ValueError naming the option for bad options', () => {
    const bad: [object, RegExp][] = [
      [{ from: Number.NaN }, /^Activation\.check: from must be a finite number/],
      [{ to: -6 }, /^Activation\.check: to must be above from, got from -5 and to -6/],
      [{ points: 1 }, /^Activation\.check: points must be an integer >= 2, got 1/],
      [{ points: 2.5 }, /^Activation\.check: points must be an integer >= 2/],
      [{ extra: [1, Infinity] }, /^Activation\.check: extra must be an array of finite numbers/],
      [{ epsilon: 0 }, /^Activation\.check: epsilon must be a positive finite number, got 0/],
      [{ tolerance: -1 }, /^Activation\.check: tolerance must be a finite number >= 0/],
      [{ absoluteTolerance: Number.NaN }, /^Activation\.check: absoluteTolerance must be a finite number >= 0/],
      [{ range: [0, 1] }, /^Activation\.check: unknown option "range"/],
    ];
    for (const [options, message] of bad) {
      const error = thrownBy(() => Activation.check(Activation.tanh, options as never));
      expect(error, JSON.stringify(options)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(message);
    }
  });

  it('throws ValueError for something that is not an activation', () => {
    const error = thrownBy(() => Activation.check({ name: 'half' } as never));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Activation\.check: expected an Activation/);
  });

  it('does not mutate its arguments', () => {
    const options = Object.freeze({ from: -1, to: 1, points: 11, extra: Object.freeze([3]) });
    const activation = Object.freeze(cubic(1, 1));
    const report = Activation.check(activation, options);
    expect(report.ok).toBe(true);
    expect(options).toEqual({ from: -1, to: 1, points: 11, extra: [3] });
  });
});

describe('Activation.check refuses options that cannot give a meaningful check (issue 9, item 11)', () => {
  it('refuses a grid wider than float64 instead of blaming the activation for its NaN points', () => {
    expect(() => Activation.check(Activation.tanh, { from: -1e308, to: 1e308 })).toThrow(ValueError);
    expect(() => Activation.check(Activation.tanh, { from: -1e308, to: 1e308 })).toThrow(
      'Activation.check: from -1e+308 and to 1e+308 are too far apart for float64 (to - from is Infinity); choose a narrower grid',
    );
  });

  it('refuses an epsilon too small to move z, instead of blaming the activation', () => {
    // By hand: the largest |z| is 50 (extra); ε·2 = 2e-300 is far below one ulp of 50 (7.1e-15).
    expect(() => Activation.check(Activation.tanh, { epsilon: 1e-300 })).toThrow(
      /^Activation\.check: epsilon 1e-300 is too small for z up to 50: .*above the tolerance 1e-0?5; use an epsilon of at least 5\.55112e-10$/,
    );
    expect(Activation.check(Activation.tanh, { epsilon: 1e-6 }).ok).toBe(true);
  });

  it('reports the worst failing z as well as the first, every number written one way', () => {
    // Derivative off by z²/100: small at the left end, worst at the largest |z| checked (z = 50 of extra).
    const off = Activation.define({ name: 'activationCheckTestOffBySquare', apply: Math.tanh, derivative: (z, a) => 1 - a * a + (z * z) / 100 });
    const report = Activation.check(off);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.z).toBe(-5);
    expect(Math.abs(report.worstFailure!.z)).toBe(50);
    expect(report.summary).toMatch(/^Activation\.check: the derivative of "activationCheckTestOffBySquare" is wrong at \d+ of 205 points, first at z = -5 \(derivative [\d.]+, central difference [\d.e-]+\), worst at z = -?50 /);
  });
});
