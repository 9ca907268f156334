/**
 * Everything the interop code uses from the rest of the library, in one
 * place: the interop files import from here only, never from the index or
 * the namespace objects, so that the layering holds (interop sits above the
 * model) and moving the library's files means editing this file alone.
 *
 * @module
 */
import { Activation as Activations } from '../activation.js';

export type { Activation } from '../activation.js';
export type { Layer } from '../layer.js';
export type { Network } from '../network.js';
export type { Model } from '../internal/model.js';
export { layerFromData } from '../layer.js';
export { modelOf, networkOf } from '../internal/network-record.js';
export { FormatError, UnknownNameError, ValueError } from '../errors.js';

/** The built-in activations, and leakyRelu's maker, as the Activation module holds them. */
export const { identity, sigmoid, tanh, relu, softplus, leakyRelu } = Activations;
