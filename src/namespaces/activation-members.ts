/**
 * The members of the `Activation` namespace, each documented where its code is.
 *
 * @module
 */
export { identity, sigmoid, tanh, relu, leakyRelu, softplus } from '../math/activations.js';
export { define, byName } from '../math/activation-registry.js';
export { check } from '../math/activation-check.js';
