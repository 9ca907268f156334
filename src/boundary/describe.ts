/**
 * How a value is shown in an error message: numbers as they are, strings
 * quoted with their type, everything else by its kind, so that a wrong
 * value reads at a glance (`got "0.1" (a string)`, `got an array of 3`).
 * The one place this rule lives: every message of the library uses it.
 *
 * @module
 */

/** The longest part of a string that a message quotes. */
const QUOTED = 40;

/**
 * `value` for a message: `0.1`, `NaN`, `"0.1" (a string)`, `true (a boolean)`,
 * `2n (a bigint)`, `null`, `undefined`, `an array of 3`, `a function`,
 * `a DenseMatrix`, `an object`. Long strings are cut at 40 characters.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return `${JSON.stringify(value.length > QUOTED ? `${value.slice(0, QUOTED)}…` : value)} (a string)`;
    case 'boolean':
      return `${value} (a boolean)`;
    case 'bigint':
      return `${value}n (a bigint)`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
    default:
      return describeObject(value as object | null);
  }
}

function describeObject(value: object | null): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
}
