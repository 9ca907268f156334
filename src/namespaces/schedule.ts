/**
 * The `Schedule` namespace and type: learning rates that change from epoch
 * to epoch. The code is in src/optim/schedule.ts.
 *
 * @module
 */
import * as members from './schedule-members.js';

/**
 * A learning-rate schedule: the rate of epoch `epoch` (counted from 0)
 * given the base rate `learningRate`.
 */
export type Schedule = (epoch: number, learningRate: number) => number;

/**
 * Ready-made learning-rate schedules, each a frozen function
 * `(epoch, learningRate) => rate` for `Network.train`'s `schedule` option:
 * steps (`Schedule.step`), exponential decay (`Schedule.exponential`) and
 * half a cosine (`Schedule.cosine`). Any function of that type will do.
 *
 * @example
 * ```ts
 * import { Schedule } from 'mathjs-backprop';
 * const schedule = Schedule.exponential({ gamma: 0.9 });
 * schedule(2, 1); // => 0.81
 * ```
 *
 * @namespace
 */
export const Schedule: typeof members = Object.freeze({ ...members });
