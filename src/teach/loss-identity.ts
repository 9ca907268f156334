/**
 * Which built-in loss a loss object is, by identity: the worked examples
 * write a built-in loss's formula only for that very object, so a custom
 * loss whose name matches a built-in one is still written by its name.
 *
 * @module
 */
import { binaryCrossEntropy, softmaxCrossEntropy, squaredError } from '../math/losses.js';
import type { Loss } from '../math/loss-type.js';
import { sigmoidCrossEntropy } from '../math/sigmoid-cross-entropy.js';

/** The built-in losses whose formulas the worked examples write out. */
export type BuiltInLossFormula = 'squaredError' | 'binaryCrossEntropy' | 'sigmoidCrossEntropy' | 'softmaxCrossEntropy';

/** The values `Explanation.builtInLoss` may take. */
export const BUILT_IN_LOSS_FORMULAS: readonly BuiltInLossFormula[] = Object.freeze(['squaredError', 'binaryCrossEntropy', 'sigmoidCrossEntropy', 'softmaxCrossEntropy']);

const BY_IDENTITY: ReadonlyMap<Loss, BuiltInLossFormula> = new Map<Loss, BuiltInLossFormula>([
  [squaredError, 'squaredError'],
  [binaryCrossEntropy, 'binaryCrossEntropy'],
  [sigmoidCrossEntropy, 'sigmoidCrossEntropy'],
  [softmaxCrossEntropy, 'softmaxCrossEntropy'],
]);

/** `{ builtInLoss }` when `loss` is one of the built-in objects themselves, else `{}`. */
export function builtInLossOf(loss: Loss): { builtInLoss?: BuiltInLossFormula } {
  const builtIn = BY_IDENTITY.get(loss);
  return builtIn === undefined ? {} : { builtInLoss: builtIn };
}
