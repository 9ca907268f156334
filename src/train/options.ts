/**
 * What `Network.train` takes and returns: its options, the information
 * `onEpoch` sees, validation data and the result.
 *
 * @module
 */
import type { MatrixLike } from '../boundary/convert.js';
import type { Loss } from '../math/loss-type.js';
import type { Network } from '../model/network-record.js';

/** What `onEpoch` receives after each epoch of `Network.train`. */
export interface EpochInfo {
  /** The index of the epoch just finished, from 0: `loss` is `losses[epoch]`. */
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

/** Options of `Network.train`. */
export interface TrainOptions {
  /** The step size η of every update: positive and finite. */
  readonly learningRate: number;
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
}
