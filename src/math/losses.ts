/**
 * The built-in losses: squared error, binary cross-entropy and softmax
 * cross-entropy, each an object with the loss of one example and its
 * gradient side by side. Losses are called once per example in the
 * training loop, so none allocates.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { exactDecimal } from './big-math.js';
import { trustLoss, type Loss } from './loss-type.js';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy.js';

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
export const squaredError: Loss = Object.freeze({
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
  big: Object.freeze({
    value(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber {
      return output.reduce((sum, y, k) => sum.plus(y.minus(target[k]).pow(2)), math.bignumber(0));
    },
  }),
});

/**
 * The clamp of {@link Loss.binaryCrossEntropy}: outputs are taken as
 * `min(max(y, ε), 1 - ε)` with `ε = 2^-40 ≈ 9.09e-13`.
 *
 * NOTE: why this ε. A power of two, so `1 - ε` is exact and the clamp is
 * symmetric: `y = 0` with `t = 1` and `y = 1` with `t = 0` both cost exactly
 * `40 ln 2 ≈ 27.73`. Small enough to leave every sigmoid output with
 * `|z| < 27.7` unchanged; large enough that the loss per output stays below
 * 27.8 and the gradient below `2^40 ≈ 1.1e12` in size, so a saturated
 * sigmoid (`y` exactly 0 or 1, where `y (1 - y)` is 0) gives a finite loss
 * and a zero, not NaN, delta.
 */
const BCE_EPSILON = 2 ** -40;

function clampProbability(y: number): number {
  return y < BCE_EPSILON ? BCE_EPSILON : y > 1 - BCE_EPSILON ? 1 - BCE_EPSILON : y;
}

/** The binary cross-entropy of one example in BigNumbers, with the same clamp (2^-40 is exact in decimal). */
function bigBinaryCrossEntropy(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber {
  const low = math.bignumber(exactDecimal(BCE_EPSILON));
  const high = math.bignumber(1).minus(low);
  return output.reduce((sum, raw, k) => {
    const y = raw.lt(low) ? low : raw.gt(high) ? high : raw;
    const t = target[k];
    return sum.minus(t.times(y.ln()).plus(math.bignumber(1).minus(t).times(math.bignumber(1).minus(y).ln())));
  }, math.bignumber(0));
}

/**
 * The binary cross-entropy of independent yes/no outputs, for a sigmoid
 * output layer: each output `y_k` is read as the probability of "yes" and
 * its target `t_k` in [0, 1] as the true one (0 or 1, or a soft target in
 * between). Per example
 * `L = -Σ_k [t_k ln y_k + (1 - t_k) ln(1 - y_k)]`, with
 * `∂L/∂y_k = (y_k - t_k) / (y_k (1 - y_k))`; over a batch, the mean.
 *
 * Outputs are first clamped to `[ε, 1 - ε]` with `ε = 2^-40 ≈ 9.1e-13`
 * (a power of two, so `1 - ε` is exact), and the gradient uses the clamped
 * `y`: an output of exactly 0 or 1, which a saturated sigmoid gives, costs
 * at most `40 ln 2 ≈ 27.73` per output and has a finite gradient, never
 * Infinity or NaN. Through a sigmoid the output delta becomes the simple
 * `y - t`. Costs O(outputs); allocates nothing.
 *
 * @example
 * ```ts
 * import { Loss } from 'mathjs-backprop';
 * Loss.binaryCrossEntropy.value([0.5], [1]); // => 0.6931471805599453
 * const gradient = new Float64Array(2);
 * Loss.binaryCrossEntropy.gradient([0.5, 0.25], [1, 0], gradient);
 * Array.from(gradient); // => [-2, 1.3333333333333333]
 * Loss.binaryCrossEntropy.value([1], [0]); // => 27.725887222397812
 * ```
 */
export const binaryCrossEntropy: Loss = Object.freeze({
  name: 'binaryCrossEntropy',
  value(output: ArrayLike<number>, target: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < output.length; k++) {
      const y = clampProbability(output[k]);
      const t = target[k];
      // log1p(-y) is ln(1 - y) without the rounding of 1 - y for small y.
      sum -= t * Math.log(y) + (1 - t) * Math.log1p(-y);
    }
    return sum;
  },
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void {
    for (let k = 0; k < output.length; k++) {
      const y = clampProbability(output[k]);
      into[k] = (y - target[k]) / (y * (1 - y));
    }
  },
  big: Object.freeze({ value: bigBinaryCrossEntropy }),
});

/** Writes the largest entry of `z` and `s = Σ_j exp(z_j - max)` into `out`. */
function shiftedExpSum(z: ArrayLike<number>, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += Math.exp(z[k] - max);
  out[0] = max;
  out[1] = sum;
}

/**
 * Writes `softmax(z)_k = exp(z_k - max) / Σ_j exp(z_j - max)` into `into`
 * (as long as `z`), the one rule for the softmax: the gradient of
 * {@link Loss.softmaxCrossEntropy} and the public `softmax` both use it.
 * Subtracting the largest logit first keeps every exponential in (0, 1],
 * so nothing overflows and the sum is at least 1. `into` may be `z` itself.
 */
export function softmaxInto(z: ArrayLike<number>, into: Float64Array): void {
  shiftedExpSum(z, softmaxScratch);
  const max = softmaxScratch[0];
  const sum = softmaxScratch[1];
  for (let k = 0; k < z.length; k++) into[k] = Math.exp(z[k] - max) / sum;
}

/** `-Σ_k t_k ln softmax(z)_k` of one example in BigNumbers, by log-sum-exp as the float version. */
function bigSoftmaxCrossEntropy(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber {
  const max = output.reduce((m, z) => (z.gt(m) ? z : m));
  const logSum = output.reduce((sum, z) => sum.plus(z.minus(max).exp()), math.bignumber(0)).ln();
  return output.reduce((sum, z, k) => sum.plus(target[k].times(max.minus(z).plus(logSum))), math.bignumber(0));
}

// NOTE: one shared scratch pair keeps both methods allocation-free; safe
// because JavaScript runs each call to completion before the next.
const scratch = new Float64Array(2);
const softmaxScratch = new Float64Array(2);

/**
 * The cross-entropy of the softmax of the outputs, for classifying each
 * example into one of `m` classes. The outputs are the logits `z` of an
 * identity output layer (not probabilities); `softmax(z)_k =
 * exp(z_k) / Σ_j exp(z_j)` turns them into class probabilities, and the
 * target `t` is a one-hot row or a row of class probabilities. Per example
 * `L = -Σ_k t_k ln softmax(z)_k`; over a batch, the mean.
 *
 * Computed with log-sum-exp, `ln softmax(z)_k = z_k - max - ln Σ_j
 * exp(z_j - max)`, so no exponential overflows: logits like ±1000 give
 * exact finite losses. The gradient, for any target (not only one summing
 * to 1), is `∂L/∂z_j = softmax(z)_j · Σ_k t_k - t_j`, which is
 * `softmax(z) - t` for one-hot and probability targets; with an identity
 * output layer that is the output delta. Costs O(outputs) exponentials;
 * allocates nothing.
 *
 * @example
 * ```ts
 * import { Loss } from 'mathjs-backprop';
 * // Two equal logits: softmax is [0.5, 0.5], the loss is ln 2.
 * Loss.softmaxCrossEntropy.value([0, 0], [1, 0]); // => 0.6931471805599453
 * const gradient = new Float64Array(2);
 * Loss.softmaxCrossEntropy.gradient([0, 0], [1, 0], gradient);
 * Array.from(gradient); // => [-0.5, 0.5]
 * // Stable for large logits: -ln softmax([1000, -1000])[1] is 2000.
 * Loss.softmaxCrossEntropy.value([1000, -1000], [0, 1]); // => 2000
 * ```
 */
export const softmaxCrossEntropy: Loss = Object.freeze({
  name: 'softmaxCrossEntropy',
  value(output: ArrayLike<number>, target: ArrayLike<number>): number {
    shiftedExpSum(output, scratch);
    const max = scratch[0];
    const logSum = Math.log(scratch[1]);
    let sum = 0;
    // -ln softmax(z)_k = (max - z_k) + ln s: both parts finite, max - z_k >= 0, 1 <= s <= m.
    for (let k = 0; k < output.length; k++) sum += target[k] * (max - output[k] + logSum);
    return sum;
  },
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void {
    let targetSum = 0;
    for (let k = 0; k < output.length; k++) targetSum += target[k];
    softmaxInto(output, into);
    for (let k = 0; k < output.length; k++) into[k] = into[k] * targetSum - target[k];
  },
  big: Object.freeze({ value: bigSoftmaxCrossEntropy }),
});


// The built-in losses write numbers by construction: checkLoss hands them on unguarded.
for (const builtIn of [squaredError, binaryCrossEntropy, softmaxCrossEntropy, sigmoidCrossEntropy]) trustLoss(builtIn);
