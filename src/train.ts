/**
 * Training a network by stochastic or mini-batch gradient descent.
 *
 * @module
 */
import type { Network } from './network.js';
import type { MatrixLike } from './internal/convert.js';

/** Options of `Network.train`. */
export interface TrainOptions {
  /** The step size η. */
  readonly learningRate: number;
  /** How many passes over the data. */
  readonly epochs: number;
}

/** What `Network.train` returns. */
export interface TrainResult {
  /** The trained network. */
  readonly network: Network;
  /** The mean training loss of each epoch. */
  readonly losses: readonly number[];
}

/** TODO(issue 3): implemented in the training work. */
export function train(net: Network, inputs: MatrixLike, targets: MatrixLike, options: TrainOptions): TrainResult {
  throw new Error(`Network.train: not implemented yet (${String(net)}, ${String(inputs)}, ${String(targets)}, ${String(options)})`);
}
