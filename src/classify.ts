/**
 * Classification helpers: the predicted class of each example and accuracy.
 *
 * @module
 */
import type { Network } from './network.js';
import type { MatrixLike } from './internal/convert.js';

/** TODO(issue 3): implemented in the training work. */
export function predictClass(net: Network, input: MatrixLike): number | number[] {
  throw new Error(`Network.predictClass: not implemented yet (${String(net)}, ${String(input)})`);
}
