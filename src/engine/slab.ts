/**
 * Copies of a network's weight arrays for the network a step returns.
 *
 * A typed array of more than 64 bytes gets a buffer of its own outside
 * V8's heap. Allocating one, and later freeing it in the collector, costs
 * more than the whole step of a tiny network: on the notebook's 2-3-1
 * network it was over half of `Network.sgdStep`'s time. So:
 *
 * - every layer's copy is a view into one buffer per network;
 * - a small network (at most {@link SMALL_WEIGHTS} weights) takes that
 *   buffer's room from a slab that holds {@link slabCopies} networks of
 *   exactly its size (8 to 32 of them, in at most {@link SLAB_BYTES}), so
 *   only one step in 8 to 32 allocates.
 *
 * NOTE: what a kept network holds alive stays proportional to its own
 * weights: a network of more than {@link SMALL_WEIGHTS} weights holds a
 * buffer exactly as large as they are, and a small one at most
 * {@link MAX_SLAB_COPIES} times its own and at most {@link SLAB_BYTES},
 * because a slab serves only networks of the size it was made for. (A
 * slab shared by every size once made 500 kept 13-weight networks hold
 * 8 MB.)
 */

/** Networks of at most this many weights in all take their copies from a slab. */
export const SMALL_WEIGHTS = 64;

/** The most bytes a slab takes. */
export const SLAB_BYTES = 4096;

/** The most copies one slab holds. */
export const MAX_SLAB_COPIES = 32;

/**
 * How many copies of a small network of `total` weights one slab holds:
 * as many as fit in {@link SLAB_BYTES}, at most {@link MAX_SLAB_COPIES}
 * (so at least 8 for {@link SMALL_WEIGHTS}). On the notebook's network a
 * slab of 32 made `Network.sgdStep` about a tenth faster than one of 8: an
 * off-heap buffer costs about a microsecond, the whole step about one.
 */
export function slabCopies(total: number): number {
  return Math.min(MAX_SLAB_COPIES, Math.floor(SLAB_BYTES / (8 * total)));
}

/** The current slab of each small size: its buffer, and how many of its doubles are handed out. */
const slabs = new Map<number, { readonly buffer: ArrayBuffer; used: number }>();

/** A copy of every array of `weights`, as views into one buffer room of their total length. */
export function copyWeights(weights: readonly Float64Array[]): Float64Array[] {
  let total = 0;
  for (let l = 0; l < weights.length; l++) total += weights[l].length;
  let buffer: ArrayBuffer;
  let used = 0;
  if (total > SMALL_WEIGHTS) {
    buffer = new ArrayBuffer(8 * total);
  } else {
    let slab = slabs.get(total);
    if (slab === undefined || 8 * (slab.used + total) > slab.buffer.byteLength) {
      slab = { buffer: new ArrayBuffer(8 * slabCopies(total) * total), used: 0 };
      slabs.set(total, slab);
    }
    buffer = slab.buffer;
    used = slab.used;
    slab.used += total;
  }
  const copies = new Array<Float64Array>(weights.length);
  for (let l = 0; l < weights.length; l++) {
    const w = weights[l];
    const n = w.length;
    const view = new Float64Array(buffer, 8 * used, n);
    // A loop, not `set`: for a handful of numbers the builtin's call costs more than the copy.
    for (let i = 0; i < n; i++) view[i] = w[i];
    copies[l] = view;
    used += n;
  }
  return copies;
}
