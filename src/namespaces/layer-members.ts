/**
 * The members of the `Layer` namespace, each documented where its code is.
 *
 * @module
 */
export { create } from '../model/layer.js';
export { forward, gradient, sgdStep } from '../model/layer-pass.js';
