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
export { layerFromData } from '../layer.js';
export { modelOf, networkOf } from '../internal/network-record.js';
export { FormatError, UnknownNameError, ValueError } from '../errors.js';

/**
 * The built-in activations and leakyRelu's maker. NOTE: today they exist
 * only as members of the Activation namespace object, so they are taken
 * from it here, and only here; once they are exported on their own (from
 * the activations' module), import them from there instead.
 */
export const { identity, sigmoid, tanh, relu, softplus, leakyRelu } = Activations;
