/**
 * The confusion matrix of a classifier: how often each true class was
 * predicted as each class.
 *
 * @module
 */
import type { MatrixLike } from '../boundary/convert.js';
import { checkSameExamples, classCount, classesOf } from './class-labels.js';

/**
 * Counts, for every pair of classes, the examples of true class `i` that
 * were predicted as class `j`: `counts[i][j] = #{ e : actual_e = i and
 * predicted_e = j }`. Rows are the actual class, columns the predicted one,
 * so the diagonal holds the right answers, row `i` sums to the number of
 * examples of class `i`, and `trace / B` is `accuracy(predicted, actual)`.
 *
 * Each argument is read as `accuracy` reads it: class indexes (a 1-D array
 * of integers `>= 0`, what `Network.predictClass` returns), or `B × m`
 * rows (one-hot targets, `Network.predict` outputs) standing for the index
 * of their largest entry, the lowest on a tie, or `y >= 0.5 ? 1 : 0` for a
 * single column. The matrix is `classes × classes`; without `classes` it
 * is large enough for the largest class seen and for the width of any
 * argument given as rows of two or more columns: `1 + max(largest label,
 * widest row - 1)`. Costs O(B + classes^2); does not change its arguments.
 *
 * @param predicted - the predicted classes of `B` examples, as indexes or rows.
 * @param actual - the true classes of the same examples, as indexes or rows.
 * @param classes - the number of classes, larger than every label; by
 *   default 1 + the largest class seen, or the row width if that is larger.
 * @throws {@link ShapeError} if either is empty, they hold different numbers
 *   of examples, or both are rows of different lengths.
 * @throws {@link ValueError} if an entry is not a finite number, a class
 *   index is not an integer `>= 0`, `classes` is not a positive integer or
 *   a label is not below it.
 * @returns a new `classes × classes` array of counts, which the caller owns.
 *
 * @example
 * Four examples; the third (a class 1 predicted as 2) is the only mistake:
 * ```ts
 * import { confusionMatrix } from 'mathjs-backprop';
 * confusionMatrix([0, 1, 2, 2], [0, 1, 1, 2]);
 * // => [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
 * // classes makes room for a class that never occurs:
 * confusionMatrix([1, 0], [1, 1], 3); // => [[0, 0, 0], [1, 1, 0], [0, 0, 0]]
 * ```
 */
export function confusionMatrix(predicted: MatrixLike, actual: MatrixLike, classes?: number): number[][] {
  const where = 'confusionMatrix';
  const p = classesOf(predicted, where, 'predicted');
  const a = classesOf(actual, where, 'actual');
  checkSameExamples(p, a, where, 'predicted', 'actual');
  const width = Math.max(...[p.flat, a.flat].map((f) => (f.rank === 2 && f.cols > 1 ? f.cols : 0)));
  const count = classCount(classes, [[p.classes, 'predicted'], [a.classes, 'actual']], where, width);
  const counts = Array.from({ length: count }, () => new Array<number>(count).fill(0));
  for (let e = 0; e < p.classes.length; e++) counts[a.classes[e]][p.classes[e]]++;
  return counts;
}
