/**
 * What `Network.train` takes and returns: its options, the information
 * `onEpoch` sees, validation data and the result.
 *
 * @module
 */
import type { MatrixLike } from '../boundary/convert.js';
import type { Loss } from '../math/loss-type.js';
import type { Network } from '../model/network-record.js';
import type { OptimizerState, SgdOptimizer, AdamOptimizer, AdamWOptimizer, RmspropOptimizer } from '../optim/types.js';

/** What `onEpoch` receives after each epoch of `Network.train`. */
export interface EpochInfo {
  /**
   * The index of the epoch just finished, from 0, counted on from
   * `resume.epochs` when resuming: `loss` is `losses[epoch - resume.epochs]`.
   */
  readonly epoch: number;
  /** The epoch's training loss: the mean of its batch losses. */
  readonly loss: number;
  /** The loss on the validation data after the epoch; only when `validation` is given. */
  readonly validationLoss?: number;
  /** A copy of the network after the epoch, the caller's to keep. */
  readonly network: Network;
}

/** Held-out examples whose loss `Network.train` reports after each epoch. */
export interface ValidationData {
  /** `V × n`: one example per row, as wide as the network's input. */
  readonly inputs: MatrixLike;
  /** `V × m`: one target per row, as wide as the network's output. */
  readonly targets: MatrixLike;
}

/** When `Network.train` stops early: the option `earlyStopping`. */
export interface EarlyStoppingOptions {
  /**
   * How many epochs in a row may pass without an improvement before
   * training stops: a positive integer.
   */
  readonly patience: number;
  /**
   * How much lower than the best so far a loss must be to count as an
   * improvement: a finite number >= 0.
   * @defaultValue 0
   */
  readonly minDelta?: number | undefined;
  /**
   * Whether the returned network is the best epoch's rather than the last
   * one's. The checkpoint is the last epoch's either way (with its weights,
   * when they are not the returned ones), so that a resumed run goes on
   * from where this one stopped.
   * @defaultValue true
   */
  readonly restoreBest?: boolean | undefined;
}

/**
 * Where a run of `Network.train` stopped, as plain JSON data: pass it as
 * `resume`, with the network it returned, to go on bit for bit as if the
 * run had never stopped. `JSON.parse(JSON.stringify(checkpoint))` works as
 * well as the checkpoint itself.
 */
export interface TrainCheckpoint {
  /** The layout of this record: 1. */
  readonly version: 1;
  /** How many epochs have been done in all, over every resumed run. */
  readonly epochs: number;
  /** The network's layer sizes, inputs first, checked against the network on resume. */
  readonly sizes: readonly number[];
  /** The four state words of the shuffle generator; null without shuffling. */
  readonly random: readonly number[] | null;
  /** The order of the examples after the last epoch's shuffle; null without shuffling. */
  readonly order: readonly number[] | null;
  /** The optimiser's state; null for plain SGD (`learningRate`). */
  readonly optimizer: OptimizerState | null;
  /** Early stopping's progress; only in checkpoints of runs with `earlyStopping`. */
  readonly earlyStopping?: EarlyStoppingCheckpoint | undefined;
}

/**
 * Early stopping's progress in a {@link TrainCheckpoint}: enough for a
 * resumed run to stop, and return the best weights, exactly where one
 * uninterrupted run would. Checked when read back: `sinceBest` must be the
 * epochs after `bestEpoch`, and `weights` must be set exactly when the
 * resumed run has `restoreBest`.
 */
export interface EarlyStoppingCheckpoint {
  /** The best watched loss so far. */
  readonly best: number;
  /** The epoch of `best`, counted over every resumed run. */
  readonly bestEpoch: number;
  /** The epochs since `bestEpoch`: `epochs - 1 - bestEpoch`. */
  readonly sinceBest: number;
  /**
   * With `restoreBest`, the last epoch's weights, one flat row-major array
   * per layer (the returned network holds the best epoch's, and is the one
   * to resume with); null without `restoreBest`.
   */
  readonly weights: readonly (readonly number[])[] | null;
}

/** Options of `Network.train`. */
export interface TrainOptions {
  /**
   * The step size η of plain SGD, every update
   * `weights - learningRate · gradient`: positive and finite. Give either
   * this or `optimizer`, not both.
   * @defaultValue none
   */
  readonly learningRate?: number | undefined;
  /**
   * The optimiser of every step, from `Optimizer.sgd`, `adam`, `adamW` or
   * `rmsprop`; instead of `learningRate`. Each batch then takes exactly
   * the step `Optimizer.step` would take with its gradients.
   * @defaultValue none
   */
  readonly optimizer?: SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer | undefined;
  /**
   * The learning rate of each epoch: epoch `e` (from 0, counted on when
   * resuming) steps with `schedule(e, base)`, `base` being `learningRate`
   * or the optimiser's. Must return a positive finite number. Ready-made
   * ones are in `Schedule`.
   * @defaultValue none: every epoch uses the base rate
   */
  readonly schedule?: ((epoch: number, learningRate: number) => number) | undefined;
  /**
   * Stops when the validation loss (the training loss without
   * `validation`) has not improved for `patience` epochs; see
   * {@link EarlyStoppingOptions}.
   * @defaultValue none
   */
  readonly earlyStopping?: EarlyStoppingOptions | undefined;
  /**
   * A checkpoint from an earlier run (`TrainResult.checkpoint`) to go on
   * from; give the network that run returned. `epochs` then counts the
   * epochs still to run, and `seed` is not used (the generator goes on).
   * @defaultValue none
   */
  readonly resume?: TrainCheckpoint | undefined;
  /** How many passes over the data: a positive integer. */
  readonly epochs: number;
  /**
   * How many examples each step averages its gradient over: 1 is the
   * notebook's per-example SGD, the number of examples is full-batch
   * gradient descent. When it does not divide the number of examples, the
   * last batch of an epoch is smaller and takes its own mean; a batchSize
   * above the number of examples means one batch of all of them.
   * @defaultValue 1
   */
  readonly batchSize?: number | undefined;
  /**
   * Whether to shuffle the order of the examples before each epoch (by
   * Fisher–Yates with the seeded generator); `false` keeps the rows' order.
   * @defaultValue true
   */
  readonly shuffle?: boolean | undefined;
  /**
   * The seed of the shuffle: an integer from 0 to 2^32 - 1. The same seed
   * gives the same order, so the same losses and weights, on every platform.
   * @defaultValue 0
   */
  readonly seed?: number | undefined;
  /**
   * The loss to minimise, of each batch the mean over its rows.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss | undefined;
  /**
   * Called after each epoch with {@link EpochInfo}; returning `false` stops
   * training there (stopping on the third call leaves three losses), any
   * other return value goes on. Without it no per-epoch network is made.
   * @defaultValue none
   */
  readonly onEpoch?: ((info: EpochInfo) => boolean | void) | undefined;
  /**
   * Held-out examples whose loss, with the weights at the end of each
   * epoch, is passed to `onEpoch` and returned as `validationLosses`.
   * @defaultValue none
   */
  readonly validation?: ValidationData | undefined;
}

/** What `Network.train` returns. */
export interface TrainResult {
  /** The trained network: a new one, the input network is not changed. */
  readonly network: Network;
  /** The mean training loss of each epoch that ran: `losses[e]` for epoch `e`. */
  readonly losses: number[];
  /** The validation loss after each epoch; only when `validation` is given. */
  readonly validationLosses?: number[];
  /**
   * With `earlyStopping`: the epoch (counted as `onEpoch` counts) whose
   * watched loss was the lowest.
   */
  readonly bestEpoch?: number;
  /** Where this run stopped (the best epoch, with `restoreBest`), to `resume` from. */
  readonly checkpoint: TrainCheckpoint;
}
