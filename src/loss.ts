/**
 * Loss functions: each one an object with the loss of one example and its
 * gradient side by side. The network takes the mean over a batch.
 *
 * @module
 */

/**
 * A loss: how far one example's output row is from its target row, and the
 * gradient of that with respect to the output.
 *
 * Every loss sums over the outputs of one example; `Network.gradient` and
 * `Network.train` take the mean of `value` over the examples of a batch (so
 * the gradient of a batch of `B` rows carries a factor `1 / B`).
 * Both methods get rows of equal length and must not modify them.
 */
export interface Loss {
  /** The loss's name, e.g. `"squaredError"`. */
  readonly name: string;
  /**
   * The loss of one example.
   * @param output - the network's output row `y`.
   * @param target - the target row `t`, as long as `output`.
   */
  value(output: ArrayLike<number>, target: ArrayLike<number>): number;
  /**
   * Writes `∂value/∂output` into `into`, element by element.
   * @param output - the network's output row `y`.
   * @param target - the target row `t`.
   * @param into - where the gradient goes; as long as `output`.
   */
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void;
}

const squaredError: Loss = Object.freeze({
  name: 'squaredError',
  value(output: ArrayLike<number>, target: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < output.length; k++) {
      const d = output[k] - target[k];
      sum += d * d;
    }
    return sum;
  },
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void {
    for (let k = 0; k < output.length; k++) into[k] = 2 * (output[k] - target[k]);
  },
});

/**
 * The built-in losses.
 *
 * @namespace
 */
export const Loss = Object.freeze({
  /**
   * The squared error `L = Σ_k (y_k - t_k)^2` of one example, without the
   * factor 1/2, so `∂L/∂y_k = 2 (y_k - t_k)`; over a batch, the mean of that
   * sum. With one output it is the notebook's `(y - t)^2`. The default loss.
   *
   * @example
   * ```ts
   * import { Loss } from 'mathjs-backprop';
   * Loss.squaredError.value([3, 1], [1, 1]); // => 4
   * const gradient = new Float64Array(2);
   * Loss.squaredError.gradient([3, 1], [1, 1], gradient);
   * Array.from(gradient); // => [4, 0]
   * ```
   */
  squaredError,
});
