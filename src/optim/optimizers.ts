/**
 * The four optimiser constructors. Each checks its options once and returns
 * a frozen record with every hyperparameter filled in; the arithmetic is in
 * updates.ts and runs in `Optimizer.step`.
 */
import { adamOf, adamWOf, rmspropOf, sgdOf } from './build.js';
import type { AdamOptions, AdamWOptions, RmspropOptions, SgdOptions } from './options.js';
import type { AdamOptimizer, AdamWOptimizer, RmspropOptimizer, SgdOptimizer } from './types.js';

/**
 * Stochastic gradient descent, with optional momentum and weight decay:
 * PyTorch's `SGD`, in float64. Per layer, with `g = ∂L/∂W`:
 * `g = g + weightDecay * w` (the bias row left out unless `decayBias`);
 * with momentum, the buffer `b = g` on the first step and
 * `b = momentum * b + (1 - dampening) * g` after, and the step takes
 * `g + momentum * b` (Nesterov) or `b`; then `w = w - learningRate * g`.
 * With only `learningRate` it is `Network.sgdStep`, bit for bit.
 *
 * @param options - the learning rate (required) and the rest.
 * @throws {@link ValueError} if the options are not an
 *   object, an option is unknown or out of range (`learningRate` not
 *   positive and finite, `momentum` or `weightDecay` negative, `dampening`
 *   outside `[0, 1]`), or `nesterov` is asked for without momentum or with
 *   dampening.
 * @returns the optimiser, frozen.
 *
 * @example
 * ```ts
 * import { Optimizer } from 'mathjs-backprop';
 * const sgd = Optimizer.sgd({ learningRate: 0.1, momentum: 0.9 });
 * sgd.dampening; // => 0
 * sgd.nesterov; // => false
 * Object.isFrozen(sgd); // => true
 * ```
 */
export function sgd(options: SgdOptions): SgdOptimizer {
  return sgdOf(options, 'Optimizer.sgd');
}

/**
 * Adam: each weight steps by its running mean gradient over the root of its
 * running mean squared gradient, both corrected for starting at 0.
 * PyTorch's `Adam`, in float64. Per layer, at step `t` (from 1):
 * `g = g + weightDecay * w` (bias row left out unless `decayBias`),
 * `m = beta1 * m + (1 - beta1) * g`, `v = beta2 * v + (1 - beta2) * g^2`,
 * `w = w - learningRate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)`.
 *
 * @param options - the hyperparameters; all have defaults.
 * @throws {@link ValueError} if the options are not an
 *   object, an option is unknown, `learningRate` or `epsilon` is not
 *   positive and finite, `beta1` or `beta2` is outside `[0, 1)`, or
 *   `weightDecay` is negative.
 * @returns the optimiser, frozen.
 *
 * @example
 * ```ts
 * import { Optimizer } from 'mathjs-backprop';
 * const adam = Optimizer.adam({ learningRate: 0.01 });
 * adam.beta2; // => 0.999
 * adam.epsilon; // => 1e-8
 * ```
 */
export function adam(options: AdamOptions = {}): AdamOptimizer {
  return adamOf(options, 'Optimizer.adam');
}

/**
 * AdamW: Adam whose weight decay shrinks the weights directly instead of
 * joining the gradient, so it is not rescaled by Adam's division.
 * PyTorch's `AdamW`, in float64. Per layer: first
 * `w = w - learningRate * weightDecay * w` (bias row left out unless
 * `decayBias`), then Adam's update with no decay term.
 *
 * @param options - the hyperparameters; all have defaults.
 * @throws {@link ValueError} as {@link adam} does.
 * @returns the optimiser, frozen.
 *
 * @example
 * ```ts
 * import { Optimizer } from 'mathjs-backprop';
 * Optimizer.adamW().weightDecay; // => 0.01
 * Optimizer.adamW({ weightDecay: 0.1 }).learningRate; // => 0.001
 * ```
 */
export function adamW(options: AdamWOptions = {}): AdamWOptimizer {
  return adamWOf(options, 'Optimizer.adamW');
}

/**
 * RMSprop: each weight steps by its gradient over the root of its running
 * mean squared gradient. PyTorch's `RMSprop` (not centred), in float64.
 * Per layer: `g = g + weightDecay * w` (bias row left out unless
 * `decayBias`), `v = alpha * v + (1 - alpha) * g^2`; with momentum
 * `b = momentum * b + g / (sqrt(v) + epsilon)` and `w = w - learningRate * b`,
 * else `w = w - learningRate * g / (sqrt(v) + epsilon)`.
 *
 * @param options - the hyperparameters; all have defaults.
 * @throws {@link ValueError} if the options are not an
 *   object, an option is unknown, `learningRate` or `epsilon` is not
 *   positive and finite, `alpha` is outside `[0, 1)`, or `momentum` or
 *   `weightDecay` is negative.
 * @returns the optimiser, frozen.
 *
 * @example
 * ```ts
 * import { Optimizer } from 'mathjs-backprop';
 * const rmsprop = Optimizer.rmsprop({ momentum: 0.9 });
 * rmsprop.learningRate; // => 0.01
 * rmsprop.alpha; // => 0.99
 * ```
 */
export function rmsprop(options: RmspropOptions = {}): RmspropOptimizer {
  return rmspropOf(options, 'Optimizer.rmsprop');
}
