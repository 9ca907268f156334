/**
 * Tests of the BigNumber forms (`big`) of the built-in activations and
 * losses, which the exact reference of `gradientCheck` evaluates: each
 * agrees with its float64 form to float64 rounding, and with the textbook
 * formula evaluated by mathjs at 60 digits to far below it.
 *
 * Sources of expected values:
 * - "formula:" the definition written as a mathjs expression (e.g.
 *   `1 / (1 + exp(-z))`) and evaluated by a separate mathjs instance with
 *   60-digit BigNumbers: a different route (no stable rewriting, no clamp
 *   shortcuts) to the same number.
 * - "by hand:" exact arithmetic written out in the comment.
 */
import fc from 'fast-check';
import { all, create, type BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Loss, type BigActivation, type BigLoss } from '../../src/index.js';
import { BUILT_IN_ACTIVATIONS } from '../support/arbitraries.js';
import { expectMatrixClose } from '../support/helpers.js';

const RUNS = { numRuns: 100, seed: 0xb9 };
const math = create(all, { number: 'BigNumber', precision: 50 });
const reference = create(all, { number: 'BigNumber', precision: 60 });

/** A double as a BigNumber, from its exact binary value. */
const big = (x: number): BigNumber => math.bignumber(x.toPrecision(100));
/** The formula `expression` at `z`, with 60 digits. */
const formula = (expression: string, z: number): BigNumber =>
  reference.evaluate(expression, { z: reference.bignumber(z.toPrecision(100)) }) as BigNumber;

/** `|a - b| <= 1e-45 · max(1, |b|)`: agreement far below float64 rounding. */
function expectBigClose(actual: BigNumber, expected: BigNumber, what: string): void {
  const error = reference.bignumber(actual.toString()).minus(expected).abs();
  const scale = expected.abs().gt(1) ? expected.abs() : reference.bignumber(1);
  expect(error.lte(scale.times('1e-45')), `${what}: ${actual.toString()} vs ${expected.toString()}`).toBe(true);
}

const FORMULAS: [Activation, string][] = [
  [Activation.identity, 'z'],
  [Activation.sigmoid, '1 / (1 + exp(-z))'],
  [Activation.tanh, '(exp(2 z) - 1) / (exp(2 z) + 1)'],
  [Activation.relu, 'z > 0 ? z : 0'],
  [Activation.leakyRelu(0.25), 'z > 0 ? z : 0.25 z'],
  [Activation.softplus, 'log(1 + exp(z))'],
];

describe('the BigNumber forms of the built-in activations', () => {
  it.each(BUILT_IN_ACTIVATIONS.map((a) => [a.name, a] as const))('%s has one, frozen', (_name, activation) => {
    expect(activation.big).toBeDefined();
    expect(Object.isFrozen(activation.big)).toBe(true);
  });

  it.each(BUILT_IN_ACTIVATIONS.map((a) => [a.name, a] as const))('%s agrees with its float64 apply to float64 rounding on [-40, 40]', (_name, activation) => {
    const form = activation.big as BigActivation;
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expectMatrixClose(form.apply(big(z), math).toNumber(), activation.apply(z), { rtol: 1e-15, atol: 1e-300 });
      }),
      RUNS,
    );
  });

  it.each(FORMULAS.map(([a, f]) => [a.name, f, a] as const))('%s agrees with the formula %s at 60 digits to 1e-45', (_name, expression, activation) => {
    const form = activation.big as BigActivation;
    for (const z of [-30, -2.5, -1e-3, 0, 1e-3, 0.1, 1, 3, 17.25]) {
      expectBigClose(form.apply(big(z), math), formula(expression, z), `${activation.name}(${z})`);
    }
  });

  it('computes sigmoid and softplus at ±800 and beyond without overflow (formula, where float64 gives exactly 0 and 1)', () => {
    const sigmoid = Activation.sigmoid.big as BigActivation;
    const softplus = Activation.softplus.big as BigActivation;
    expectBigClose(sigmoid.apply(big(-800), math), formula('1 / (1 + exp(-z))', -800), 'sigmoid(-800)');
    expect(sigmoid.apply(big(-800), math).gt(0)).toBe(true);
    expectBigClose(softplus.apply(big(800), math), formula('log(1 + exp(z))', 800), 'softplus(800)');
    expect(sigmoid.apply(big(1e6), math).lte(1)).toBe(true);
  });

  it('uses the exact double of alpha in leakyRelu (by hand: 0.1 is 0.1000000000000000055511151231257827...)', () => {
    const leaky = Activation.leakyRelu(0.1).big as BigActivation;
    expect(leaky.apply(math.bignumber(-1), math).toString()).toBe('-0.1000000000000000055511151231257827021181583404541');
  });

  it('returns exactly 0 for relu at and below 0', () => {
    const relu = Activation.relu.big as BigActivation;
    for (const z of [0, -0, -1e-30]) expect(relu.apply(math.bignumber(z), math).isZero()).toBe(true);
  });

  it('declares the kink at 0 for relu and leakyRelu only', () => {
    expect(BUILT_IN_ACTIVATIONS.filter((a) => a.kinks !== undefined).map((a) => [a.name.replace(/\(.*\)/, ''), a.kinks])).toEqual([
      ['relu', [0]],
      ['leakyRelu', [0]],
      ['leakyRelu', [0]],
    ]);
  });
});

describe('the BigNumber forms of the built-in losses', () => {
  const rows = (n: number, min: number, max: number) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });
  const bigs = (values: readonly number[]) => values.map(big);
  const cases: [string, Loss, number, number][] = [
    ['squaredError', Loss.squaredError, -10, 10],
    ['binaryCrossEntropy', Loss.binaryCrossEntropy, 0, 1],
    ['softmaxCrossEntropy', Loss.softmaxCrossEntropy, -20, 20],
  ];

  it.each(cases)('%s agrees with its float64 value to float64 rounding', (_name, loss, min, max) => {
    const form = loss.big as BigLoss;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(rows(n, min, max), rows(n, 0, 1))), ([y, t]) => {
        expectMatrixClose(form.value(bigs(y), bigs(t), math).toNumber(), loss.value(y, t), { rtol: 1e-13, atol: 1e-13 });
      }),
      RUNS,
    );
  });

  it('squaredError is exact (by hand: (3 - 1)² + (1 - 1)² = 4)', () => {
    expect((Loss.squaredError.big as BigLoss).value(bigs([3, 1]), bigs([1, 1]), math).toString()).toBe('4');
  });

  it('binaryCrossEntropy clamps as the float version: y = 1, t = 0 costs 40 ln 2 (formula)', () => {
    const value = (Loss.binaryCrossEntropy.big as BigLoss).value(bigs([1]), bigs([0]), math);
    // -ln(2^-40) = 40 ln 2; the clamp keeps 1 - y at exactly 2^-40.
    expectBigClose(value, reference.evaluate('40 log(2)') as BigNumber, 'BCE(1, 0)');
  });

  it('softmaxCrossEntropy is stable for logits ±1000 (by hand: -ln softmax([1000, -1000])[1] = 2000 + ln(1 + e^-2000))', () => {
    const value = (Loss.softmaxCrossEntropy.big as BigLoss).value(bigs([1000, -1000]), bigs([0, 1]), math);
    expectBigClose(value, reference.evaluate('2000 + log(1 + exp(-2000))') as BigNumber, 'softmax CE');
  });

  it('softmaxCrossEntropy agrees with the formula -Σ t_k ln(e^z_k / Σ e^z_j) at 60 digits', () => {
    const z = [0.5, -1.25, 2];
    const t = [0.2, 0.3, 0.5];
    const expected = reference.evaluate(
      '-(0.2 log(exp(0.5) / s) + 0.3 log(exp(-1.25) / s) + 0.5 log(exp(2) / s))',
      { s: reference.evaluate('exp(0.5) + exp(-1.25) + exp(2)') },
    ) as BigNumber;
    const value = (Loss.softmaxCrossEntropy.big as BigLoss).value(bigs(z), t.map((v) => math.bignumber(String(v))), math);
    expectBigClose(value, expected, 'softmax CE');
  });
});
