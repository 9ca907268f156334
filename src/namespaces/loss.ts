/**
 * The `Loss` namespace: the built-in losses. It only gathers its members,
 * which are documented where their code is.
 *
 * @module
 */
import * as members from './loss-members.js';

import type { Loss as LossType } from '../math/loss-type.js';

/**
 * A loss: how far one example's output row is from its target row, and its
 * gradient with respect to the output; the network takes the mean over a batch.
 *
 * @interface
 */
export type Loss = LossType;

/**
 * The built-in losses: `squaredError` (the default, the notebook's
 * `(y - t)^2`), `binaryCrossEntropy` for sigmoid outputs,
 * `sigmoidCrossEntropy` for yes/no (multi-label) logits and
 * `softmaxCrossEntropy` for the class logits of an identity output layer;
 * and `define` and `check` for a custom loss.
 *
 * @namespace
 */
export const Loss: typeof members = Object.freeze({ ...members });
