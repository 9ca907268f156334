/**
 * Copies of a network's weight arrays for the network a step returns. A
 * typed array of more than 64 bytes gets a buffer of its own outside V8's
 * heap, which costs more than the whole step of a tiny network; so every
 * layer's copy is a view into one buffer per network, one allocation
 * instead of one per layer.
 *
 * NOTE: the buffer is the network's own, exactly as large as its weights:
 * a network the caller keeps holds only its own weights alive. (Views into
 * a slab shared between calls were cheaper still, but each kept network
 * then pinned the whole slab: 500 kept 13-weight networks held 8 MB.)
 */

/** A copy of every array of `weights`, as views into one new buffer of their total length. */
export function copyWeights(weights: readonly Float64Array[]): Float64Array[] {
  let total = 0;
  for (const w of weights) total += w.length;
  const buffer = new Float64Array(total);
  const copies = new Array<Float64Array>(weights.length);
  let used = 0;
  for (let l = 0; l < weights.length; l++) {
    const w = weights[l];
    const view = buffer.subarray(used, used + w.length);
    view.set(w);
    copies[l] = view;
    used += w.length;
  }
  return copies;
}
