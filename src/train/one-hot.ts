/**
 * One-hot target rows from class labels, for `Loss.softmaxCrossEntropy`.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import { toMatrix } from '../boundary/convert.js';
import { classCount, classIndexesOf } from '../model/class-labels.js';

/**
 * Turns class labels into one-hot rows: row `e` has a 1 in column
 * `labels[e]` and 0 everywhere else, `onehot[e][k] = (k = labels[e] ? 1 : 0)`.
 * These are the targets `Loss.softmaxCrossEntropy` expects, and
 * `Network.predictClass` (or `accuracy`) reads such a row back as its label.
 * `B` labels give a `B × classes` matrix. Costs O(B · classes); does not
 * change its argument.
 *
 * @param labels - one class index per example: integers from 0 to `classes - 1`.
 * @param classes - the number of columns; by default 1 + the largest label.
 * @throws {@link ShapeError} if `labels` is empty or not 1-D.
 * @throws {@link ValueError} if a label is not an integer `>= 0`, `classes`
 *   is not a positive integer, or a label is not below it.
 * @returns a new `B × classes` matrix of zeros and ones.
 *
 * @example
 * ```ts
 * import { Data } from 'mathjs-backprop';
 * Data.oneHot([0, 2, 1]).toArray(); // => [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 * Data.oneHot([1], 4).toArray(); // => [[0, 1, 0, 0]]
 * ```
 */
export function oneHot(labels: readonly number[], classes?: number): Matrix {
  const where = 'Data.oneHot';
  const indexes = classIndexesOf(labels, where, 'labels');
  const count = classCount(classes, [[indexes, 'labels']], where);
  const data = new Float64Array(indexes.length * count);
  indexes.forEach((label, e) => {
    data[e * count + label] = 1;
  });
  return toMatrix(data, indexes.length, count, 2);
}
