/**
 * mathjs-backprop/testing: fast-check arbitraries of networks, inputs,
 * targets and batches, so that a property test of your own activation,
 * loss or network takes a few lines:
 *
 * ```ts
 * fc.assert(fc.property(gradientCase({ activations: [myActivation] }),
 *   ({ net, input, target }) => gradientCheck(net, input, target).ok));
 * ```
 *
 * fast-check is a peer dependency of this entry point only: install it
 * (`npm install --save-dev fast-check`) to use it; the main entry point
 * never loads it. Everything drawn is a plain array or a {@link mathjs-backprop!Network | Network},
 * and is the same for the same fast-check seed.
 *
 * @module mathjs-backprop/testing
 */

// Networks
export {
  networkArbitrary,
  seededNetworkArbitrary,
  type NetworkArbitraryOptions,
  type NetworkShapeOptions,
} from './network-arbitrary.js';
export { builtInActivations } from './built-ins.js';

// Data
export {
  inputArbitrary,
  targetArbitrary,
  batchArbitrary,
  type TargetOptions,
  type BatchOptions,
  type NetworkData,
} from './data-arbitrary.js';

// Everything at once, for gradientCheck
export { gradientCase, type GradientCase, type GradientCaseOptions } from './gradient-case.js';

// Checking a case inside a property
export { assertCaseGradients, type CaseGradientOptions } from './gradients-agree.js';

// Ranges
export type { SizeRange, ValueRange } from './options.js';
