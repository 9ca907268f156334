/**
 * The built-in activations the arbitraries draw from by default.
 *
 * @module
 */
import { Activation } from '../index.js';

/**
 * Every built-in activation, leakyRelu with its default alpha 0.01: the list
 * `networkArbitrary` and its kin draw from unless told otherwise. Spread it
 * to test a custom activation alongside them.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Activation } from 'mathjs-backprop';
 * import { builtInActivations, networkArbitrary } from 'mathjs-backprop/testing';
 * builtInActivations.map((a) => a.name);
 * // => ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu(0.01)', 'softplus']
 * const isru = Activation.define({
 *   name: 'isru-among-built-ins',
 *   apply: (z) => z / Math.sqrt(1 + z * z),
 *   derivative: (z) => 1 / (1 + z * z) ** 1.5,
 * });
 * const nets = fc.sample(networkArbitrary({ activations: [...builtInActivations, isru] }), { seed: 7, numRuns: 50 });
 * nets.some((net) => net.layers.some((layer) => layer.activation === isru)); // => true
 * ```
 */
export const builtInActivations: readonly Activation[] = Object.freeze([
  Activation.identity,
  Activation.sigmoid,
  Activation.tanh,
  Activation.relu,
  Activation.leakyRelu(),
  Activation.softplus,
]);
