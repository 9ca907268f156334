/**
 * Random initial weights from a seeded generator of our own.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import * as builtIn from '../math/activations.js';
import { ValueError } from '../errors.js';
import type { Network } from '../model/network-record.js';
import { networkFromWeights } from './network-record.js';
import { checkSeed, createRandom, type Random } from '../engine/random.js';
import { checkChoice, checkOptionNames, checkPositiveInteger } from '../boundary/options.js';
import { checkActivation } from '../math/activation-type.js';
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
   * @defaultValue `Activation.sigmoid`
   */
  readonly activation?: Activation;
  /**
   * The activation of the output layer.
   * @defaultValue `Activation.identity`
   */
  readonly outputActivation?: Activation;
  /**
   * The seed of the random generator: an integer from 0 to 2^32 - 1. The
   * same seed gives bit-identical weights on every platform.
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * How the weights are scaled, for every layer alike; see {@link InitScheme}.
   * @defaultValue `'he'` when `activation` is relu or a leakyRelu, else `'xavier'`
   */
  readonly scheme?: InitScheme;
}

const WHERE = 'Network.init';
const OPTION_NAMES = ['activation', 'outputActivation', 'seed', 'scheme'];
const SCHEMES: readonly InitScheme[] = ['xavier', 'he'];

/** Refuses sizes that are not at least two positive integers. */
function checkSizes(sizes: unknown): readonly number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    const got = Array.isArray(sizes) ? `[${sizes.join(', ')}]` : String(sizes);
    throw new ValueError(`${WHERE}: sizes must list at least 2 layer sizes (inputs, then each layer's neurons), got ${got}`);
  }
  sizes.forEach((size, i) => checkPositiveInteger(size, `sizes[${i}]`, WHERE));
  return sizes;
}

function isReluLike(activation: Activation): boolean {
  return activation.name === 'relu' || isLeakyReluName(activation.name);
}

function schemeOf(scheme: unknown, activation: Activation): InitScheme {
  if (scheme === undefined) return isReluLike(activation) ? 'he' : 'xavier';
  return checkChoice(scheme, SCHEMES, 'scheme', WHERE);
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
 * @param options - the hidden and output activations, the seed and the scheme.
 * @throws {@link ValueError} if there are fewer than 2 sizes, a size is
 *   not a positive integer, the seed is not an integer from 0 to 2^32 - 1,
 *   the scheme is not `'xavier'` or `'he'`, an activation is not one, or
 *   an option is unknown.
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
 * ```
 */
export function init(sizes: readonly number[], options: InitOptions = {}): Network {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const checked = checkSizes(sizes);
  const { activation = builtIn.sigmoid, outputActivation = builtIn.identity, seed = 0 } = options;
  const hidden = checkActivation(activation, `${WHERE}: activation`);
  const output = checkActivation(outputActivation, `${WHERE}: outputActivation`);
  const scheme = schemeOf(options.scheme, hidden);
  const random = createRandom(checkSeed(seed, WHERE));
  const last = checked.length - 2;
  const weights = checked.slice(0, -1).map((n, l) =>
    layerWeights(n, checked[l + 1], limitOf(scheme, n, checked[l + 1]), random),
  );
  const activations = weights.map((_, l) => (l === last ? output : hidden));
  return networkFromWeights({ sizes: [...checked], weights, activations }, weights);
}
