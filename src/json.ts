/**
 * Saving and loading networks as plain, versioned JSON.
 *
 * @module
 */
import type { Network } from './network.js';

/** A network saved by `Network.toJSON`. */
export interface NetworkJSON {
  /** The format's name. */
  readonly format: string;
}

/** TODO(issue 3): implemented in the training work. */
export function toJSON(net: Network): NetworkJSON {
  throw new Error(`Network.toJSON: not implemented yet (${String(net)})`);
}

/** TODO(issue 3): implemented in the training work. */
export function fromJSON(json: unknown): Network {
  throw new Error(`Network.fromJSON: not implemented yet (${String(json)})`);
}
