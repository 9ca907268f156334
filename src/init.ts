/**
 * Random initial weights from a seeded generator of our own.
 *
 * @module
 */
import type { Activation } from './activation.js';
import type { Network } from './network.js';

/** Options of `Network.init`. */
export interface InitOptions {
  /** The activation of the hidden layers. @defaultValue `Activation.sigmoid` */
  readonly activation?: Activation;
  /** The activation of the output layer. @defaultValue `Activation.identity` */
  readonly outputActivation?: Activation;
  /** The seed of the random generator. @defaultValue 0 */
  readonly seed?: number;
}

/** TODO(issue 3): implemented in the training work. */
export function init(sizes: readonly number[], options: InitOptions = {}): Network {
  throw new Error(`Network.init: not implemented yet (${sizes.length}, ${Object.keys(options).length})`);
}
