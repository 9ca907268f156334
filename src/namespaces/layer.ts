/**
 * The `Layer` namespace: making, running and updating single layers. It
 * only gathers its members, which are documented where their code is.
 *
 * @module
 */
import * as members from './layer-members.js';

import type { Layer as LayerType } from '../model/layer.js';

/**
 * A fully-connected layer with `inputSize` inputs and `outputSize` neurons;
 * immutable, made by {@link Layer.create}.
 *
 * @interface
 */
export type Layer = LayerType;

/**
 * Making, running and updating single layers: `Layer.create` makes one from
 * its weights (bias row first) and activation, `forward` and `gradient` are
 * its forward and backward passes, and `sgdStep` updates its weights.
 *
 * @namespace
 */
export const Layer: typeof members = Object.freeze({ ...members });
