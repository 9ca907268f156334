/**
 * Shared assertions for the test suite.
 *
 * `expectMatrixClose` is the one place tolerances are applied: every test
 * that compares numbers states its `rtol` and `atol` explicitly.
 */
import { isMatrix, type Matrix } from 'mathjs';
import { expect } from 'vitest';

/** Nested numbers as they come out of a mathjs matrix or a plain array. */
export type Nested = number | Nested[];

/** Converts a matrix, array or number to plain nested arrays. */
export function toNested(value: Matrix | Nested): Nested {
  return isMatrix(value) ? (value.toArray() as Nested) : value;
}

/** Options for {@link expectMatrixClose}: `|a - e| <= atol + rtol * |e|`. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * Asserts that `actual` has the shape of `expected` and that every entry
 * satisfies `|actual - expected| <= atol + rtol * |expected|`.
 */
export function expectMatrixClose(
  actual: Matrix | Nested,
  expected: Matrix | Nested,
  { rtol, atol }: Tolerance,
): void {
  const a = toNested(actual);
  const e = toNested(expected);
  const failures: string[] = [];
  walk(a, e, '', failures, rtol, atol);
  expect(failures, failures.join('\n')).toEqual([]);
}

function walk(a: Nested, e: Nested, path: string, out: string[], rtol: number, atol: number): void {
  if (Array.isArray(e)) {
    if (!Array.isArray(a) || a.length !== e.length) {
      out.push(`${path || 'value'}: expected ${e.length} entries, got ${Array.isArray(a) ? a.length : 'a number'}`);
      return;
    }
    e.forEach((entry, i) => walk(a[i] as Nested, entry, `${path}[${i}]`, out, rtol, atol));
    return;
  }
  if (typeof a !== 'number' || !Number.isFinite(a) || Math.abs(a - e) > atol + rtol * Math.abs(e)) {
    out.push(`${path || 'value'}: expected ${e}, got ${String(a)}`);
  }
}

/** The error `fn` throws; fails the test if it throws nothing. */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw, but it returned');
}
