/**
 * Random initial weights from a seeded generator of our own.
 *
 * @module
 */
import { Activation } from '../math/activation.js';
import { ValueError } from '../errors.js';
import type { Network } from '../namespaces/network.js';
import { networkFromWeights } from './network-record.js';
import { checkSeed, createRandom, type Random } from '../engine/random.js';
import { checkChoice, checkOptionNames } from '../boundary/options.js';
import { checkActivation } from '../boundary/validate.js';

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
  sizes.forEach((size, i) => {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
      throw new ValueError(`${WHERE}: sizes[${i}] must be a positive integer, got ${String(size)}`);
    }
  });
  return sizes;
}

function isReluLike(activation: Activation): boolean {
  return activation.name === 'relu' || activation.name.startsWith('leakyRelu(');
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

/** See `Network.init` in network.ts for the documentation. */
export function init(sizes: readonly number[], options: InitOptions = {}): Network {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const checked = checkSizes(sizes);
  const { activation = Activation.sigmoid, outputActivation = Activation.identity, seed = 0 } = options;
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
