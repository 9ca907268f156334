/**
 * One step of gradient descent on a network at the public boundary
 * (`Network.sgdStep`): every gradient with the old weights, then
 * `weights - learningRate · gradient` for every layer.
 *
 * @module
 */
import type { Network } from './network-record.js';
import { networkFromModel } from './network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import { checkLearningRate, checkResult } from '../boundary/validate.js';
import type { Model } from '../engine/flat-model.js';
import { exampleSetOf, sgdRows } from '../engine/plain-step.js';
import { copyWeights } from '../engine/slab.js';
import { batchOf } from './arguments.js';
import type { GradientOptions } from './gradient.js';
import { checkOptionNames } from '../boundary/options.js';
import { withName } from '../boundary/pass-fault.js';

/** Options of `Network.sgdStep`. */
export interface StepOptions extends GradientOptions {
  /** The step size η: positive and finite. */
  readonly learningRate: number;
}

/**
 * One step of gradient descent: every gradient is computed with the old
 * weights, then each layer becomes `weights - learningRate · ∂L/∂weights`.
 * With a batch it is a mini-batch step on the mean gradient.
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - the learning rate and the loss.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if the learning rate is not positive and finite.
 * @returns a new network.
 *
 * @example
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
 * const next = Network.sgdStep(net, [3], [4], { learningRate: 0.1 });
 * next.layers[0].weights.toArray(); // => [[1.2], [1.4]]
 * ```
 */
export function sgdStep(net: Network, input: MatrixLike, target: MatrixLike, options: StepOptions): Network {
  const where = 'Network.sgdStep';
  // NOTE: missing options are reported as the missing learningRate they lack.
  const { learningRate, loss: lossFunction } = checkOptionNames(options ?? {}, ['learningRate', 'loss'], where);
  const rate = checkLearningRate(learningRate, where);
  const batch = batchOf(net, input, target, lossFunction, where);
  const { model, input: x } = batch;
  const next: Model = { ...model, weights: copyWeights(model.weights) };
  const set = exampleSetOf(next, batch.loss, x.data, batch.targetRows, null);
  const loss = withName(where, () => {
    sgdRows(set, null, 0, x.rows, rate, null);
    return set.io[1];
  });
  checkResult([loss], where, 'the loss');
  next.weights.forEach((w, l) => checkResult(w, where, `a new weight of layer ${l + 1}`));
  return networkFromModel(next);
}
