/**
 * The softmax of logits, row by row: the class probabilities that
 * `Loss.softmaxCrossEntropy` scores.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import { toFlat, toMatrix, type MatrixLike } from '../boundary/convert.js';
import { softmaxInto } from '../math/losses.js';

/**
 * Turns each row of logits into class probabilities, positive and summing
 * to 1, keeping their order: `softmax(z)_k = exp(z_k) / Σ_j exp(z_j)`.
 * Computed as `exp(z_k - max) / Σ_j exp(z_j - max)` with `max` the row's
 * largest logit, which is the same number but never overflows: logits like
 * ±1000 are fine. It is the very code `Loss.softmaxCrossEntropy` uses, so
 * these are the probabilities that loss scores; apply it to the output of
 * `Network.predict` of a network trained with that loss. Adding the same
 * number to every logit of a row does not change its softmax.
 *
 * A 1-D input of `m` logits is one example and gives `m` probabilities; a
 * `B × m` batch gives `B × m`, each row on its own. Costs one exponential
 * per entry; does not change its argument.
 *
 * @param logits - one row of `m` finite numbers, or a batch of `B × m`.
 * @throws {@link ValueError} if an entry is not a finite number.
 * @throws {@link ShapeError} if the logits are empty or not rectangular.
 * @returns a new matrix of the shape of `logits`, each row summing to 1
 *   (up to rounding).
 *
 * @example
 * Equal logits give equal probabilities; `[ln 1, ln 3]` gives `[1/4, 3/4]`:
 * ```ts
 * import { softmax } from 'mathjs-backprop';
 * softmax([0, 0]).toArray(); // => [0.5, 0.5]
 * softmax([[0, Math.log(3)], [1000, -1000]]).toArray(); // => [[0.25, 0.75], [1, 0]]
 * ```
 */
export function softmax(logits: MatrixLike): Matrix {
  const z = toFlat(logits, 'softmax: logits');
  const out = new Float64Array(z.data.length);
  for (let r = 0; r < z.rows; r++) {
    const from = r * z.cols;
    softmaxInto(z.data.subarray(from, from + z.cols), out.subarray(from, from + z.cols));
  }
  return toMatrix(out, z.rows, z.cols, z.rank);
}
