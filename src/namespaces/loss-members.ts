/**
 * The members of the `Loss` namespace, each documented where its code is.
 *
 * @module
 */
export { squaredError, binaryCrossEntropy, softmaxCrossEntropy } from '../math/losses.js';
export { sigmoidCrossEntropy } from '../math/sigmoid-cross-entropy.js';
