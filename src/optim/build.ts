/**
 * The one place an optimiser record is checked and made: the public
 * constructors call these with their own name, and `Optimizer.init` and
 * `Optimizer.step` call `checkOptimizer` on what they are given, so a
 * hand-written or tampered optimiser meets the same rules.
 */
import { checkOptionNames } from '../boundary/options.js';
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import { checkBoolean, checkNumber, NON_NEGATIVE, POSITIVE, type NumberRule } from '../boundary/options.js';

/** In `[0, 1)`: beta1, beta2, alpha. */
const DECAY: NumberRule = Object.freeze({ min: 0, max: 1, exclusiveMax: true });
/** In `[0, 1]`: dampening. */
const FRACTION: NumberRule = Object.freeze({ min: 0, max: 1 });

/** `options[key]`, or `fallback` when it is missing or undefined. */
function optionOr<T>(options: object, key: string, fallback: T): unknown {
  const value = (options as Record<string, unknown>)[key];
  return value === undefined ? fallback : value;
}
import type { AdamOptimizer, AdamWOptimizer, AnyOptimizer, RmspropOptimizer, SgdOptimizer } from './types.js';

const SGD_KEYS = ['learningRate', 'momentum', 'dampening', 'nesterov', 'weightDecay', 'decayBias'];
const ADAM_KEYS = ['learningRate', 'beta1', 'beta2', 'epsilon', 'weightDecay', 'decayBias'];
const RMSPROP_KEYS = ['learningRate', 'alpha', 'epsilon', 'momentum', 'weightDecay', 'decayBias'];

/** The sgd record of `options`, every field checked and filled in. */
export function sgdOf(options: unknown, where: string, keys = SGD_KEYS): SgdOptimizer {
  checkOptionNames(options, keys, where);
  const o = options as object;
  if (optionOr(o, 'learningRate', undefined) === undefined) {
    throw new ValueError(`${where}: learningRate is required (a positive finite number), got undefined`);
  }
  const momentum = checkNumber(optionOr(o, 'momentum', 0), NON_NEGATIVE, 'momentum', where);
  const dampening = checkNumber(optionOr(o, 'dampening', 0), FRACTION, 'dampening', where);
  const nesterov = checkBoolean(optionOr(o, 'nesterov', false), 'nesterov', where);
  if (nesterov && (momentum === 0 || dampening !== 0)) {
    throw new ValueError(
      `${where}: nesterov needs momentum > 0 and dampening = 0, got momentum ${describeValue(momentum)} and dampening ${describeValue(dampening)}`,
    );
  }
  return Object.freeze({
    name: 'sgd',
    learningRate: checkNumber(optionOr(o, 'learningRate', undefined), POSITIVE, 'learningRate', where),
    momentum,
    dampening,
    nesterov,
    weightDecay: checkNumber(optionOr(o, 'weightDecay', 0), NON_NEGATIVE, 'weightDecay', where),
    decayBias: checkBoolean(optionOr(o, 'decayBias', false), 'decayBias', where),
  });
}

/** The fields Adam and AdamW share, checked, with AdamW's or Adam's default weight decay. */
function adamFields(options: unknown, where: string, keys: readonly string[], decay: number) {
  checkOptionNames(options, keys, where);
  const o = options as object;
  return {
    learningRate: checkNumber(optionOr(o, 'learningRate', 0.001), POSITIVE, 'learningRate', where),
    beta1: checkNumber(optionOr(o, 'beta1', 0.9), DECAY, 'beta1', where),
    beta2: checkNumber(optionOr(o, 'beta2', 0.999), DECAY, 'beta2', where),
    epsilon: checkNumber(optionOr(o, 'epsilon', 1e-8), POSITIVE, 'epsilon', where),
    weightDecay: checkNumber(optionOr(o, 'weightDecay', decay), NON_NEGATIVE, 'weightDecay', where),
    decayBias: checkBoolean(optionOr(o, 'decayBias', false), 'decayBias', where),
  };
}

/** The adam record of `options`. */
export function adamOf(options: unknown, where: string, keys = ADAM_KEYS): AdamOptimizer {
  return Object.freeze({ name: 'adam', ...adamFields(options, where, keys, 0) });
}

/** The adamW record of `options`. */
export function adamWOf(options: unknown, where: string, keys = ADAM_KEYS): AdamWOptimizer {
  return Object.freeze({ name: 'adamW', ...adamFields(options, where, keys, 0.01) });
}

/** The rmsprop record of `options`. */
export function rmspropOf(options: unknown, where: string, keys = RMSPROP_KEYS): RmspropOptimizer {
  checkOptionNames(options, keys, where);
  const o = options as object;
  return Object.freeze({
    name: 'rmsprop',
    learningRate: checkNumber(optionOr(o, 'learningRate', 0.01), POSITIVE, 'learningRate', where),
    alpha: checkNumber(optionOr(o, 'alpha', 0.99), DECAY, 'alpha', where),
    epsilon: checkNumber(optionOr(o, 'epsilon', 1e-8), POSITIVE, 'epsilon', where),
    momentum: checkNumber(optionOr(o, 'momentum', 0), NON_NEGATIVE, 'momentum', where),
    weightDecay: checkNumber(optionOr(o, 'weightDecay', 0), NON_NEGATIVE, 'weightDecay', where),
    decayBias: checkBoolean(optionOr(o, 'decayBias', false), 'decayBias', where),
  });
}

const BUILDERS = {
  sgd: (o: unknown, where: string) => sgdOf(o, where, ['name', ...SGD_KEYS]),
  adam: (o: unknown, where: string) => adamOf(o, where, ['name', ...ADAM_KEYS]),
  adamW: (o: unknown, where: string) => adamWOf(o, where, ['name', ...ADAM_KEYS]),
  rmsprop: (o: unknown, where: string) => rmspropOf(o, where, ['name', ...RMSPROP_KEYS]),
} as const;

/**
 * Refuses anything that is not an optimiser record with valid fields (one
 * from `Optimizer.sgd` and the others, or a copy of one, say from JSON);
 * returns it checked and frozen, missing fields filled in.
 */
export function checkOptimizer(value: unknown, where: string): AnyOptimizer {
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || !Object.hasOwn(BUILDERS, name)) {
    const got = value !== null && typeof value === 'object' ? `an object with name ${describeValue(name)}` : describeValue(value);
    throw new ValueError(`${where}: optimizer must be one made by Optimizer.sgd, adam, adamW or rmsprop, got ${got}`);
  }
  return BUILDERS[name as keyof typeof BUILDERS](value, `${where}: optimizer`);
}
