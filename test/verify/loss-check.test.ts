/**
 * Tests of src/verify/loss-check.ts (`Loss.check`): it passes the built-in
 * losses and a right custom one, catches the four injected bugs of a
 * custom loss (gradient ×2, wrong sign, wrong function, one output wrong),
 * points at the worst output, honours its options and refuses bad ones.
 *
 * Sources of expected values:
 * - The custom loss is the quartic `Σ_k (y_k - t_k)^4`, gradient
 *   `4 (y_k - t_k)^3` by hand; its central difference has truncation error
 *   `ε² · 24 |y - t| / 6 <= 4e-12` at ε = 1e-6.
 * - "by hand:" arithmetic in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loss, ValueError, type Loss as LossType } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const quarticValue: LossType['value'] = (y, t) => Array.from(y).reduce((sum, yk, k) => sum + (yk - t[k]) ** 4, 0);
const quarticGradient: LossType['gradient'] = (y, t, into) => {
  for (let k = 0; k < y.length; k++) into[k] = 4 * (y[k] - t[k]) ** 3;
};
const quartic = Loss.define({ name: 'quartic', value: quarticValue, gradient: quarticGradient });

/** The quartic with its gradient changed by `bug` after the right one is written. */
function buggy(name: string, bug: (into: Float64Array) => void): LossType {
  return Loss.define({ name, value: quarticValue, gradient: (y, t, into) => { quarticGradient(y, t, into); bug(into); } });
}

const BUGS: readonly (readonly [string, LossType])[] = [
  ['gradient ×2', buggy('quartic-times-2', (g) => g.forEach((v, k) => (g[k] = 2 * v)))],
  ['wrong sign', buggy('quartic-negated', (g) => g.forEach((v, k) => (g[k] = -v)))],
  // The gradient of the squared error with the value of the quartic.
  ['wrong function', Loss.define({ name: 'quartic-value-square-gradient', value: quarticValue, gradient: Loss.squaredError.gradient })],
  ['one output wrong', buggy('quartic-third-output', (g) => { if (g.length > 2) g[2] *= 1.5; })],
];

describe('Loss.check', () => {
  it.each([Loss.squaredError, Loss.binaryCrossEntropy, Loss.softmaxCrossEntropy, quartic].map((l) => [l.name, l] as const))('passes %s', (_name, loss) => {
    const report = Loss.check(loss);
    expect(report.ok, report.summary).toBe(true);
    expect(report.firstFailure).toBeUndefined();
    // by hand: 20 examples of 3 outputs.
    expect(report.checked).toBe(60);
    expect(report.worst.margin).toBeLessThanOrEqual(1);
    expect(report.summary).toBe(`Loss.check: the gradient of "${loss.name}" agrees with central differences at all 60 outputs (max absolute error ${report.summary.split('max absolute error ')[1]}`);
  });

  it.each(BUGS)('catches the injected bug: %s', (_bug, loss) => {
    const report = Loss.check(loss);
    expect(report.ok).toBe(false);
    expect(report.firstFailure).toBeDefined();
    expect(report.worst.margin).toBeGreaterThan(1);
    expect(report.summary).toMatch(new RegExp(`^Loss\\.check: the gradient of "${loss.name}" is worst at output \\d of example \\d+`));
  });

  it('points at the one wrong output, with the right value beside the wrong one', () => {
    const report = Loss.check(BUGS[3][1]);
    expect(report.worst.index).toBe(2);
    const { output: y, target: t } = report.worst;
    // by hand: the right gradient is 4 (y_2 - t_2)^3; the bug writes 1.5 times it.
    const right = 4 * (y[2] - t[2]) ** 3;
    expect(report.worst.gradient).toBeCloseTo(1.5 * right, 12);
    expect(report.worst.numeric).toBeCloseTo(right, 8);
  });

  it('fails an entry the gradient leaves unwritten', () => {
    const lazy = Loss.define({ name: 'lazy', value: quarticValue, gradient: (y, t, into) => { into[0] = 4 * (y[0] - t[0]) ** 3; } });
    const report = Loss.check(lazy);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.index).toBe(1);
    expect(report.firstFailure?.gradient).toBeNaN();
  });

  it('honours size, samples, seed and the ranges', () => {
    const report = Loss.check(quartic, { size: 2, samples: 4, seed: 7, outputRange: [10, 11], targetRange: [-1, 0] });
    expect(report.checked).toBe(8);
    expect(report.worst.output.every((y) => y >= 10 && y <= 11)).toBe(true);
    expect(report.worst.target.every((t) => t >= -1 && t <= 0)).toBe(true);
    expect(Loss.check(quartic, { seed: 7 })).toEqual(Loss.check(quartic, { seed: 7 }));
    expect(Loss.check(quartic, { seed: 7 }).worst).not.toEqual(Loss.check(quartic, { seed: 8 }).worst);
  });

  it('throws ValueError for a non-loss and bad options', () => {
    const notLoss = thrownBy(() => Loss.check({} as LossType));
    expect(notLoss).toBeInstanceOf(ValueError);
    expect(notLoss.message).toMatch(/^Loss\.check: loss must be a Loss with name, value and gradient/);
    expect(thrownBy(() => Loss.check(quartic, { size: 0 })).message).toBe('Loss.check: size must be a positive integer, got 0');
    expect(thrownBy(() => Loss.check(quartic, { epsilon: -1 })).message).toBe('Loss.check: epsilon must be a positive finite number, got -1');
    expect(thrownBy(() => Loss.check(quartic, { outputRange: [1, 0] })).message).toBe('Loss.check: outputRange must be [low, high] with finite low < high, got an array of 2');
    expect(thrownBy(() => Loss.check(quartic, { colour: 1 } as never)).message).toMatch(/^Loss\.check: unknown option "colour"/);
  });

  it('does not mutate the loss or the options', () => {
    const options = { size: 2, outputRange: [0, 1] as [number, number] };
    const copy = structuredClone(options);
    Loss.check(quartic, options);
    expect(options).toEqual(copy);
  });

  it('passes a scaled squared error and fails its gradient scaled by another factor (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1.1, max: 3, noNaN: true }), (c, f) => {
        const value: LossType['value'] = (y, t) => c * Loss.squaredError.value(y, t);
        const right = { name: 'scaled', value, gradient: ((y, t, into) => { for (let k = 0; k < y.length; k++) into[k] = 2 * c * (y[k] - t[k]); }) as LossType['gradient'] };
        const wrong = { ...right, gradient: ((y, t, into) => { for (let k = 0; k < y.length; k++) into[k] = 2 * c * f * (y[k] - t[k]); }) as LossType['gradient'] };
        return Loss.check(right, { samples: 5 }).ok && !Loss.check(wrong, { samples: 5 }).ok;
      }),
      { numRuns: 30, seed: 0x10c },
    );
  });
});
