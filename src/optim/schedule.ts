/**
 * Learning-rate schedules: each is a frozen function from the epoch
 * (counted from 0) and the base learning rate to that epoch's rate.
 * `Network.train` calls it once per epoch with the optimiser's rate.
 */
import { checkOptionNames } from '../boundary/options.js';
import { ValueError } from '../errors.js';
import { checkNumber, checkPositiveInteger, NON_NEGATIVE, POSITIVE } from '../boundary/options.js';
import { describeValue } from '../boundary/describe.js';

/** Options of `Schedule.step`. */
export interface StepScheduleOptions {
  /** After how many epochs the rate is multiplied by `factor`: a positive integer. */
  readonly every: number;
  /** What the rate is multiplied by every `every` epochs: positive and finite. */
  readonly factor: number;
}

/** Options of `Schedule.exponential`. */
export interface ExponentialScheduleOptions {
  /** What the rate is multiplied by each epoch: positive and finite. */
  readonly gamma: number;
}

/** Options of `Schedule.cosine`. */
export interface CosineScheduleOptions {
  /** How many epochs the rate takes to fall from the base to `minimum`: a positive integer. */
  readonly epochs: number;
  /**
   * The rate at epoch `epochs` and after: a finite number >= 0. With 0,
   * make `epochs` at least the number of epochs trained, since a rate of 0
   * is refused by the optimisers.
   * @defaultValue 0
   */
  readonly minimum?: number | undefined;
}

/** Checks a schedule's arguments: an epoch that is a non-negative integer, a positive finite rate. */
function checkCall(epoch: unknown, learningRate: unknown, where: string): void {
  if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0) {
    throw new ValueError(`${where}: epoch must be a non-negative integer, got ${describeValue(epoch)}`);
  }
  checkNumber(learningRate, POSITIVE, 'learningRate', where);
}

/**
 * A rate that drops by `factor` every `every` epochs:
 * `rate(epoch) = learningRate * factor^floor(epoch / every)`.
 *
 * @param options - `every` and `factor`.
 * @throws {@link ValueError} if the options are not an object, an option
 *   is unknown, `every` is not a positive integer or `factor` not positive
 *   and finite; the returned function throws it for an epoch that is not
 *   a non-negative integer or a rate that is not positive and finite.
 * @returns the schedule `(epoch, learningRate) => rate`, frozen.
 *
 * @example
 * Halve the rate every 10 epochs:
 * ```ts
 * import { Schedule } from 'mathjs-backprop';
 * const halve = Schedule.step({ every: 10, factor: 0.5 });
 * halve(9, 0.1); // => 0.1
 * halve(10, 0.1); // => 0.05
 * halve(25, 0.1); // => 0.025
 * ```
 */
export function step(options: StepScheduleOptions): (epoch: number, learningRate: number) => number {
  const where = 'Schedule.step';
  checkOptionNames(options, ['every', 'factor'], where);
  const every = checkPositiveInteger(options.every, 'every', where);
  const factor = checkNumber(options.factor, POSITIVE, 'factor', where);
  return Object.freeze((epoch: number, learningRate: number): number => {
    checkCall(epoch, learningRate, where);
    return learningRate * Math.pow(factor, Math.floor(epoch / every));
  });
}

/**
 * A rate multiplied by `gamma` every epoch: `rate(epoch) = learningRate * gamma^epoch`.
 *
 * @param options - `gamma`.
 * @throws {@link ValueError} if the options are not an object, an option
 *   is unknown or `gamma` is not positive and finite; the returned function
 *   throws it as {@link Schedule.step}'s does.
 * @returns the schedule `(epoch, learningRate) => rate`, frozen.
 *
 * @example
 * ```ts
 * import { Schedule } from 'mathjs-backprop';
 * const decay = Schedule.exponential({ gamma: 0.5 });
 * decay(0, 0.1); // => 0.1
 * decay(3, 0.1); // => 0.0125
 * ```
 */
export function exponential(options: ExponentialScheduleOptions): (epoch: number, learningRate: number) => number {
  const where = 'Schedule.exponential';
  checkOptionNames(options, ['gamma'], where);
  const gamma = checkNumber(options.gamma, POSITIVE, 'gamma', where);
  return Object.freeze((epoch: number, learningRate: number): number => {
    checkCall(epoch, learningRate, where);
    return learningRate * Math.pow(gamma, epoch);
  });
}

/**
 * A rate that falls from the base to `minimum` along half a cosine over
 * `epochs` epochs and then stays there:
 * `rate(epoch) = minimum + (learningRate - minimum) * (1 + cos(pi * epoch / epochs)) / 2`
 * for `epoch <= epochs`, `minimum` after.
 *
 * @param options - `epochs` and `minimum`.
 * @throws {@link ValueError} if the options are not an object, an option
 *   is unknown, `epochs` is not a positive integer or `minimum` is negative
 *   or not finite; the returned function throws it as {@link Schedule.step}'s does.
 * @returns the schedule `(epoch, learningRate) => rate`, frozen.
 *
 * @example
 * From 0.1 down to 0.02 over 4 epochs:
 * ```ts
 * import { Schedule } from 'mathjs-backprop';
 * const cosine = Schedule.cosine({ epochs: 4, minimum: 0.02 });
 * cosine(0, 0.1); // => 0.1
 * cosine(2, 0.1); // => 0.06
 * cosine(4, 0.1); // => 0.02
 * cosine(9, 0.1); // => 0.02
 * ```
 */
export function cosine(options: CosineScheduleOptions): (epoch: number, learningRate: number) => number {
  const where = 'Schedule.cosine';
  checkOptionNames(options, ['epochs', 'minimum'], where);
  const epochs = checkPositiveInteger(options.epochs, 'epochs', where);
  const minimum = checkNumber(options.minimum ?? 0, NON_NEGATIVE, 'minimum', where);
  return Object.freeze((epoch: number, learningRate: number): number => {
    checkCall(epoch, learningRate, where);
    if (epoch >= epochs) return minimum;
    return minimum + ((learningRate - minimum) * (1 + Math.cos((Math.PI * epoch) / epochs))) / 2;
  });
}
