/**
 * Checks of the numbers the optimisers and schedules take, each throwing a
 * ValueError that names the option and shows what was given with its type
 * (`got "0.9" (a string)`), so that a number passed as a string is seen at
 * once. The object-and-known-keys check is the library's `checkOptionNames`.
 */
import { ValueError } from '../errors.js';

/** A value as a message shows it: `1 (a number)`, `"x" (a string)`, `null`. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `"${value}" (a string)`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  // NOTE: String(-0) is "0"; the sign matters where -0 is refused as not positive.
  const text = Object.is(value, -0) ? '-0' : String(value);
  return `${text} (a ${typeof value})`;
}

/** The range a number must lie in, and how a message says it. */
export interface NumberRange {
  /** The smallest allowed value. */
  readonly min: number;
  /** Whether `min` itself is allowed. */
  readonly minIncluded: boolean;
  /** The largest allowed value; Infinity for none (the value stays finite). */
  readonly max: number;
  /** Whether `max` itself is allowed. */
  readonly maxIncluded: boolean;
  /** The rule in words: "a finite number >= 0". */
  readonly words: string;
}

/** Positive and finite: learning rates, epsilon, factors. */
export const POSITIVE: NumberRange = { min: 0, minIncluded: false, max: Infinity, maxIncluded: false, words: 'a positive finite number' };
/** Zero or more, finite: weight decay, momentum, a schedule's minimum. */
export const NON_NEGATIVE: NumberRange = { min: 0, minIncluded: true, max: Infinity, maxIncluded: false, words: 'a finite number >= 0' };
/** In `[0, 1)`: beta1, beta2, alpha. */
export const DECAY: NumberRange = { min: 0, minIncluded: true, max: 1, maxIncluded: false, words: 'a number in [0, 1)' };
/** In `[0, 1]`: dampening. */
export const FRACTION: NumberRange = { min: 0, minIncluded: true, max: 1, maxIncluded: true, words: 'a number in [0, 1]' };

/** Refuses anything but a finite number in `range`; `what` names the option. */
export function checkNumber(value: unknown, range: NumberRange, what: string, where: string): number {
  const ok = typeof value === 'number' && Number.isFinite(value)
    && (range.minIncluded ? value >= range.min : value > range.min)
    && (range.maxIncluded ? value <= range.max : value < range.max);
  if (!ok) throw new ValueError(`${where}: ${what} must be ${range.words}, got ${shown(value)}`);
  return value as number;
}

/** `options[key]`, or `fallback` when it is missing or undefined. */
export function optionOr<T>(options: object, key: string, fallback: T): unknown {
  const value = (options as Record<string, unknown>)[key];
  return value === undefined ? fallback : value;
}

/** Refuses anything but `true` or `false`. */
export function checkFlag(value: unknown, what: string, where: string): boolean {
  if (typeof value !== 'boolean') throw new ValueError(`${where}: ${what} must be true or false, got ${shown(value)}`);
  return value;
}

/** Refuses anything but a positive safe integer (a number of epochs). */
export function checkCount(value: unknown, what: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValueError(`${where}: ${what} must be a positive integer, got ${shown(value)}`);
  }
  return value;
}
