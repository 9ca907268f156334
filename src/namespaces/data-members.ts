/**
 * The members of the `Data` namespace, each documented where its code is.
 *
 * @module
 */
export { oneHot } from '../train/one-hot.js';
export { fitStandardizer, standardize } from '../train/standardize.js';
export { split } from '../train/split.js';
