/**
 * fast-check arbitraries of networks: sizes and activations drawn from
 * ranges and lists, weights drawn one by one or made by `Network.init`
 * from a drawn seed.
 *
 * @module
 */
import * as fc from 'fast-check';
import { Layer, Network, type Activation } from '../index.js';
import { builtInActivations } from './built-ins.js';
import { matrixArbitrary } from './numbers.js';
import { activationCode, printedAs, printedAsCreated } from './print.js';
import { activationList, checkKeys, sizeRange, valueRange, type Bounds, type SizeRange, type ValueRange } from './options.js';

/** The sizes and activations of a random network; see {@link networkArbitrary}. */
export interface NetworkShapeOptions {
  /**
   * How many layers (weight matrices): 1 is a single layer, inputs
   * straight to outputs.
   * @defaultValue `{ min: 1, max: 3 }`
   */
  readonly layers?: SizeRange | undefined;
  /**
   * How many neurons each layer has, and how many inputs the network takes,
   * unless `inputSize` or `outputSize` says otherwise.
   * @defaultValue `{ min: 1, max: 4 }`
   */
  readonly width?: SizeRange | undefined;
  /**
   * How many inputs the network takes.
   * @defaultValue `width`
   */
  readonly inputSize?: SizeRange | undefined;
  /**
   * How many outputs (neurons of the last layer) the network has.
   * @defaultValue `width`
   */
  readonly outputSize?: SizeRange | undefined;
  /**
   * The activations to draw from, for each hidden layer; and for the output
   * layer too unless `outputActivations` is given, so that a list of one
   * custom activation puts it in every layer.
   * @defaultValue {@link builtInActivations}
   */
  readonly activations?: readonly Activation[] | undefined;
  /**
   * The activations to draw the output layer's from.
   * @defaultValue `activations`
   */
  readonly outputActivations?: readonly Activation[] | undefined;
}

/** Options of {@link networkArbitrary}. */
export interface NetworkArbitraryOptions extends NetworkShapeOptions {
  /**
   * The range of every weight, bias weights included. The default keeps a
   * pre-activation within `1 + width` of zero for inputs in `[-1, 1]`, where
   * sigmoid and tanh are not yet flat.
   * @defaultValue `{ min: -1, max: 1 }`
   */
  readonly weights?: ValueRange | undefined;
}

/** The checked shape options. */
export interface Shape {
  readonly layers: Bounds;
  readonly inputSize: Bounds;
  readonly width: Bounds;
  readonly outputSize: Bounds;
  readonly activations: readonly Activation[];
  readonly outputActivations: readonly Activation[];
}

/** The keys of {@link NetworkShapeOptions}. */
export const SHAPE_KEYS: readonly string[] = ['layers', 'width', 'inputSize', 'outputSize', 'activations', 'outputActivations'];

/** The keys of {@link NetworkArbitraryOptions}. */
export const NETWORK_KEYS: readonly string[] = [...SHAPE_KEYS, 'weights'];

/** Checks the shape options of `options` and fills in the defaults. */
export function shapeOf(options: NetworkShapeOptions, where: string): Shape {
  const width = sizeRange(options.width, { min: 1, max: 4 }, 'width', where);
  const activations = activationList(options.activations, builtInActivations, 'activations', where);
  return {
    layers: sizeRange(options.layers, { min: 1, max: 3 }, 'layers', where),
    width,
    inputSize: sizeRange(options.inputSize, width, 'inputSize', where),
    outputSize: sizeRange(options.outputSize, width, 'outputSize', where),
    activations,
    outputActivations: activationList(options.outputActivations, activations, 'outputActivations', where),
  };
}

/** `[inputs, neurons of layer 0, ..., outputs]`; the layer count drawn first, uniformly. */
function sizesArbitrary(shape: Shape): fc.Arbitrary<number[]> {
  return fc.integer(shape.layers).chain((layers) =>
    fc.tuple(
      fc.integer(shape.inputSize),
      ...Array.from({ length: layers - 1 }, () => fc.integer(shape.width)),
      fc.integer(shape.outputSize),
    ));
}

/** One layer of each pair of neighbouring sizes, its activation from the right list. */
function layersArbitrary(sizes: readonly number[], shape: Shape, weights: Bounds): fc.Arbitrary<Layer[]> {
  const last = sizes.length - 2;
  const layers = sizes.slice(1).map((m, l) =>
    fc.tuple(matrixArbitrary(sizes[l] + 1, m, weights), fc.constantFrom(...(l === last ? shape.outputActivations : shape.activations)))
      .map(([w, activation]) => Layer.create(w, activation)));
  return fc.tuple(...layers);
}

/**
 * Random networks: a layer count and sizes from the ranges, each layer's
 * activation from a list, and every weight drawn on its own from a range.
 * fast-check shrinks a failing network towards fewer, narrower layers and
 * weights nearer 0, and prints it as the `Network.create(...)` call that
 * rebuilds it, every weight in full. Deterministic given fast-check's seed.
 *
 * @param options - the ranges of the sizes and weights and the activations.
 * @throws {@link mathjs-backprop!ValueError | ValueError} (when called, not when
 *   drawing) if an option is unknown, a size range has ends that are not
 *   integers >= 1 or a min above its max, a weight range is not finite, or
 *   an activation list is empty.
 * @returns an arbitrary of {@link Network}s.
 *
 * @example
 * Every network is a chain of layers within the ranges asked for:
 * ```ts
 * import fc from 'fast-check';
 * import { networkArbitrary } from 'mathjs-backprop/testing';
 * const arbitrary = networkArbitrary({ layers: 2, inputSize: 3, outputSize: 1, weights: { min: -0.5, max: 0.5 } });
 * const [net] = fc.sample(arbitrary, { seed: 42, numRuns: 1 });
 * net.layers.length; // => 2
 * [net.layers[0].inputSize, net.layers[1].outputSize]; // => [3, 1]
 * net.layers.every((layer) => layer.weights.toArray().flat().every((w) => Math.abs(w) <= 0.5)); // => true
 * ```
 */
export function networkArbitrary(options: NetworkArbitraryOptions = {}): fc.Arbitrary<Network> {
  checkKeys(options, NETWORK_KEYS, 'networkArbitrary');
  return networksOf(options, 'networkArbitrary');
}

/** `networkArbitrary` of options whose keys are checked; `where` names the caller in errors. */
export function networksOf(options: NetworkArbitraryOptions, where: string): fc.Arbitrary<Network> {
  const shape = shapeOf(options, where);
  const weights = valueRange(options.weights, { min: -1, max: 1 }, 'weights', where);
  return sizesArbitrary(shape)
    .chain((sizes) => layersArbitrary(sizes, shape, weights))
    .map((layers) => printedAsCreated(Network.create(layers)));
}

/**
 * Random networks made by `Network.init` from drawn sizes and a drawn seed:
 * fast-check draws `{ sizes, seed }` (and the hidden and output activation
 * from the lists), so the weights are what `Network.init` gives, scaled by
 * its Xavier or He scheme, with zero bias weights. A failing network is
 * printed as the `Network.init(...)` call that makes it again.
 * Deterministic given fast-check's seed.
 *
 * @param options - the ranges of the sizes, and the activations; every
 *   hidden layer gets the same one, as `Network.init` gives it.
 * @throws {@link mathjs-backprop!ValueError | ValueError} if an option is unknown or
 *   out of range, as for {@link networkArbitrary}.
 * @returns an arbitrary of {@link Network}s.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Activation } from 'mathjs-backprop';
 * import { seededNetworkArbitrary } from 'mathjs-backprop/testing';
 * const arbitrary = seededNetworkArbitrary({ layers: 2, width: { min: 2, max: 3 }, activations: [Activation.tanh] });
 * const [net] = fc.sample(arbitrary, { seed: 1, numRuns: 1 });
 * net.layers.map((layer) => layer.activation.name); // => ['tanh', 'tanh']
 * fc.stringify(net).startsWith('Network.init(['); // => true
 * ```
 */
export function seededNetworkArbitrary(options: NetworkShapeOptions = {}): fc.Arbitrary<Network> {
  const where = 'seededNetworkArbitrary';
  checkKeys(options, SHAPE_KEYS, where);
  const shape = shapeOf(options, where);
  return fc
    .tuple(sizesArbitrary(shape), fc.nat(), fc.constantFrom(...shape.activations), fc.constantFrom(...shape.outputActivations))
    .map(([sizes, seed, activation, outputActivation]) => {
      const net = Network.init(sizes, { activation, outputActivation, seed });
      const code = `Network.init(${JSON.stringify(sizes)}, { activation: ${activationCode(activation.name)}, ` +
        `outputActivation: ${activationCode(outputActivation.name)}, seed: ${seed} })`;
      return printedAs(net, code);
    });
}
