/**
 * The `Network` type and its one implementation: the flat model the
 * kernels run on, built once when the network is made, and its layers.
 *
 * NOTE: a network that a step returns makes its `layers` only when they are
 * first read. A step of the notebook's 2-3-1 network costs about a
 * microsecond, and making and freezing the layer objects of every
 * intermediate network of a run took a fifth of it.
 *
 * @module
 */
import type { Layer } from './layer.js';
import { layerData, layerFromData, ownLayer } from './layer.js';
import { ShapeError, ValueError } from '../errors.js';
import type { Model } from '../engine/flat-model.js';
import { describeValue } from '../boundary/describe.js';
import { documentOf, type NetworkJSON } from './json-document.js';

/**
 * A stack of layers whose sizes chain: layer `i + 1` takes as many inputs as
 * layer `i` has neurons. Deeply immutable: the network, its `layers` array,
 * every layer and its weights are frozen (assigning to them throws in
 * strict code), and every update returns a new network. `layers` is read
 * through an accessor on the prototype, made on first reading and the same
 * array after (so `Object.keys(net)` does not list it; compare networks
 * with `Network.toJSON`, which has every weight).
 * `JSON.stringify(net)` writes what `Network.toJSON(net)` returns.
 */
export interface Network {
  /** The layers, from the input side to the output side. */
  readonly layers: readonly Layer[];
}

class NetworkRecord implements Network {
  readonly #model: Model;
  #layers: readonly Layer[] | undefined;

  /** `layers` undefined: made from the model when first read. */
  constructor(layers: readonly Layer[] | undefined, model: Model, hidden?: { readonly key: symbol; readonly value: unknown }) {
    this.#layers = layers;
    this.#model = model;
    if (hidden !== undefined) Object.defineProperty(this, hidden.key, { value: hidden.value, enumerable: false });
    Object.freeze(this);
  }

  get layers(): readonly Layer[] {
    this.#layers ??= layersOf(this.#model);
    return this.#layers;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): object {
    return { layers: this.layers };
  }

  /** What `JSON.stringify(net)` writes: the document `Network.toJSON(net)` returns. */
  toJSON(): NetworkJSON {
    return documentOf(this.#model);
  }

  static modelOf(net: NetworkRecord): Model {
    return net.#model;
  }
}

function modelFromLayers(layers: readonly Layer[]): Model {
  return {
    sizes: [layers[0].inputSize, ...layers.map((layer) => layer.outputSize)],
    weights: layers.map(layerData),
    activations: layers.map((layer) => layer.activation),
    shared: { scratch: null, compiled: undefined },
  };
}

/** Checks that `layers` is a non-empty chain and makes a network of it. */
export function networkOf(layers: readonly Layer[], where: string): Network {
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new ValueError(`${where}: a network needs at least one layer, got ${Array.isArray(layers) ? 'none' : String(layers)}`);
  }
  // Array.from, not map, so that a hole in the array is refused rather than skipped.
  const own = Array.from(layers, (layer, i) => ownLayer(layer, `${where}: layer ${i}`));
  for (let i = 1; i < own.length; i++) {
    if (own[i].inputSize !== own[i - 1].outputSize) {
      throw new ShapeError(
        `${where}: layer ${i} takes ${own[i].inputSize} inputs but layer ${i - 1} gives ${own[i - 1].outputSize} outputs`,
        [own[i - 1].outputSize],
        [own[i].inputSize],
      );
    }
  }
  return new NetworkRecord(Object.freeze(own), modelFromLayers(own));
}

/**
 * @internal The same network (the same layers and model) with one more
 * property under `key`, not enumerable, set before it is frozen: how the
 * testing kit tells fast-check to print a network as the code that makes it.
 */
export function withHiddenProperty(net: Network, key: symbol, value: unknown): Network {
  return new NetworkRecord(net.layers, modelOf(net, 'withHiddenProperty'), { key, value });
}

/** The flat model of a network; a network not made here is checked first. */
export function modelOf(net: Network, where: string): Model {
  if (net instanceof NetworkRecord) return NetworkRecord.modelOf(net);
  if (net == null || typeof net !== 'object') throw new ValueError(`${where}: expected a Network, got ${describeValue(net)}`);
  return NetworkRecord.modelOf(networkOf(net.layers, where) as NetworkRecord);
}

/**
 * A network with the sizes and activations of `model` and the given flat
 * weights, which it takes over: no copy, no checks.
 */
export function networkFromWeights(model: Model, weights: readonly Float64Array[]): Network {
  return networkFromModel({ ...model, weights });
}

/** A network over `model` and its weights, which it takes over: no copy, no checks. */
export function networkFromModel(model: Model): Network {
  const shared = model.shared ?? { scratch: null, compiled: undefined };
  return new NetworkRecord(undefined, model.shared === undefined ? { ...model, shared } : model);
}

/** The frozen layers over a model's weights, which they share: no copy, no checks. */
function layersOf(model: Model): readonly Layer[] {
  const { sizes, weights, activations } = model;
  const layers = new Array<Layer>(weights.length);
  for (let l = 0; l < weights.length; l++) layers[l] = layerFromData(weights[l], sizes[l], sizes[l + 1], activations[l]);
  return Object.freeze(layers);
}

/**
 * Makes a network of layers whose sizes chain: each layer takes as many
 * inputs as the one before has neurons.
 *
 * @param layers - the layers, from the input side; at least one.
 * @throws {@link ValueError} if there are no layers.
 * @throws {@link ShapeError} if two neighbouring layers' sizes do not chain.
 * @returns the network.
 *
 * @example
 * The notebook's 2-3-1 network:
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * net.layers.length; // => 2
 * ```
 */
export function create(layers: readonly Layer[]): Network {
  return networkOf(layers, 'Network.create');
}
