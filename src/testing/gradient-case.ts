/**
 * `gradientCase`: a network with data that fits it, in one arbitrary, ready
 * for `gradientCheck`.
 *
 * @module
 */
import * as fc from 'fast-check';
import { ValueError, type Network } from '../index.js';
import { BATCH_KEYS, batchSettings, dataArbitrary, type BatchOptions, type NetworkData } from './data-arbitrary.js';
import { clearOfKinks } from './kinks.js';
import { NETWORK_KEYS, networksOf, type NetworkArbitraryOptions } from './network-arbitrary.js';
import { checkKeys } from './options.js';

/** Options of {@link gradientCase}: those of the network, of the data, and two of its own. */
export interface GradientCaseOptions extends NetworkArbitraryOptions, BatchOptions {
  /**
   * The networks to draw from, instead of `networkArbitrary` with the
   * options above: `seededNetworkArbitrary(...)`, say, or your own. Not
   * together with the network options (`layers`, `width`, `inputSize`,
   * `outputSize`, `activations`, `outputActivations`, `weights`).
   * @defaultValue `networkArbitrary(options)`
   */
  readonly network?: fc.Arbitrary<Network> | undefined;
  /**
   * How far, at least, every pre-activation of a neuron whose activation
   * declares `kinks` (relu and leakyRelu at 0) is kept from each kink, on
   * every example of the input: the bias weights of the neurons that come
   * closer are moved by a few margins, layer by layer. Then no weight's
   * finite difference crosses a kink, and `gradientCheck` counts every
   * weight instead of setting some aside with a warning. 1e-3 is far above
   * what a step of ε = 1e-6 in a weight moves a `z` by, for weights and
   * inputs of the default ranges. 0 turns it off. An activation without
   * `kinks` is left alone, corners or not: declare them in
   * `Activation.define`, and the corners of its derivative too (softsign's
   * at 0), near which a central difference is only first-order accurate.
   * @defaultValue 1e-3
   */
  readonly kinkMargin?: number | undefined;
}

/** A network with an input and a target that fit it: one {@link gradientCase}. */
export interface GradientCase extends NetworkData {
  /** The network. */
  readonly net: Network;
}

/** The networks to draw from: the `network` option, or `networkArbitrary` of the network options. */
function networksFor(options: GradientCaseOptions, where: string): fc.Arbitrary<Network> {
  if (options.network === undefined) return networksOf(options, where);
  const given = NETWORK_KEYS.filter((key) => (options as Record<string, unknown>)[key] !== undefined);
  const network = options.network as Partial<fc.Arbitrary<Network>> | null;
  if (network === null || typeof network !== 'object' || typeof network.chain !== 'function') {
    throw new ValueError(`${where}: network must be a fast-check Arbitrary of networks, got ${String(options.network)}`);
  }
  if (given.length > 0) {
    throw new ValueError(`${where}: give either network or the network options, not both; got network and ${given.join(', ')}`);
  }
  return options.network;
}

function marginOf(value: unknown, where: string): number {
  if (value === undefined) return 1e-3;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${where}: kinkMargin must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Random `{ net, input, target }`: a network from `networkArbitrary` (or
 * the `network` option), then an input and target that fit it, as one
 * example or a batch, with relu-like pre-activations kept `kinkMargin` away
 * from their kinks. Made for property tests of a custom activation or
 * loss: `gradientCheck(net, input, target).ok` should hold for every case.
 * Deterministic given fast-check's seed; a failing case is printed with its
 * network as the code that rebuilds it.
 *
 * @param options - the network's sizes, activations and weight range (or
 *   `network`), the data's shape and ranges, and `kinkMargin`.
 * @throws {@link mathjs-backprop!ValueError | ValueError} (when called) if an option
 *   is unknown or out of range, or `network` comes with network options.
 * @returns an arbitrary of {@link GradientCase}s.
 *
 * @example
 * A custom activation, checked in every layer of many networks:
 * ```ts
 * import fc from 'fast-check';
 * import { Activation, gradientCheck } from 'mathjs-backprop';
 * import { gradientCase } from 'mathjs-backprop/testing';
 * const isru = Activation.define({
 *   name: 'isru-in-gradient-case',
 *   apply: (z) => z / Math.sqrt(1 + z * z),
 *   derivative: (z) => 1 / (1 + z * z) ** 1.5,
 * });
 * const property = fc.property(gradientCase({ activations: [isru] }), ({ net, input, target }) =>
 *   gradientCheck(net, input, target).ok);
 * fc.check(property, { seed: 1, numRuns: 50 }).failed; // => false
 * ```
 *
 * @example
 * Relu networks whose pre-activations stay 1e-3 from the kink, so no weight is set aside:
 * ```ts
 * import fc from 'fast-check';
 * import { Activation, gradientCheck } from 'mathjs-backprop';
 * import { gradientCase } from 'mathjs-backprop/testing';
 * const cases = fc.sample(gradientCase({ activations: [Activation.relu], shape: 'batch' }), { seed: 2, numRuns: 30 });
 * cases.every(({ net, input, target }) => gradientCheck(net, input, target).warnings.length === 0); // => true
 * ```
 */
export function gradientCase(options: GradientCaseOptions = {}): fc.Arbitrary<GradientCase> {
  const where = 'gradientCase';
  checkKeys(options, [...NETWORK_KEYS, ...BATCH_KEYS, 'network', 'kinkMargin'], where);
  const networks = networksFor(options, where);
  const settings = batchSettings(options, where);
  const margin = marginOf(options.kinkMargin, where);
  return networks.chain((net) => {
    const inputs = net.layers[0].inputSize;
    const outputs = net.layers[net.layers.length - 1].outputSize;
    return dataArbitrary(inputs, outputs, settings).map(({ input, target }) => ({ net: clearOfKinks(net, input, margin), input, target }));
  });
}
