/**
 * Tests of src/optim/schedule.ts: `Schedule.step`, `exponential` and
 * `cosine`. Expected rates are the documented formulas, written out here
 * (by hand for the small cases; as the same formula for the properties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Schedule, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const epochs = fc.integer({ min: 0, max: 500 });
const rates = fc.double({ min: 1e-5, max: 10, noNaN: true });

function expectRefused(fn: () => unknown, message: RegExp): void {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(ValueError);
  expect(error.message).toMatch(message);
}

describe('Schedule.step', () => {
  it('multiplies the rate by factor every `every` epochs', () => {
    // by hand: 0.8 · 0.5^floor(e / 3): epochs 0-2 at 0.8, 3-5 at 0.4, 6 at 0.2.
    const schedule = Schedule.step({ every: 3, factor: 0.5 });
    expect([0, 2, 3, 5, 6].map((e) => schedule(e, 0.8))).toEqual([0.8, 0.8, 0.4, 0.4, 0.2]);
  });

  it('gives learningRate · factor^floor(epoch / every) for every epoch', () => {
    fc.assert(fc.property(epochs, rates, fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.1, max: 1, noNaN: true }), (e, rate, every, factor) => {
      expect(Schedule.step({ every, factor })(e, rate)).toBe(rate * factor ** Math.floor(e / every));
    }), { seed: 30 });
  });

  it('throws ValueError for an every that is not a positive integer, or a factor that is not positive', () => {
    expectRefused(() => Schedule.step({ every: 0, factor: 0.5 }), /^Schedule\.step: every must be a positive integer, got 0$/);
    expectRefused(() => Schedule.step({ every: 2.5, factor: 0.5 }), /got 2\.5$/);
    expectRefused(() => Schedule.step({ every: 2, factor: 0 }), /^Schedule\.step: factor must be a positive finite number, got 0$/);
    expectRefused(() => Schedule.step({ every: 2 } as never), /^Schedule\.step: factor must be a positive finite number, got undefined$/);
    expectRefused(() => Schedule.step({ every: 2, factor: 0.5, gamma: 1 } as never), /^Schedule\.step: unknown option "gamma"; the options are every, factor$/);
    expectRefused(() => Schedule.step(null as never), /^Schedule\.step: options must be an object, got null$/);
  });
});

describe('Schedule.exponential', () => {
  it('gives learningRate · gamma^epoch', () => {
    fc.assert(fc.property(epochs, rates, fc.double({ min: 0.5, max: 1, noNaN: true }), (e, rate, gamma) => {
      expect(Schedule.exponential({ gamma })(e, rate)).toBe(rate * gamma ** e);
    }), { seed: 31 });
  });

  it('throws ValueError for a gamma that is not positive and finite', () => {
    expectRefused(() => Schedule.exponential({ gamma: -0.9 }), /^Schedule\.exponential: gamma must be a positive finite number, got -0\.9$/);
    expectRefused(() => Schedule.exponential({ gamma: '0.9' } as never), /got "0\.9" \(a string\)$/);
  });
});

describe('Schedule.cosine', () => {
  it('falls from the base rate to the minimum along half a cosine', () => {
    // by hand: cos(0) = 1 gives the base, cos(pi/2) = 0 the midpoint, cos(pi) = -1 the minimum.
    const schedule = Schedule.cosine({ epochs: 10, minimum: 0.1 });
    expect(schedule(0, 1.1)).toBe(1.1);
    expect(schedule(5, 1.1)).toBeCloseTo(0.6, 15);
    expect(schedule(10, 1.1)).toBe(0.1);
  });

  it('stays at the minimum after `epochs`, and follows the formula before', () => {
    fc.assert(fc.property(epochs, rates, fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1e-6, noNaN: true }), (e, rate, n, minimum) => {
      const expected = e >= n ? minimum : minimum + ((rate - minimum) * (1 + Math.cos((Math.PI * e) / n))) / 2;
      const got = Schedule.cosine({ epochs: n, minimum })(e, rate);
      expect(got).toBe(expected);
      expect(got).toBeGreaterThanOrEqual(minimum);
    }), { seed: 32 });
  });

  it('defaults the minimum to 0', () => {
    expect(Schedule.cosine({ epochs: 4 })(4, 0.5)).toBe(0);
  });

  it('throws ValueError for epochs that are not a positive integer, or a negative minimum', () => {
    expectRefused(() => Schedule.cosine({ epochs: -3 }), /^Schedule\.cosine: epochs must be a positive integer, got -3$/);
    expectRefused(() => Schedule.cosine({ epochs: 3, minimum: -0.1 }), /^Schedule\.cosine: minimum must be a finite number >= 0, got -0\.1$/);
  });
});

describe('every schedule', () => {
  const schedules = [
    ['step', Schedule.step({ every: 2, factor: 0.5 })],
    ['exponential', Schedule.exponential({ gamma: 0.9 })],
    ['cosine', Schedule.cosine({ epochs: 5 })],
  ] as const;

  it.each(schedules)('%s is a frozen function that gives the base rate at epoch 0', (_name, schedule) => {
    expect(Object.isFrozen(schedule)).toBe(true);
    expect(schedule(0, 0.25)).toBe(0.25);
  });

  it.each(schedules)('%s throws ValueError for an epoch that is not a non-negative integer, or a bad rate', (name, schedule) => {
    expectRefused(() => schedule(-1, 0.1), new RegExp(`^Schedule\\.${name}: epoch must be a non-negative integer, got -1$`));
    expectRefused(() => schedule(0.5, 0.1), /got 0\.5$/);
    expectRefused(() => schedule(1, 0), new RegExp(`^Schedule\\.${name}: learningRate must be a positive finite number, got 0$`));
  });
});
