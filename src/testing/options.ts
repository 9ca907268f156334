/**
 * The option types of the testing kit, and their checks: each check throws
 * a `ValueError` whose message starts with the function that refused it.
 *
 * @module
 */
import { ValueError, type Activation } from '../index.js';

/**
 * How many of something: exactly `n` when a number, else every integer from
 * `min` to `max`, both included (a side left out takes the default's).
 *
 * @example
 * Networks of 2 or 3 layers, every layer (and the input) 5 wide:
 * ```ts
 * import fc from 'fast-check';
 * import { networkArbitrary, type SizeRange } from 'mathjs-backprop/testing';
 * const twoOrThree: SizeRange = { min: 2, max: 3 };
 * const nets = fc.sample(networkArbitrary({ layers: twoOrThree, width: 5 }), { seed: 1, numRuns: 20 });
 * nets.every((net) => net.layers.length === 2 || net.layers.length === 3); // => true
 * nets.every((net) => net.layers.every((layer) => layer.inputSize === 5 && layer.outputSize === 5)); // => true
 * ```
 */
export type SizeRange = number | {
  /** The least count. */
  readonly min?: number | undefined;
  /** The greatest count. */
  readonly max?: number | undefined;
};

/**
 * The numbers from `min` to `max`, both included; a side left out takes the
 * default's. Both ends must be finite.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { inputArbitrary, type ValueRange } from 'mathjs-backprop/testing';
 * const positive: ValueRange = { min: 0, max: 10 };
 * const inputs = fc.sample(inputArbitrary(3, positive), { seed: 1, numRuns: 20 });
 * inputs.every((x) => x.every((v) => v >= 0 && v <= 10)); // => true
 * ```
 */
export interface ValueRange {
  /** The least value. */
  readonly min?: number | undefined;
  /** The greatest value. */
  readonly max?: number | undefined;
}

/** A checked range: both ends present. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** How a value is named in a message. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return value !== null && typeof value === 'object' ? 'an object' : String(value);
}

/** Refuses options that are not an object, or that have a key not in `known`. */
export function checkKeys(options: unknown, known: readonly string[], where: string): Record<string, unknown> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ValueError(`${where}: options must be an object, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ValueError(`${where}: unknown option "${key}"; the options are ${known.join(', ')}`);
    }
  }
  return options as Record<string, unknown>;
}

/** The two ends of a range-like option, or the fallback's where one is left out. */
function endsOf(value: unknown, fallback: Bounds, what: string, where: string): [unknown, unknown] {
  if (typeof value === 'number') return [value, value];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValueError(`${where}: ${what} must be a number or { min, max }, got ${show(value)}`);
  }
  checkKeys(value, ['min', 'max'], `${where}: ${what}`);
  const { min = fallback.min, max = fallback.max } = value as { min?: unknown; max?: unknown };
  return [min, max];
}

/** A {@link SizeRange}: integers from `least` up, `min <= max`. */
export function sizeRange(value: unknown, fallback: Bounds, what: string, where: string, least = 1): Bounds {
  if (value === undefined) return fallback;
  const [min, max] = endsOf(value, fallback, what, where);
  for (const [end, name] of [[min, 'min'], [max, 'max']] as const) {
    if (typeof end !== 'number' || !Number.isSafeInteger(end) || end < least) {
      throw new ValueError(`${where}: ${what}${typeof value === 'number' ? '' : `.${name}`} must be an integer >= ${least}, got ${show(end)}`);
    }
  }
  if ((min as number) > (max as number)) {
    throw new ValueError(`${where}: ${what}.min must not exceed ${what}.max, got ${String(min)} and ${String(max)}`);
  }
  return { min: min as number, max: max as number };
}

/** A {@link ValueRange}: finite ends, `min <= max`, a finite width. */
export function valueRange(value: unknown, fallback: Bounds, what: string, where: string): Bounds {
  if (value === undefined) return fallback;
  if (typeof value === 'number') {
    throw new ValueError(`${where}: ${what} must be { min, max }, got ${value}`);
  }
  const [min, max] = endsOf(value, fallback, what, where);
  for (const [end, name] of [[min, 'min'], [max, 'max']] as const) {
    if (typeof end !== 'number' || !Number.isFinite(end)) {
      throw new ValueError(`${where}: ${what}.${name} must be a finite number, got ${show(end)}`);
    }
  }
  if ((min as number) > (max as number)) {
    throw new ValueError(`${where}: ${what}.min must not exceed ${what}.max, got ${String(min)} and ${String(max)}`);
  }
  if (!Number.isFinite((max as number) - (min as number))) {
    throw new ValueError(`${where}: ${what} must be narrower than ${Number.MAX_VALUE}, got ${String(min)} to ${String(max)}`);
  }
  return { min: min as number, max: max as number };
}

/** A non-empty list of activations, each with a name, `apply` and `derivative`. */
export function activationList(value: unknown, fallback: readonly Activation[], what: string, where: string): readonly Activation[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValueError(`${where}: ${what} must be a non-empty array of activations, got ${show(value)}`);
  }
  value.forEach((a: Partial<Activation> | null, i) => {
    if (a === null || typeof a !== 'object' || typeof a.name !== 'string' ||
      typeof a.apply !== 'function' || typeof a.derivative !== 'function') {
      throw new ValueError(`${where}: ${what}[${i}] must be an activation (name, apply, derivative), got ${show(a)}`);
    }
  });
  return [...value];
}

/** A positive integer size, such as `inputArbitrary`'s. */
export function checkSize(value: unknown, what: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValueError(`${where}: ${what} must be a positive integer, got ${show(value)}`);
  }
  return value;
}
