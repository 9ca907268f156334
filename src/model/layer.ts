/**
 * One fully-connected layer: the `Layer` type, its one implementation over
 * flat weights (bias row first), and making a layer from a matrix.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import type { Activation } from '../math/activation-type.js';
import { ShapeError, ValueError } from '../errors.js';
import { freezeMatrix, sizeOf, toFlat, toMatrix, type MatrixLike } from '../boundary/convert.js';
import { ownActivation } from '../math/activation-registry.js';
import { describeValue } from '../boundary/describe.js';

/**
 * A fully-connected layer with `inputSize` inputs and `outputSize` neurons.
 * Deeply immutable: the layer is frozen, so assigning `activation`,
 * `inputSize`, `outputSize` or `weights` throws in strict code; `weights`
 * and its data and size are frozen too; every update returns a new layer.
 */
export interface Layer {
  /**
   * The `(inputSize + 1) × outputSize` weights. Row 0 holds the bias
   * weights, on the constant input -1; entry `[i][j]` connects input `i` to
   * neuron `j`. Frozen: writing to it throws.
   */
  readonly weights: Matrix;
  /** The activation applied to every neuron's pre-activation. */
  readonly activation: Activation;
  /** The number of inputs `n`, not counting the bias. */
  readonly inputSize: number;
  /** The number of neurons `m`. */
  readonly outputSize: number;
}

class LayerRecord implements Layer {
  readonly activation: Activation;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly #data: Float64Array;
  #matrix: Matrix | undefined;

  constructor(data: Float64Array, inputSize: number, outputSize: number, activation: Activation) {
    this.#data = data;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.activation = activation;
    Object.freeze(this);
  }

  get weights(): Matrix {
    this.#matrix ??= freezeMatrix(toMatrix(this.#data, this.inputSize + 1, this.outputSize, 2));
    return this.#matrix;
  }

  static dataOf(layer: LayerRecord): Float64Array {
    return layer.#data;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): object {
    return { activation: this.activation.name, weights: this.weights.toArray() };
  }
}

/** @internal A layer over `data`, which it takes over: no copy, no checks. */
export function layerFromData(data: Float64Array, inputSize: number, outputSize: number, activation: Activation): Layer {
  return new LayerRecord(data, inputSize, outputSize, activation);
}

/** @internal The flat weights of a layer made by this library; read only. */
export function layerData(layer: Layer): Float64Array {
  return LayerRecord.dataOf(layer as LayerRecord);
}

/** @internal `layer` itself if this library made it, else a checked copy. */
export function ownLayer(layer: Layer, where: string): Layer {
  if (layer instanceof LayerRecord) return layer;
  if (layer == null || typeof layer !== 'object') {
    throw new ValueError(`${where}: expected a Layer, got ${describeValue(layer)}`);
  }
  return checkedLayer(layer.weights, layer.activation, where);
}

/**
 * Makes a layer from its weights and activation. The weights are copied,
 * so later changes to the argument do not reach the layer.
 *
 * @param weights - `(n + 1) × m`: row 0 the bias weights (on input -1),
 *   row `i` the weights of input `i`, one column per neuron.
 * @param activation - the activation of every neuron.
 * @throws {@link ShapeError} if `weights` is not a matrix of at least 2 rows.
 * @throws {@link ValueError} if an entry is not a finite number or the
 *   activation is not one.
 * @returns the new layer.
 *
 * @example
 * The notebook's hidden layer: 2 inputs, 3 sigmoid neurons.
 * ```ts
 * import { Layer, Activation } from 'mathjs-backprop';
 * const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
 * hidden.inputSize; // => 2
 * hidden.outputSize; // => 3
 * ```
 */
export function create(weights: MatrixLike, activation: Activation): Layer {
  return checkedLayer(weights, activation, 'Layer.create');
}

/** A layer over a checked copy of `weights`; `where` starts the error messages. */
function checkedLayer(weights: MatrixLike, activation: Activation, where: string): Layer {
  const flat = toFlat(weights, `${where}: weights`);
  if (flat.rank !== 2 || flat.rows < 2) {
    throw new ShapeError(
      `${where}: weights must be a matrix of (inputs + 1) rows, the first for the bias, and one column per neuron; got size [${sizeOf(flat).join(', ')}]`,
      [2, flat.cols],
      sizeOf(flat),
    );
  }
  return new LayerRecord(flat.data, flat.rows - 1, flat.cols, ownActivation(activation, where));
}

