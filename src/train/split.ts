/**
 * A seeded split of row indices into a training set and a test set,
 * optionally stratified by class.
 *
 * @module
 */
import { ShapeError, ValueError } from '../errors.js';
import { checkOptionNames } from '../boundary/options.js';
import { checkSeed, createRandom, shuffleInPlace, type Random } from '../engine/random.js';
import { classesOf } from '../model/class-labels.js';
import type { MatrixLike } from '../boundary/convert.js';

/** Options of `Data.split`. */
export interface SplitOptions {
  /** The share of the rows that goes to the test set: a number strictly between 0 and 1. */
  readonly testFraction: number;
  /** The seed of the shuffle, an integer from 0 to 2^32 - 1; the same seed gives the same split everywhere. */
  readonly seed: number;
  /**
   * The class of each row (class indexes, or one-hot rows as for `accuracy`):
   * when given, each class is split on its own, so that the test set keeps
   * the classes' proportions.
   * @defaultValue none: the rows are split as one group
   */
  readonly stratify?: MatrixLike | undefined;
}

/** What `Data.split` returns: row indices, each in exactly one of the two. */
export interface Split {
  /** The indices of the training rows. */
  train: number[];
  /** The indices of the test rows. */
  test: number[];
}

const WHERE = 'Data.split';

/** Refuses a test fraction that is not a number strictly between 0 and 1. */
function checkFraction(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new ValueError(`${WHERE}: testFraction must be a number strictly between 0 and 1, got ${String(value)}`);
  }
  return value;
}

/** The groups of row indices to split: all rows, or the rows of each class in ascending class order. */
function groupsOf(count: number, stratify: MatrixLike | undefined): number[][] {
  if (stratify === undefined) return [Array.from({ length: count }, (_, i) => i)];
  const { classes } = classesOf(stratify, WHERE, 'stratify');
  if (classes.length !== count) {
    throw new ShapeError(`${WHERE}: stratify must hold one label per row (${count}), got ${classes.length}`, [count], [classes.length]);
  }
  const byClass = new Map<number, number[]>();
  classes.forEach((c, i) => {
    const rows = byClass.get(c);
    if (rows === undefined) byClass.set(c, [i]);
    else rows.push(i);
  });
  return [...byClass.keys()].sort((a, b) => a - b).map((c) => byClass.get(c) as number[]);
}

/** Shuffles each group with `random`, in order, and cuts `Math.round(testFraction · size)` rows off its front for the test set. */
function cut(groups: readonly number[][], testFraction: number, random: Random): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of groups) {
    shuffleInPlace(rows, random);
    const size = Math.round(testFraction * rows.length);
    test.push(...rows.slice(0, size));
    train.push(...rows.slice(size));
  }
  return { train, test };
}

/**
 * Splits the row indices `0 .. count - 1` into a training set and a test
 * set at random, seeded with the library's own generator, so that a seed
 * gives the same split on every platform. Each row lands in exactly one
 * set. The rows are shuffled by Fisher–Yates and the first
 * `Math.round(testFraction · count)` of them (computed in float64, halves
 * rounded up) form the test set; both sets are listed in shuffled order.
 *
 * With `stratify`, the rows of each class are split on their own, classes
 * in ascending order with one generator: class `k`'s `n_k` rows are
 * shuffled and `Math.round(testFraction · n_k)` of them go to the test set,
 * which so keeps each class's share to within half a row. The test set is
 * then the sum of those counts, which may differ from
 * `Math.round(testFraction · count)` by up to half the number of classes;
 * both sets are listed class by class. Costs O(count); does not change its
 * arguments.
 *
 * @param count - the number of rows, a positive integer.
 * @param options - the test fraction, the seed and, to stratify, the labels.
 * @throws {@link ValueError} if `count` is not a positive integer, the
 *   fraction is not strictly between 0 and 1, the seed is not an integer
 *   from 0 to 2^32 - 1, a label is not a class index, an option is
 *   unknown, or the rounding leaves the test set or the training set empty.
 * @throws {@link ShapeError} if `stratify` does not hold `count` labels.
 * @returns new arrays of row indices, which the caller owns.
 *
 * @example
 * 10 rows, 30 % of them for testing: `Math.round(0.3 · 10) = 3` test rows.
 * ```ts
 * import { Data } from 'mathjs-backprop';
 * const { train, test } = Data.split(10, { testFraction: 0.3, seed: 7 });
 * [train.length, test.length]; // => [7, 3]
 * [...train, ...test].sort((a, b) => a - b); // => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * // Stratified: 2 of the 6 rows of class 0 and 1 of the 3 of class 1.
 * const labels = [0, 0, 0, 0, 0, 0, 1, 1, 1];
 * const stratified = Data.split(9, { testFraction: 1 / 3, seed: 7, stratify: labels });
 * stratified.test.map((i) => labels[i]); // => [0, 0, 1]
 * ```
 */
export function split(count: number, options: SplitOptions): Split {
  checkOptionNames(options, ['testFraction', 'seed', 'stratify'], WHERE);
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    throw new ValueError(`${WHERE}: count must be a positive integer (the number of rows), got ${String(count)}`);
  }
  const testFraction = checkFraction(options.testFraction);
  const random = createRandom(checkSeed(options.seed, WHERE));
  const result = cut(groupsOf(count, options.stratify), testFraction, random);
  for (const [name, rows] of [['test', result.test], ['training', result.train]] as const) {
    if (rows.length === 0) {
      throw new ValueError(
        `${WHERE}: testFraction ${testFraction} of ${count} rows leaves the ${name} set empty (test rows are Math.round(testFraction · rows)${options.stratify === undefined ? '' : ' per class'})`,
      );
    }
  }
  return result;
}
