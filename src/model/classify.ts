/**
 * Classification helpers: the predicted class of each example and accuracy.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { forwardPass } from './arguments.js';
import type { MatrixLike } from '../boundary/convert.js';
import { checkSameExamples, classesOf, classesOfRows } from './class-labels.js';

/**
 * The class the network predicts for each example: the index of the
 * largest output (argmax), the lowest index when several outputs tie.
 * A network with a single output is read as a binary classifier whose
 * output is the probability of class 1 (a sigmoid output): its class is
 * `y >= 0.5 ? 1 : 0`, so 0.5 itself counts as class 1. Since softmax
 * keeps the order of its inputs, the argmax of the logits of a
 * `Loss.softmaxCrossEntropy` network is its most probable class.
 * Costs one forward pass; does not change its arguments.
 *
 * @param net - the network.
 * @param input - one example of `n` numbers, or a batch of `B × n`.
 * @throws {@link ShapeError} if the input does not fit the first layer.
 * @throws {@link ValueError} if an output is NaN (from a custom activation).
 * @returns the class index for one example; an array of `B` for a batch.
 *
 * @example
 * Three classes scored by identity neurons `[x1, x2, (x1 + x2) / 2]`:
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[0, 0, 0], [1, 0, 0.5], [0, 1, 0.5]], Activation.identity),
 * ]);
 * Network.predictClass(net, [2, 1]); // => 0
 * // [1, 1] scores [1, 1, 1]: a tie, which goes to the lowest index.
 * Network.predictClass(net, [[2, 1], [1, 2], [1, 1]]); // => [0, 1, 0]
 * // One sigmoid output: class 1 when y >= 0.5.
 * const binary = Network.create([Layer.create([[0], [1]], Activation.sigmoid)]);
 * Network.predictClass(binary, [[-1], [0], [2]]); // => [0, 1, 1]
 * ```
 */
export function predictClass(net: Network, input: readonly number[]): number;
/** A batch, one example per row, gives one class per row. */
export function predictClass(net: Network, input: readonly (readonly number[])[]): number[];
/** A 1-D input gives one class, a 2-D one a class per row. */
export function predictClass(net: Network, input: MatrixLike): number | number[];
export function predictClass(net: Network, input: MatrixLike): number | number[] {
  const where = 'Network.predictClass';
  const { model, input: x, output } = forwardPass(net, input, where);
  const m = model.sizes[model.sizes.length - 1];
  const classes = classesOfRows(output, x.rows, m);
  return x.rank === 1 ? classes[0] : classes;
}

/**
 * The fraction of examples whose predicted class equals the label's class:
 * `(number of i with predicted_i = label_i) / B`, a number in [0, 1].
 *
 * Either argument may be class indexes, a 1-D array of integers `>= 0`
 * (what `Network.predictClass` returns for a batch), or a `B × m`
 * matrix with one row per example, such as one-hot targets, rows of class
 * probabilities or the output of `Network.predict`. A row stands for the
 * index of its largest entry (the lowest index on a tie); a row of one
 * number `y`, a sigmoid's output or a 0/1 target, for class
 * `y >= 0.5 ? 1 : 0`. A 1-D argument is always read as class indexes, so a
 * single one-hot row must be written as a matrix of one row, `[[0, 1, 0]]`.
 * Costs O(B · m); does not change its arguments.
 *
 * @param predicted - the predicted classes of `B` examples, as indexes or rows.
 * @param labels - the true classes of the same examples, as indexes or rows.
 * @throws {@link ShapeError} if either is empty, they hold different numbers
 *   of examples, or both are rows of different lengths.
 * @throws {@link ValueError} if an entry is not a finite number or a class
 *   index is not an integer `>= 0`.
 * @returns the fraction of matching examples, from 0 to 1.
 *
 * @example
 * Class indexes against one-hot labels: the second example is wrong.
 * ```ts
 * import { accuracy } from 'mathjs-backprop';
 * accuracy([0, 2, 1, 1], [[1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0]]); // => 0.75
 * accuracy([1, 0], [1, 0]); // => 1
 * // A binary classifier's outputs against 0/1 targets, one column each:
 * accuracy([[0.9], [0.2], [0.6]], [[1], [0], [0]]); // => 0.6666666666666666
 * ```
 */
export function accuracy(predicted: MatrixLike, labels: MatrixLike): number {
  const where = 'accuracy';
  const p = classesOf(predicted, where, 'predicted');
  const l = classesOf(labels, where, 'labels');
  checkSameExamples(p, l, where);
  let equal = 0;
  for (let i = 0; i < p.classes.length; i++) if (p.classes[i] === l.classes[i]) equal++;
  return equal / p.classes.length;
}
