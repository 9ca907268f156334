/**
 * Copies of small weight arrays carved out of a shared buffer. A typed array
 * of more than 64 bytes gets a buffer of its own outside V8's heap, which
 * costs more than the whole step of a tiny network; views into one larger
 * buffer cost only their own small object. `Network.sgdStep` on the
 * notebook's network makes a new network per call, so this is most of its
 * cost at the boundary.
 *
 * A view keeps its whole slab alive, so only networks of at most
 * `MAX_SMALL` weights are carved out, from slabs of `SLAB_SIZE` numbers.
 */

const SLAB_SIZE = 2048;
const MAX_SMALL = 256;

let slab = new Float64Array(SLAB_SIZE);
let used = 0;

/** A copy of every array of `weights`, as views into a slab when they are small. */
export function copyWeights(weights: readonly Float64Array[]): Float64Array[] {
  let total = 0;
  for (const w of weights) total += w.length;
  if (total > MAX_SMALL) return weights.map((w) => new Float64Array(w));
  if (used + total > SLAB_SIZE) {
    slab = new Float64Array(SLAB_SIZE);
    used = 0;
  }
  const copies = new Array<Float64Array>(weights.length);
  for (let l = 0; l < weights.length; l++) {
    const w = weights[l];
    const view = slab.subarray(used, used + w.length);
    view.set(w);
    copies[l] = view;
    used += w.length;
  }
  return copies;
}
