/**
 * The `Network` namespace: making, running, differentiating, training,
 * saving and explaining networks. It only gathers its members, which are
 * documented where their code is.
 *
 * @module
 */
import type { Network as NetworkType } from '../model/network-record.js';
import * as members from './network-members.js';

/**
 * A stack of layers whose sizes chain: layer `i + 1` takes as many inputs as
 * layer `i` has neurons. Immutable: every update returns a new network.
 *
 * @interface
 */
export type Network = NetworkType;

/**
 * Making, running, differentiating, training, saving and explaining
 * networks: `Network.create` and `Network.init` make one, `forward`,
 * `predict` and `predictClass` run it, `gradient` differentiates its loss by
 * backpropagation, `sgdStep` and `train` update it, `toJSON` and `fromJSON`
 * save and read it, `explain` shows one step number by number, and
 * `summary` lists its layers.
 *
 * @namespace
 */
export const Network: typeof members = Object.freeze({ ...members });
