/**
 * The `Loss` type: the loss of one example and its gradient side by side,
 * and its BigNumber form. The network takes the mean over a batch.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';

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
  /**
   * The same loss in mathjs BigNumber arithmetic, for the exact reference
   * of `gradientCheck(..., { reference: 'bignumber' })`. Optional; without
   * it that check falls back to float64 and says so.
   */
  readonly big?: BigLoss;
}

/**
 * The BigNumber form of a loss: its value only, since the exact reference
 * differentiates it by finite differences. Every built-in loss has one.
 *
 * @example
 * A custom loss `Σ_k (y_k - t_k)^4` with its BigNumber form:
 * ```ts
 * import { gradientCheck, Activation, Layer, Network, type Loss } from 'mathjs-backprop';
 * const quartic: Loss = {
 *   name: 'quartic',
 *   value: (y, t) => Array.from(y).reduce((sum, yk, k) => sum + (yk - t[k]) ** 4, 0),
 *   gradient: (y, t, into) => {
 *     for (let k = 0; k < y.length; k++) into[k] = 4 * (y[k] - t[k]) ** 3;
 *   },
 *   big: { value: (y, t, math) => y.reduce((sum, yk, k) => sum.plus(yk.minus(t[k]).pow(4)), math.bignumber(0)) },
 * };
 * const net = Network.create([Layer.create([[0.5], [2]], Activation.tanh)]);
 * const report = gradientCheck(net, [1], [0], { loss: quartic, reference: 'bignumber' });
 * [report.reference, report.ok]; // => ['bignumber', true]
 * ```
 */
export interface BigLoss {
  /**
   * The loss of one example, in the precision of `math`.
   * @param output - the output row `y` as BigNumbers of `math`; not to be changed.
   * @param target - the target row `t`, as long as `output`.
   * @param math - the mathjs instance to compute with (BigNumbers of the
   *   precision in use): `math.bignumber(0)` starts a sum.
   */
  value(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber;
}

/** Refuses anything that does not have a loss's three members. */
export function checkLoss(loss: unknown, where: string): Loss {
  const l = loss as Partial<Loss> | null | undefined;
  if (l == null || typeof l.name !== 'string' || typeof l.value !== 'function' || typeof l.gradient !== 'function') {
    throw new ValueError(`${where}: loss must be a Loss with name, value and gradient, got ${describeValue(loss)}`);
  }
  return l as Loss;
}
