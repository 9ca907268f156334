/**
 * The document `Network.toJSON` writes, and the names it saves
 * activations under. Apart from `json.ts` so that a network can write
 * itself for `JSON.stringify` (its `toJSON` method) without a cycle.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import { byName } from '../math/activation-registry.js';
import { isLeakyRelu, isLeakyReluName } from '../math/activations.js';
import type { Model } from '../engine/flat-model.js';
import { UnknownNameError, ValueError } from '../errors.js';

/** The `format` of every document `Network.toJSON` writes. */
export const FORMAT = 'mathjs-backprop/network';

/**
 * One layer of a {@link NetworkJSON}: its activation by name and its
 * weights as rows of numbers.
 *
 * @example
 * ```ts
 * import type { LayerJSON } from 'mathjs-backprop';
 * const layer: LayerJSON = { activation: 'sigmoid', weights: [[0.5], [1], [-1]] };
 * layer.weights.length; // => 3
 * ```
 */
export interface LayerJSON {
  /**
   * The activation's name, as `Activation.byName` finds it: a built-in
   * name such as `"sigmoid"`, `"leakyRelu(0.01)"`, or the name a custom
   * activation was given with `Activation.define`.
   */
  readonly activation: string;
  /**
   * The `(inputs + 1) × neurons` weights, row by row; row 0 holds the bias
   * weights (on the constant input -1), as in `Layer.weights`.
   */
  readonly weights: readonly (readonly number[])[];
}

/**
 * A network saved by `Network.toJSON`: plain data that `JSON.stringify`
 * writes and `Network.fromJSON` reads back.
 *
 * @example
 * ```ts
 * import { Network, type NetworkJSON } from 'mathjs-backprop';
 * const saved: NetworkJSON = {
 *   format: 'mathjs-backprop/network',
 *   version: 1,
 *   layers: [{ activation: 'identity', weights: [[1], [2]] }],
 * };
 * Network.predict(Network.fromJSON(saved), [3]).toArray(); // => [5]
 * ```
 */
export interface NetworkJSON {
  /** Always `"mathjs-backprop/network"`: what the document is. */
  readonly format: 'mathjs-backprop/network';
  /** The version of the format; 1 is the only one so far. */
  readonly version: 1;
  /** The layers, from the input side; each takes as many inputs as the one before has neurons. */
  readonly layers: readonly LayerJSON[];
}

/**
 * The name `activation` is saved under, after checking that
 * `Activation.byName` will find that very activation when the document is
 * read back. A `leakyRelu(alpha)` is rebuilt from its name, so any that
 * the library made will do; an object that only has such a name will not.
 */
function savedName(activation: Activation, l: number): string {
  const where = `Network.toJSON: layer ${l}'s activation "${activation.name}"`;
  if (isLeakyReluName(activation.name)) {
    if (isLeakyRelu(activation)) return activation.name;
    throw new ValueError(`${where} was not made by Activation.leakyRelu, so reading it back would give another function; make it with Activation.leakyRelu(alpha), or give it another name with Activation.define`);
  }
  let found: Activation;
  try {
    found = byName(activation.name);
  } catch {
    throw new UnknownNameError(
      `${where} is neither built in nor made with Activation.define, so it could not be read back; define it first`,
      activation.name,
    );
  }
  if (found !== activation && (found.apply !== activation.apply || found.derivative !== activation.derivative)) {
    throw new ValueError(`${where} is not the activation Activation.byName knows by that name, so reading it back would change the network`);
  }
  return activation.name;
}

/** @internal The document of `model`: the format, its version, and every layer's activation name and weight rows. */
export function documentOf(model: Model): NetworkJSON {
  const layers = model.weights.map((data, l) => {
    const cols = model.sizes[l + 1];
    const weights = Array.from({ length: model.sizes[l] + 1 }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
    return { activation: savedName(model.activations[l], l), weights };
  });
  return { format: FORMAT, version: 1, layers };
}
