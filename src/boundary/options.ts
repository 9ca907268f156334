/**
 * Checks of the options objects of `Network.init` and `Network.train`, each
 * throwing a ValueError whose message starts with the function's name.
 */
import { ValueError } from '../errors.js';

/** How a value is named in a message: strings quoted, arrays and objects by kind. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return value !== null && typeof value === 'object' ? 'an object' : String(value);
}

/** Refuses options that are not a plain object, or that have an unknown key. */
export function checkOptionNames(options: unknown, known: readonly string[], where: string): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ValueError(`${where}: options must be an object, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ValueError(`${where}: unknown option "${key}"; the options are ${known.join(', ')}`);
    }
  }
}

/** Refuses anything but a positive safe integer; `what` names it ("epochs"). */
export function checkPositiveInteger(value: unknown, what: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValueError(`${where}: ${what} must be a positive integer, got ${show(value)}`);
  }
  return value;
}

/** Refuses anything but `true` or `false`. */
export function checkBoolean(value: unknown, what: string, where: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ValueError(`${where}: ${what} must be true or false, got ${show(value)}`);
  }
  return value;
}

/** Refuses anything but a function. */
export function checkFunction<F>(value: unknown, what: string, where: string): F {
  if (typeof value !== 'function') {
    throw new ValueError(`${where}: ${what} must be a function, got ${show(value)}`);
  }
  return value as F;
}

/** Refuses a scheme-like choice not among `choices`. */
export function checkChoice<T extends string>(value: unknown, choices: readonly T[], what: string, where: string): T {
  if (!choices.includes(value as T)) {
    throw new ValueError(`${where}: ${what} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got ${show(value)}`);
  }
  return value as T;
}
