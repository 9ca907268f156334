/**
 * Random initial weights from a seeded generator of our own.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import * as builtIn from '../math/activations.js';
import { ShapeError, ValueError } from '../errors.js';
import type { Network } from '../model/network-record.js';
import { networkFromWeights } from './network-record.js';
import { checkSeed, createRandom, type Random } from '../engine/random.js';
import { checkChoice, checkOptionNames, checkPositiveInteger } from '../boundary/options.js';
import { ownActivation } from '../math/activation-registry.js';
import { checkCount, MAX_LAYER_WEIGHTS } from '../boundary/limits.js';
import { isLeakyReluName } from '../math/activations.js';

/**
 * How `Network.init` scales its random weights, for a layer with `fanIn`
 * inputs and `fanOut` neurons; each weight is uniform on `[-limit, limit]`.
 * - `'xavier'` (Glorot uniform): `limit = sqrt(6 / (fanIn + fanOut))`, which
 *   keeps the variance of the signal about the same from layer to layer for
 *   sigmoid, tanh and identity units.
 * - `'he'` (He uniform): `limit = sqrt(6 / fanIn)`, twice Glorot's variance
 *   for equal fans, which makes up for relu zeroing half its inputs.
 */
export type InitScheme = 'xavier' | 'he';

/** Options of `Network.init`. */
export interface InitOptions {
  /**
   * The activation of every hidden layer (every layer but the last).
   * Not together with `activations`.
   * @defaultValue `Activation.sigmoid`
   */
  readonly activation?: Activation | undefined;
  /**
   * The activation of the output layer. Not together with `activations`.
   * @defaultValue `Activation.identity`
   */
  readonly outputActivation?: Activation | undefined;
  /**
   * One activation per layer, from the input side: `sizes.length - 1` of
   * them, the last being the output layer's. An alternative to
   * `activation` and `outputActivation`, for hidden layers that differ;
   * `activations: [f, f, g]` makes the same network, bit for bit, as
   * `activation: f, outputActivation: g`.
   * @defaultValue none: `activation` and `outputActivation` apply
   */
  readonly activations?: readonly Activation[] | undefined;
  /**
   * The seed of the random generator: an integer from 0 to 2^32 - 1. The
   * same seed gives bit-identical weights on every platform.
   * @defaultValue 0
   */
  readonly seed?: number | undefined;
  /**
   * How the weights are scaled, for every layer alike; see {@link InitScheme}.
   * @defaultValue `'he'` when `activation` is relu or a leakyRelu, else
   *   `'xavier'`; with `activations`, chosen layer by layer the same way:
   *   `'he'` for a relu or leakyRelu hidden layer and for the output layer
   *   above one, else `'xavier'`
   */
  readonly scheme?: InitScheme | undefined;
}

const WHERE = 'Network.init';
const OPTION_NAMES = ['activation', 'outputActivation', 'activations', 'seed', 'scheme'];
const SCHEMES: readonly InitScheme[] = ['xavier', 'he'];

/** Refuses sizes that are not at least two positive integers, or make a layer of more than MAX_LAYER_WEIGHTS weights. */
function checkSizes(sizes: unknown): readonly number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    const got = Array.isArray(sizes) ? `[${sizes.join(', ')}]` : String(sizes);
    throw new ValueError(`${WHERE}: sizes must list at least 2 layer sizes (inputs, then each layer's neurons), got ${got}`);
  }
  sizes.forEach((size, i) => checkPositiveInteger(size, `sizes[${i}]`, WHERE));
  for (let l = 0; l + 1 < sizes.length; l++) {
    checkCount((sizes[l] + 1) * sizes[l + 1], MAX_LAYER_WEIGHTS, `${WHERE}: layer ${l} ((${sizes[l]} + 1) × ${sizes[l + 1]} weights)`);
  }
  return sizes;
}

function isReluLike(activation: Activation): boolean {
  return activation.name === 'relu' || isLeakyReluName(activation.name);
}

function schemeOf(scheme: unknown, activation: Activation): InitScheme {
  if (scheme === undefined) return isReluLike(activation) ? 'he' : 'xavier';
  return checkChoice(scheme, SCHEMES, 'scheme', WHERE);
}

/**
 * The activation of every layer, from `activations` or from `activation`
 * and `outputActivation` (the defaults sigmoid and identity), refusing both
 * forms together and a list of the wrong length.
 */
function activationsOf(options: InitOptions, layers: number): Activation[] {
  const { activations, activation, outputActivation } = options;
  if (activations === undefined) {
    const hidden = ownActivation(activation === undefined ? builtIn.sigmoid : activation, `${WHERE}: activation`);
    const output = ownActivation(outputActivation === undefined ? builtIn.identity : outputActivation, `${WHERE}: outputActivation`);
    return Array.from({ length: layers }, (_, l) => (l === layers - 1 ? output : hidden));
  }
  if (activation !== undefined || outputActivation !== undefined) {
    const given = activation !== undefined ? 'activation' : 'outputActivation';
    throw new ValueError(`${WHERE}: give either activations (one per layer) or activation and outputActivation, not both; got activations and ${given}`);
  }
  if (!Array.isArray(activations)) {
    throw new ValueError(`${WHERE}: activations must be an array of one activation per layer, got ${String(activations)}`);
  }
  if (activations.length !== layers) {
    throw new ShapeError(
      `${WHERE}: activations must hold one activation per layer (${layers} for ${layers + 1} sizes), got ${activations.length}`,
      [layers],
      [activations.length],
    );
  }
  return Array.from(activations, (a, l) => ownActivation(a, `${WHERE}: activations[${l}]`));
}

/**
 * The scheme of each layer. With `activation`/`outputActivation` it is
 * chosen once from the hidden activation, for every layer alike.
 *
 * NOTE: with `activations`, each layer is scaled for the hidden activation
 * nearest it: a hidden layer for its own, the output layer for the last
 * hidden layer's (whose outputs it takes in); a network with no hidden
 * layer gets `'xavier'`, as with the default sigmoid `activation`. So
 * `[f, ..., f, g]` gives the schemes `activation: f, outputActivation: g`
 * does. An explicit `scheme` applies to every layer either way.
 */
function schemesOf(options: InitOptions, activations: readonly Activation[]): InitScheme[] {
  const last = activations.length - 1;
  if (options.activations === undefined || options.scheme !== undefined) {
    // The hidden activation decides, even in a network with no hidden layer.
    const scheme = schemeOf(options.scheme, options.activations === undefined ? (options.activation === undefined ? builtIn.sigmoid : options.activation) : builtIn.sigmoid);
    return activations.map(() => scheme);
  }
  return activations.map((_, l) => (last === 0 ? 'xavier' : schemeOf(undefined, activations[Math.min(l, last - 1)])));
}

/** The half-width of the uniform distribution of a layer's weights. */
function limitOf(scheme: InitScheme, fanIn: number, fanOut: number): number {
  return scheme === 'he' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
}

/** `(n + 1) × m` weights: a zero bias row, then `limit · (2u - 1)` row by row. */
function layerWeights(n: number, m: number, limit: number, random: Random): Float64Array {
  const weights = new Float64Array((n + 1) * m);
  for (let k = m; k < weights.length; k++) weights[k] = limit * (2 * random.nextDouble() - 1);
  return weights;
}

/**
 * Makes a network with random weights from the library's own seeded
 * generator, so the same seed gives bit-identical weights on every
 * platform. Layer `l` has `sizes[l]` inputs and `sizes[l + 1]` neurons;
 * its bias row is all zeros and every other weight is uniform on
 * `[-limit, limit]`: `w = limit · (2u - 1)` with `u` uniform on `[0, 1)`,
 * where `limit = sqrt(6 / (fanIn + fanOut))` (Xavier/Glorot, the default)
 * or `limit = sqrt(6 / fanIn)` (He, the default for relu and leakyRelu
 * hidden layers). The uniform forms need only `+ - * /` and `sqrt`, which
 * IEEE 754 rounds exactly, hence the same bits everywhere. The weights are
 * drawn layer by layer, row by row. Costs one draw per weight.
 *
 * @param sizes - the number of inputs, then each layer's number of
 *   neurons: `[2, 3, 1]` is the notebook's 2-3-1 network.
 * @param options - the hidden and output activations (or one activation
 *   per layer), the seed and the scheme.
 * @throws {@link ValueError} if there are fewer than 2 sizes, a size is
 *   not a positive integer, the seed is not an integer from 0 to 2^32 - 1,
 *   the scheme is not `'xavier'` or `'he'`, an activation is not one,
 *   `activations` comes with `activation` or `outputActivation`, or an
 *   option is unknown.
 * @throws {@link ShapeError} if `activations` does not hold one activation
 *   per layer.
 * @returns a new network: sigmoid hidden layers and an identity output
 *   unless the options say otherwise.
 *
 * @example
 * A 2-3-1 network; seed 42 gives these weights on every platform:
 * ```ts
 * import { Network, Activation } from 'mathjs-backprop';
 * const net = Network.init([2, 3, 1], { seed: 42 });
 * net.layers[0].weights.size(); // => [3, 3]
 * net.layers[0].weights.toArray()[0]; // => [0, 0, 0]
 * net.layers[1].weights.get([1, 0]); // => 0.72869343803543
 * net.layers[0].activation === Activation.sigmoid; // => true
 * net.layers[1].activation === Activation.identity; // => true
 * // One activation per layer: relu, tanh, then a sigmoid output.
 * const mixed = Network.init([2, 4, 3, 1], {
 *   activations: [Activation.relu, Activation.tanh, Activation.sigmoid],
 * });
 * mixed.layers.map((layer) => layer.activation.name); // => ['relu', 'tanh', 'sigmoid']
 * ```
 */
export function init(sizes: readonly number[], options: InitOptions = {}): Network {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const checked = checkSizes(sizes);
  const activations = activationsOf(options, checked.length - 1);
  const schemes = schemesOf(options, activations);
  const random = createRandom(checkSeed(options.seed ?? 0, WHERE));
  const weights = checked.slice(0, -1).map((n, l) =>
    layerWeights(n, checked[l + 1], limitOf(schemes[l], n, checked[l + 1]), random),
  );
  return networkFromWeights({ sizes: [...checked], weights, activations }, weights);
}
