/**
 * The `Activation` namespace: the built-in activations and the means to
 * define, look up and check others. It only gathers its members, which are
 * documented where their code is.
 *
 * @module
 */
import * as members from './activation-members.js';

import type { Activation as ActivationType } from '../math/activation-type.js';

/**
 * An element-wise activation function `a = f(z)` and its derivative, side by
 * side; see {@link Activation.define} for a custom one.
 *
 * @interface
 */
export type Activation = ActivationType;

/**
 * The built-in activations (`identity`, `sigmoid`, `tanh`, `relu`,
 * `leakyRelu(alpha)`, `softplus`), `define` for a custom one, `byName` to
 * look one up as `Network.fromJSON` does, and `check` to test a derivative
 * against central differences.
 *
 * @namespace
 */
export const Activation: typeof members = Object.freeze({ ...members });
