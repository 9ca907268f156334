/**
 * Binary cross-entropy taken on the logits: the loss of
 * `Loss.binaryCrossEntropy` applied to `sigmoid(z)`, computed from `z`
 * directly so that no logit overflows or rounds a probability to 0 or 1.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { sigmoidOf } from './activations.js';
import type { Loss } from './loss-type.js';

/**
 * `-[t ln σ(z) + (1 - t) ln(1 - σ(z))]` of one logit, rewritten so nothing
 * overflows: `max(z, 0) - t z + ln(1 + e^{-|z|})`. (For `z >= 0`,
 * `-ln σ(z) = ln(1 + e^{-z})` and `-ln(1 - σ(z)) = z + ln(1 + e^{-z})`;
 * weighting them by `t` and `1 - t` gives `z - t z + ln(1 + e^{-z})`. For
 * `z < 0` the same steps with `e^{z}` give `-t z + ln(1 + e^{z})`.)
 */
function logitLoss(z: number, t: number): number {
  return (z > 0 ? z : 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The same, in BigNumbers of `math`, by the same rewriting. */
function bigSigmoidCrossEntropy(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber {
  const zero = math.bignumber(0);
  const one = math.bignumber(1);
  return output.reduce((sum, z, k) => {
    const positive = z.gt(zero) ? z : zero;
    return sum.plus(positive.minus(target[k].times(z)).plus(one.plus(z.abs().neg().exp()).ln()));
  }, zero);
}

/**
 * The binary cross-entropy of independent yes/no outputs, taken on their
 * logits: for an identity output layer whose outputs `z_k` are read as
 * `sigmoid(z_k)`, the probability of "yes", with targets `t_k` in [0, 1]
 * (0 or 1, or soft). Each output is its own question, so several may be
 * "yes" at once (multi-label). Per example
 * `L = -Σ_k [t_k ln σ(z_k) + (1 - t_k) ln(1 - σ(z_k))]`, computed as
 * `Σ_k [max(z_k, 0) - t_k z_k + ln(1 + e^{-|z_k|})]`, which is finite and
 * accurate for logits like ±1000; over a batch, the mean. Its gradient is
 * `∂L/∂z_k = σ(z_k) - t_k`, which with an identity output layer is the
 * output delta. Use it instead of `binaryCrossEntropy` on a sigmoid
 * output: the same loss without the clamp at `2^-40`. Costs O(outputs)
 * exponentials; allocates nothing.
 *
 * @example
 * ```ts
 * import { Loss, Network } from 'mathjs-backprop';
 * Loss.sigmoidCrossEntropy.value([0], [1]); // => 0.6931471805599453
 * const gradient = new Float64Array(2);
 * Loss.sigmoidCrossEntropy.gradient([0, 2], [1, 0], gradient);
 * Array.from(gradient); // => [-0.5, 0.8807970779778823]
 * // Stable for large logits: -ln(1 - σ(1000)) is 1000.
 * Loss.sigmoidCrossEntropy.value([1000, -1000], [0, 0]); // => 1000
 * // XOR with an identity output: the logits train towards the targets' sides.
 * const net = Network.init([2, 3, 1], { seed: 1 });
 * const xor = [[0, 0], [0, 1], [1, 0], [1, 1]];
 * const { losses } = Network.train(net, xor, [[0], [1], [1], [0]], {
 *   learningRate: 0.5, epochs: 200, loss: Loss.sigmoidCrossEntropy,
 * });
 * losses[199] < losses[0]; // => true
 * ```
 */
export const sigmoidCrossEntropy: Loss = Object.freeze({
  name: 'sigmoidCrossEntropy',
  value(output: ArrayLike<number>, target: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < output.length; k++) sum += logitLoss(output[k], target[k]);
    return sum;
  },
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void {
    for (let k = 0; k < output.length; k++) {
      const z = output[k];
      // NOTE: for z > 0, σ(z) - t = (1 - t) - σ(-z): σ(-z) is small and exact to a rounding, where σ(z) - 1 would cancel.
      into[k] = z > 0 ? 1 - target[k] - sigmoidOf(-z) : sigmoidOf(z) - target[k];
    }
  },
  big: Object.freeze({ value: bigSigmoidCrossEntropy }),
});
