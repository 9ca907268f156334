/**
 * The largest sizes the library allocates for, checked before anything is
 * allocated, so that a size typed wrong (or read from a hostile document)
 * is refused with a message instead of taking all the memory, aborting the
 * process or ending in a raw `RangeError` from deep inside.
 *
 * @module
 */
import { ValueError } from '../errors.js';

/**
 * The most weights one layer may have, `(inputs + 1) · neurons`: 2^27,
 * 1 GiB of float64. `Network.init`, `Layer.create` and `Network.fromJSON`
 * refuse larger layers.
 */
export const MAX_LAYER_WEIGHTS = 2 ** 27;

/**
 * The most numbers one input, target or batch buffer may hold: 2^27,
 * 1 GiB of float64 (a batch of `rows` examples through a layer of `m`
 * neurons needs `rows · m`).
 */
export const MAX_ENTRIES = 2 ** 27;

/**
 * Refuses `count` numbers when they are more than `limit`, naming the size.
 *
 * @param count - how many numbers would be allocated.
 * @param limit - the documented limit.
 * @param what - the thing and its size for the message, e.g.
 *   `"Network.init: layer 0 (3 × 1000000000 weights)"`.
 */
export function checkCount(count: number, limit: number, what: string): void {
  if (!(count <= limit)) {
    throw new ValueError(`${what} has ${count} numbers, more than the limit of ${limit} (2^${Math.log2(limit)}); refused before allocating`);
  }
}
