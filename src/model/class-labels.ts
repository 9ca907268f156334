/**
 * Class labels read and checked once, for `accuracy`, `confusionMatrix`,
 * `Data.oneHot` and `Data.split`: a class is an integer index `>= 0`, given
 * directly or as a row whose largest entry marks it.
 *
 * @module
 */
import { ShapeError, ValueError } from '../errors.js';
import { sizeOf, toFlat, type Flat } from '../boundary/convert.js';
import { checkPositiveInteger } from '../boundary/options.js';

/**
 * The class of the row of `m` numbers at `offset`: the index of the largest
 * entry, the lowest index on a tie; with one entry, `y >= 0.5 ? 1 : 0`.
 */
function classOfRow(data: Float64Array, offset: number, m: number): number {
  if (m === 1) return data[offset] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < m; k++) if (data[offset + k] > data[offset + best]) best = k;
  return best;
}

/** The class of every row of `rows × m` numbers. */
export function classesOfRows(data: Float64Array, rows: number, m: number): number[] {
  const classes: number[] = new Array(rows);
  for (let r = 0; r < rows; r++) classes[r] = classOfRow(data, r * m, m);
  return classes;
}

/** Refuses an entry of `values` that is not a class index (an integer >= 0); `what` names them. */
export function checkClassIndexes(values: ArrayLike<number>, where: string, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const c = values[i];
    if (!Number.isInteger(c) || c < 0) {
      throw new ValueError(`${where}: ${what}[${i}] must be a class index (an integer >= 0), got ${c}`);
    }
  }
}

/** Class indexes read from a value, and the value as it was read. */
export interface ClassLabels {
  readonly classes: number[];
  readonly flat: Flat;
}

/**
 * Class indexes from `value`: a 1-D value already holds them (each must be
 * an integer >= 0); a 2-D value holds one row per example, each turned into
 * its class as `Network.predictClass` does.
 */
export function classesOf(value: unknown, where: string, what: string): ClassLabels {
  const flat = toFlat(value, `${where}: ${what}`);
  if (flat.rank === 2) return { classes: classesOfRows(flat.data, flat.rows, flat.cols), flat };
  checkClassIndexes(flat.data, where, what);
  return { classes: Array.from(flat.data), flat };
}

/** Class indexes from a value that must be 1-D: one integer index per example. */
export function classIndexesOf(value: unknown, where: string, what: string): number[] {
  const flat = toFlat(value, `${where}: ${what}`);
  if (flat.rank !== 1) {
    throw new ShapeError(`${where}: ${what} must be 1-D, one class index per example, got ${flat.rows} × ${flat.cols} rows`, [flat.rows], sizeOf(flat));
  }
  checkClassIndexes(flat.data, where, what);
  return Array.from(flat.data);
}

/**
 * Refuses two label sets that hold different numbers of examples, or rows
 * of different lengths; `first` and `second` name them in the message.
 */
export function checkSameExamples(p: ClassLabels, l: ClassLabels, where: string, first = 'predicted', second = 'labels'): void {
  if (p.classes.length !== l.classes.length) {
    throw new ShapeError(
      `${where}: ${second} must hold as many examples as ${first} (${p.classes.length}), got ${l.classes.length}`,
      [p.classes.length],
      [l.classes.length],
    );
  }
  if (p.flat.rank === 2 && l.flat.rank === 2 && p.flat.cols !== l.flat.cols) {
    throw new ShapeError(
      `${where}: ${second} rows must have as many classes as ${first} rows (${p.flat.cols}), got ${l.flat.cols}`,
      [l.flat.rows, p.flat.cols],
      [l.flat.rows, l.flat.cols],
    );
  }
}

/**
 * The number of classes: `classes` when given (a positive integer larger
 * than every label), else `1 + the largest label`, or `fallback` if larger.
 * `labels` pairs each set of class indexes with its name for the message.
 */
export function classCount(
  classes: unknown,
  labels: readonly (readonly [readonly number[], string])[],
  where: string,
  fallback = 0,
): number {
  if (classes === undefined) {
    let largest = fallback - 1;
    for (const [values] of labels) for (const c of values) if (c > largest) largest = c;
    return largest + 1;
  }
  const count = checkPositiveInteger(classes, 'classes', where);
  for (const [values, what] of labels) {
    const i = values.findIndex((c) => c >= count);
    if (i >= 0) {
      throw new ValueError(`${where}: ${what}[${i}] is class ${values[i]}, but classes is ${count} (classes 0 to ${count - 1})`);
    }
  }
  return count;
}
