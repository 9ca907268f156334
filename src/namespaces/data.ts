/**
 * The `Data` namespace: preparing data for training. It only gathers its
 * members, which are documented where their code is.
 *
 * @module
 */
import * as members from './data-members.js';

/**
 * Preparing data for training: `split` divides row indices into a seeded
 * training set and test set (stratified by class if asked), `fitStandardizer`
 * measures the training columns and `standardize` rescales rows with that
 * measure, and `oneHot` turns class labels into target rows.
 *
 * @namespace
 */
export const Data: typeof members = Object.freeze({ ...members });
