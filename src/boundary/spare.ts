/**
 * One spare buffer for the conversion of `Network.train`'s inputs, so that
 * a loop of training calls on the same data converts it into the same
 * memory instead of a new buffer each call.
 *
 * NOTE: the 1,024 MNIST digits of the benchmark are 6.4 MB as doubles. A
 * new buffer per call left several dead ones waiting for the collector,
 * and a loop of one-epoch calls grew by about 50 MB. The spare is held
 * through a `WeakRef`: it stays while the loop runs (a target is kept
 * until the end of the job that made or read it) and the collector may
 * take it after, so no memory is held for good.
 *
 * @module
 */

let spare: WeakRef<Float64Array> | undefined;

/** A buffer of `n` numbers: the spare when it has exactly that length (taken, so no one else gets it), else a new one. */
export function takeSpare(n: number): Float64Array {
  const buffer = spare?.deref();
  if (buffer !== undefined && buffer.length === n) {
    spare = undefined;
    return buffer;
  }
  return new Float64Array(n);
}

/** Gives `buffer` back as the spare; the caller must not read or write it after. */
export function giveSpare(buffer: Float64Array): void {
  spare = new WeakRef(buffer);
}
