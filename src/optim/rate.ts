/**
 * For `Network.train`: the optimiser of one epoch, its learning rate set by
 * a schedule. Internal to the library (not exported from the index).
 */
import { ValueError } from '../errors.js';
import { checkNumber, POSITIVE } from '../boundary/options.js';
import { describeValue } from '../boundary/describe.js';
import type { AnyOptimizer } from './types.js';

/** A copy of `optimizer` with learning rate `rate` (positive and finite), frozen. */
export function withLearningRate<O extends AnyOptimizer>(optimizer: O, rate: number, where: string): O {
  const learningRate = checkNumber(rate, POSITIVE, 'learningRate', where);
  const copy: O = { ...optimizer, learningRate };
  return Object.freeze(copy);
}

/**
 * The optimiser for epoch `epoch` (from 0): `optimizer` itself without a
 * schedule, else a copy whose rate is `schedule(epoch, optimizer.learningRate)`.
 * A schedule that throws, or returns anything but a positive finite number,
 * is refused with a message naming the epoch.
 */
export function optimizerForEpoch<O extends AnyOptimizer>(
  optimizer: O,
  schedule: ((epoch: number, learningRate: number) => number) | undefined,
  epoch: number,
  where: string,
): O {
  if (schedule === undefined) return optimizer;
  const rate: unknown = schedule(epoch, optimizer.learningRate);
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new ValueError(`${where}: schedule must return a positive finite learning rate, got ${describeValue(rate)} for epoch ${epoch}`);
  }
  return withLearningRate(optimizer, rate, where);
}
