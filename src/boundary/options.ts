/**
 * Checks of options and arguments at the public boundary, each throwing a
 * ValueError whose message starts with the function's name and shows what
 * it got. The one place for the rules "options are an object with known
 * keys" and "a number in a range".
 *
 * @module
 */
import { ValueError } from '../errors.js';
import { describeValue } from './describe.js';

/** Refuses options that are not a plain object, or that have an unknown key; returns them. */
export function checkOptionNames<T>(options: T, known: readonly string[], where: string): T {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ValueError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ValueError(`${where}: unknown option "${key}"; the options are ${known.join(', ')}`);
    }
  }
  return options;
}

/**
 * What a number must be: finite always; an integer (a safe one) if
 * `integer`; at least `min` (above it if `exclusive`); at most `max`
 * (below it if `exclusiveMax`).
 */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  readonly exclusive?: boolean;
  readonly max?: number;
  readonly exclusiveMax?: boolean;
}

/** Positive and finite: learning rates, epsilon, factors. */
export const POSITIVE: NumberRule = Object.freeze({ min: 0, exclusive: true });
/** Zero or more, finite: tolerances, weight decay, momentum. */
export const NON_NEGATIVE: NumberRule = Object.freeze({ min: 0 });

/** The rule in words: "a positive finite number", "an integer from 0 to 12", "a finite number >= 0". */
function ruleText(rule: NumberRule): string {
  const { integer = false, min, exclusive = false, max, exclusiveMax = false } = rule;
  if (integer && min === 1 && max === undefined) return 'a positive integer';
  if (!integer && min === 0 && exclusive && max === undefined) return 'a positive finite number';
  const kind = integer ? 'an integer' : 'a finite number';
  if (min !== undefined && max !== undefined) {
    return integer ? `${kind} from ${min} to ${max}` : `a number in ${exclusive ? '(' : '['}${min}, ${max}${exclusiveMax ? ')' : ']'}`;
  }
  if (min !== undefined) return `${kind} ${exclusive ? '>' : '>='} ${min}`;
  return max === undefined ? kind : `${kind} <= ${max}`;
}

/** Whether `value` is a number that keeps `rule`. */
function keeps(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (rule.integer && !Number.isSafeInteger(value)) return false;
  if (rule.min !== undefined && (rule.exclusive ? value <= rule.min : value < rule.min)) return false;
  return rule.max === undefined || (rule.exclusiveMax ? value < rule.max : value <= rule.max);
}

/** Refuses anything but a number that keeps `rule`; `what` names it ("epochs"). */
export function checkNumber(value: unknown, rule: NumberRule, what: string, where: string): number {
  if (!keeps(value, rule)) throw new ValueError(`${where}: ${what} must be ${ruleText(rule)}, got ${describeValue(value)}`);
  return value;
}

/** `fallback` when `value` is undefined, else `value` checked against `rule`. */
export function optionalNumber(value: unknown, fallback: number, rule: NumberRule, what: string, where: string): number {
  return value === undefined ? fallback : checkNumber(value, rule, what, where);
}

/** Refuses anything but a positive safe integer; `what` names it ("epochs"). */
export function checkPositiveInteger(value: unknown, what: string, where: string): number {
  return checkNumber(value, { integer: true, min: 1 }, what, where);
}

/** Refuses anything but `true` or `false`. */
export function checkBoolean(value: unknown, what: string, where: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ValueError(`${where}: ${what} must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** Refuses anything but a function. */
export function checkFunction<F>(value: unknown, what: string, where: string): F {
  if (typeof value !== 'function') {
    throw new ValueError(`${where}: ${what} must be a function, got ${describeValue(value)}`);
  }
  return value as F;
}

/** Refuses a scheme-like choice not among `choices`. */
export function checkChoice<T extends string>(value: unknown, choices: readonly T[], what: string, where: string): T {
  if (!choices.includes(value as T)) {
    throw new ValueError(`${where}: ${what} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got ${describeValue(value)}`);
  }
  return value as T;
}
