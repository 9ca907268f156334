/**
 * Conversion between the mathjs values at the API and the flat row-major
 * Float64Arrays the kernels compute on. Every public function converts its
 * inputs here once, validating as it copies, and converts its results back.
 */
import { isMatrix, matrix, type Matrix } from 'mathjs';
import { ShapeError, ValueError } from '../errors.js';
import { describeValue } from './describe.js';
import { checkCount, MAX_ENTRIES } from './limits.js';

/**
 * Anything the API accepts as a vector or matrix: a mathjs Matrix, an
 * array of numbers or a `Float64Array` (one example), or an array of rows
 * that are arrays of numbers or `Float64Array`s (a batch).
 */
export type MatrixLike = Matrix | readonly number[] | readonly (readonly number[])[] | Float64Array | readonly Float64Array[];

/** Whether `value` is one row of numbers: an array or a Float64Array. */
function isRow(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || value instanceof Float64Array;
}

/**
 * A copied, validated vector or matrix. A vector of length `n` is stored as
 * one row (`rows = 1`, `cols = n`, `rank = 1`).
 */
export interface Flat {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly rank: 1 | 2;
}

/**
 * Copies `value` into a Flat, refusing anything that is not a finite number
 * in a 1-D or 2-D rectangular layout, or holds more than MAX_ENTRIES
 * numbers (refused before allocating).
 *
 * @param value - the caller's vector or matrix; never modified.
 * @param where - the function and argument, e.g. `"Network.forward: input"`.
 * @param allocate - makes the buffer of the numbers (by default a new one).
 */
export function toFlat(value: unknown, where: string, allocate: (n: number) => Float64Array = newArray): Flat {
  const nested = isMatrix(value) ? (value.valueOf() as unknown) : value;
  if (nested instanceof Float64Array) return vectorToFlat(nested, where, allocate);
  if (!Array.isArray(nested)) {
    throw new ValueError(`${where} must be a mathjs Matrix or an array of numbers, got ${describeValue(value)}`);
  }
  if (nested.length === 0) {
    throw new ShapeError(`${where} must not be empty`, [1], [0]);
  }
  return isRow(nested[0]) ? matrixToFlat(nested, where, allocate) : vectorToFlat(nested, where, allocate);
}

function newArray(n: number): Float64Array {
  return new Float64Array(n);
}

/**
 * The numbers of `value`, copied, when it is a vector of exactly `n`
 * finite numbers (a mathjs vector, an array of numbers or a
 * `Float64Array`); else null, and {@link toFlat} says what is wrong. For a
 * fast path that needs no `Flat`: whatever it takes, `toFlat` takes as a
 * vector of `n` numbers too.
 */
export function vectorOf(value: unknown, n: number): Float64Array | null {
  const values = isMatrix(value) ? (value.valueOf() as unknown) : value;
  if (!(Array.isArray(values) || values instanceof Float64Array) || values.length !== n) return null;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || v - v !== 0) return null;
    data[i] = v;
  }
  return data;
}

function vectorToFlat(values: ArrayLike<unknown>, where: string, allocate: (n: number) => Float64Array): Flat {
  // NOTE: the message is made only when it is needed: numbers written into text cost more than a tiny network's step.
  if (values.length > MAX_ENTRIES) checkCount(values.length, MAX_ENTRIES, `${where} (${values.length} entries)`);
  const data = allocate(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) refuse(value, where, `[${i}]`);
    data[i] = value;
  }
  return { data, rows: 1, cols: values.length, rank: 1 };
}

function matrixToFlat(rows: readonly unknown[], where: string, allocate: (n: number) => Float64Array): Flat {
  const cols = (rows[0] as ArrayLike<unknown>).length;
  if (cols === 0) throw new ShapeError(`${where} must not have empty rows`, [rows.length, 1], [rows.length, 0]);
  if (rows.length * cols > MAX_ENTRIES) checkCount(rows.length * cols, MAX_ENTRIES, `${where} (${rows.length} × ${cols})`);
  const data = allocate(rows.length * cols);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isRow(row)) {
      throw new ValueError(`${where} must be rectangular: row ${r} is ${describeValue(row)}, not an array`);
    }
    if (row.length !== cols) {
      throw new ShapeError(
        `${where} must be rectangular: row 0 has ${cols} entries but row ${r} has ${row.length}`,
        [rows.length, cols],
        [rows.length, row.length],
      );
    }
    for (let c = 0; c < cols; c++) {
      const value = row[c];
      if (typeof value !== 'number' || !Number.isFinite(value)) refuse(value, where, `[${r}][${c}]`);
      data[r * cols + c] = value;
    }
  }
  return { data, rows: rows.length, cols, rank: 2 };
}

/** Throws the error for an entry that is not a finite number. */
function refuse(value: unknown, where: string, index: string): never {
  if (typeof value !== 'number') {
    throw new ValueError(`${where}${index} must be a number, got ${describeValue(value)}`);
  }
  throw new ValueError(`${where}${index} must be finite, got ${value}`);
}

/** The size of a Flat as mathjs reports sizes: `[n]` or `[rows, cols]`. */
export function sizeOf(flat: Flat): number[] {
  return flat.rank === 1 ? [flat.cols] : [flat.rows, flat.cols];
}

/**
 * A new mathjs Matrix holding `rows × cols` numbers of `data` from
 * `offset` on; a vector when `rank` is 1. The data is copied.
 */
export function toMatrix(data: ArrayLike<number>, rows: number, cols: number, rank: 1 | 2, offset = 0): Matrix {
  if (rank === 1) return matrix(Array.from({ length: cols }, (_, c) => data[offset + c]), 'dense', 'number');
  const nested: number[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = data[offset + r * cols + c];
    nested[r] = row;
  }
  return matrix(nested, 'dense', 'number');
}

/**
 * Freezes a matrix, its nested data and its size (`_size`), so that every
 * in-place change (`set`, `resize`, `reshape`, `swapRows`) throws instead of making the
 * matrix disagree with the numbers it was made from.
 */
export function freezeMatrix(m: Matrix): Matrix {
  // NOTE: mathjs keeps the size in `_size` and reads it everywhere; a write to it would break the matrix for good.
  const size = (m as unknown as { _size?: unknown })._size;
  if (Array.isArray(size)) Object.freeze(size);
  const data = m.valueOf() as unknown;
  if (Array.isArray(data)) {
    for (const row of data) if (Array.isArray(row)) Object.freeze(row);
    Object.freeze(data);
  }
  return Object.freeze(m);
}
