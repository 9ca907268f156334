/**
 * The members of the `Loss` namespace, each documented where its code is.
 *
 * @module
 */
export { squaredError, binaryCrossEntropy, softmaxCrossEntropy } from '../math/losses.js';
export { define } from '../math/loss-registry.js';
export { check } from '../verify/loss-check.js';
export { sigmoidCrossEntropy } from '../math/sigmoid-cross-entropy.js';
