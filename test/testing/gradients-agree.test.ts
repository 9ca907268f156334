/**
 * Tests of src/testing/gradients-agree.ts (`assertCaseGradients`): inside
 * a fast-check property it passes right gradients, skips near misses, and
 * so the shrunk counterexample of a slightly wrong derivative fails by
 * more than `minMargin`, where plain `assertGradients` shrinks to a near
 * miss; it throws a GradientCheckError with the table and refuses a bad
 * `minMargin`.
 *
 * The derivative under test is tanh's times `(1 + 1e-4 z²)`: by hand, its
 * relative error is `1e-4 z²`, so an entry's margin (error over
 * `1e-5 · scale` and a tiny absolute floor) is about `10 z²` at most, and
 * shrinking towards small weights and inputs walks it down towards 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, GradientCheckError, Layer, Network, ValueError, assertGradients, gradientCheck, type GradientCheckReport } from '../../src/index.js';
import { assertCaseGradients, gradientCase, type GradientCase } from '../../src/testing/index.js';
import { thrownBy } from '../support/helpers.js';

const slightly = Activation.define({
  name: 'tanh-off-by-1e-4-z-squared',
  apply: Math.tanh,
  derivative: (z, a) => (1 - a * a) * (1 + 1e-4 * z * z),
});
const cases = gradientCase({ activations: [slightly], layers: 1 });
const RUN = { seed: 3, numRuns: 200 };

function worstMargin(report: GradientCheckReport): number {
  return Math.max(...report.entries.map((e) => e.margin));
}

function shrunkMargin(check: (c: GradientCase) => void): number {
  const result = fc.check(fc.property(cases, (c) => { check(c); }), RUN);
  expect(result.failed).toBe(true);
  const [c] = result.counterexample as [GradientCase];
  return worstMargin(gradientCheck(c.net, c.input, c.target));
}

describe('assertCaseGradients', () => {
  it('shrinks to a counterexample that fails by more than minMargin, where assertGradients ends on a near miss', () => {
    const plain = shrunkMargin((c) => assertGradients(c.net, c.input, c.target));
    expect(plain).toBeGreaterThan(1);
    expect(plain).toBeLessThan(2);
    expect(shrunkMargin((c) => assertCaseGradients(c))).toBeGreaterThan(10);
  });

  it('passes right gradients and returns the report', () => {
    fc.assert(fc.property(gradientCase({ activations: [Activation.tanh] }), (c) => assertCaseGradients(c).ok), { seed: 4, numRuns: 30 });
  });

  it('skips a near miss as a failed precondition', () => {
    // by hand: z = w·x - b = 2 · 3 = 6 (bias weight 0), so the relative error is 1e-4 · 36 = 3.6e-3, margin about 360.
    const clear = { net: Network.create([Layer.create([[0], [2]], slightly)]), input: [3], target: [0] };
    expect(thrownBy(() => assertCaseGradients(clear))).toBeInstanceOf(GradientCheckError);
    // by hand: z = 0.2 · 3 = 0.6, relative error 3.6e-5, margin about 3.6: a near miss under the default 10, counted under 1.
    const near = { net: Network.create([Layer.create([[0], [0.2]], slightly)]), input: [3], target: [0] };
    expect(gradientCheck(near.net, near.input, near.target).ok).toBe(false);
    const skipped = thrownBy(() => assertCaseGradients(near));
    expect(skipped).not.toBeInstanceOf(GradientCheckError);
    expect(fc.PreconditionFailure.isFailure(skipped)).toBe(true);
    expect(thrownBy(() => assertCaseGradients(near, { minMargin: 1 }))).toBeInstanceOf(GradientCheckError);
  });

  it('throws a GradientCheckError whose message is the table', () => {
    const clear = { net: Network.create([Layer.create([[0], [2]], slightly)]), input: [3], target: [0] };
    const error = thrownBy(() => assertCaseGradients(clear)) as GradientCheckError;
    expect(error.message.split('\n')[0]).toMatch(/^gradientCheck: \d of 2 weights disagree/);
    expect(error.message).toContain('margin');
  });

  it('throws ValueError for a minMargin below 1', () => {
    const clear = { net: Network.create([Layer.create([[0], [2]], slightly)]), input: [3], target: [0] };
    const error = thrownBy(() => assertCaseGradients(clear, { minMargin: 0.5 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('assertCaseGradients: minMargin must be a finite number >= 1, got 0.5');
  });

  it('does not mutate the case or the options', () => {
    const c = { net: Network.create([Layer.create([[0], [0.2]], Activation.tanh)]), input: [3], target: [0] };
    const options = { minMargin: 5, epsilon: 1e-6 };
    const copy = structuredClone({ input: c.input, target: c.target, options });
    assertCaseGradients(c, options);
    expect({ input: c.input, target: c.target, options }).toEqual(copy);
  });
});
