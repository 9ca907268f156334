/**
 * One fully-connected layer: its weights, with the bias row first, and its
 * activation; the forward pass, the backward pass and the update of one layer.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import { Activation } from '../math/activation.js';
import { ShapeError, ValueError } from '../errors.js';
import { freezeMatrix, sizeOf, toFlat, toMatrix, type Flat, type MatrixLike } from '../boundary/convert.js';
import { backwardLayer, forwardLayer, stepWeights } from '../engine/kernels.js';
import { checkActivation, checkColumns, checkLearningRate, checkResult } from '../boundary/validate.js';

/**
 * A fully-connected layer with `inputSize` inputs and `outputSize` neurons.
 * Immutable: `weights` cannot be written to, and every update returns a new
 * layer.
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

/**
 * What one layer's forward pass computes, kept for its backward pass: one
 * vector each for one example, one row per example for a batch.
 */
export interface LayerForward {
  /** The input `x`, without the bias entry. */
  readonly input: Matrix;
  /** The pre-activations `z = [-1, x] · weights`. */
  readonly z: Matrix;
  /** The activations `a = f(z)`. */
  readonly a: Matrix;
}

/** What one layer's backward pass computes. */
export interface LayerGradient {
  /** `∂L/∂z`, the layer's deltas, shaped like `z`. */
  readonly delta: Matrix;
  /** `∂L/∂weights`, shaped like the layer's weights. */
  readonly weights: Matrix;
  /** `∂L/∂input`, shaped like the input: the upstream gradient of the layer below. */
  readonly input: Matrix;
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
    throw new ValueError(`${where}: expected a Layer, got ${String(layer)}`);
  }
  return checkedLayer(layer.weights, layer.activation, where);
}

function create(weights: MatrixLike, activation: Activation): Layer {
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
  checkActivation(activation, where);
  return new LayerRecord(flat.data, flat.rows - 1, flat.cols, activation);
}

function forward(layer: Layer, input: MatrixLike): LayerForward {
  const own = ownLayer(layer, 'Layer.forward');
  const x = toFlat(input, 'Layer.forward: input');
  checkColumns(x, own.inputSize, 'Layer.forward', 'input');
  const size = x.rows * own.outputSize;
  const z = new Float64Array(size);
  const a = new Float64Array(size);
  forwardLayer(layerData(own), own.inputSize, own.outputSize, own.activation, x.data, x.rows, z, a);
  checkResult(a, 'Layer.forward', 'an activation');
  return {
    input: toMatrix(x.data, x.rows, x.cols, x.rank),
    z: toMatrix(z, x.rows, own.outputSize, x.rank),
    a: toMatrix(a, x.rows, own.outputSize, x.rank),
  };
}

function checkLike(value: Flat, like: Flat, where: string, what: string): void {
  if (value.rank !== like.rank || value.rows !== like.rows || value.cols !== like.cols) {
    throw new ShapeError(
      `${where}: ${what} must have size [${sizeOf(like).join(', ')}], got [${sizeOf(value).join(', ')}]`,
      sizeOf(like),
      sizeOf(value),
    );
  }
}

function gradient(layer: Layer, forward: LayerForward, upstream: MatrixLike): LayerGradient {
  const where = 'Layer.gradient';
  const own = ownLayer(layer, where);
  const x = toFlat(forward?.input, `${where}: forward.input`);
  checkColumns(x, own.inputSize, where, 'forward.input');
  const z = toFlat(forward.z, `${where}: forward.z`);
  const outputs = { ...x, cols: own.outputSize, data: z.data };
  checkLike(z, outputs, where, 'forward.z');
  const a = toFlat(forward.a, `${where}: forward.a`);
  checkLike(a, outputs, where, 'forward.a');
  const up = toFlat(upstream, `${where}: upstream`);
  checkLike(up, outputs, where, 'upstream');
  const delta = new Float64Array(z.data.length);
  const grad = new Float64Array((own.inputSize + 1) * own.outputSize);
  const inputGrad = new Float64Array(x.data.length);
  backwardLayer(
    layerData(own), own.inputSize, own.outputSize, own.activation,
    x.data, x.rows, z.data, a.data, up.data, delta, grad, inputGrad,
  );
  checkResult(grad, where, 'a weight gradient');
  checkResult(inputGrad, where, 'an input gradient');
  return {
    delta: toMatrix(delta, x.rows, own.outputSize, x.rank),
    weights: toMatrix(grad, own.inputSize + 1, own.outputSize, 2),
    input: toMatrix(inputGrad, x.rows, own.inputSize, x.rank),
  };
}

function sgdStep(layer: Layer, weightGradient: MatrixLike, learningRate: number): Layer {
  const where = 'Layer.sgdStep';
  const own = ownLayer(layer, where);
  const rate = checkLearningRate(learningRate, where);
  const grad = toFlat(weightGradient, `${where}: weightGradient`);
  const expected = [own.inputSize + 1, own.outputSize];
  if (grad.rank !== 2 || grad.rows !== expected[0] || grad.cols !== expected[1]) {
    throw new ShapeError(
      `${where}: weightGradient must have the weights' size [${expected.join(', ')}], got [${sizeOf(grad).join(', ')}]`,
      expected,
      sizeOf(grad),
    );
  }
  const data = layerData(own);
  const next = new Float64Array(data.length);
  stepWeights(data, grad.data, rate, next);
  checkResult(next, where, 'a new weight');
  return new LayerRecord(next, own.inputSize, own.outputSize, own.activation);
}

/**
 * Making, running and updating single layers.
 *
 * @namespace
 */
export const Layer = Object.freeze({
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
  create,
  /**
   * The forward pass of one layer: `z = [-1, x] · weights`, `a = f(z)`.
   * For one example (`n` inputs) `z` and `a` are vectors of `m`; for a
   * batch (`B × n`) they are `B × m`. Costs `B (n + 1) m` multiply-adds.
   *
   * @param layer - the layer.
   * @param input - one example of `n` numbers, or a batch of `B × n`.
   * @throws {@link ShapeError} if the input does not have `n` columns.
   * @returns the input, `z` and `a`, as new matrices.
   *
   * @example
   * ```ts
   * import { Layer, Activation } from 'mathjs-backprop';
   * const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
   * Layer.forward(hidden, [1, 2]).z.toArray(); // => [0, -2, 3]
   * ```
   */
  forward,
  /**
   * The backward pass of one layer, given `upstream = ∂L/∂a`:
   * `delta_j = upstream_j · f'(z_j, a_j)`, `∂L/∂weights[i][j] = x_i · delta_j`
   * with `x_0 = -1` (summed over the rows of a batch), and
   * `∂L/∂x_i = Σ_j weights[i][j] · delta_j` for the layer below.
   *
   * @param layer - the layer, with the weights before any update.
   * @param forward - its forward pass, as `Layer.forward` returned it.
   * @param upstream - `∂L/∂a`, shaped like `forward.a`.
   * @throws {@link ShapeError} if the shapes do not match the layer.
   * @returns `delta`, the weight gradient `weights` and `input = ∂L/∂x`.
   *
   * @example
   * The notebook's output layer, with `∂L/∂y = 2 (y - t)` for y = 0 and t = 5:
   * ```ts
   * import { Layer, Activation } from 'mathjs-backprop';
   * const output = Layer.create([[1], [2], [3], [-1]], Activation.identity);
   * const pass = Layer.forward(output, [0.5, 0.5, 0.5]);
   * const { delta, weights } = Layer.gradient(output, pass, [-10]);
   * delta.toArray(); // => [-10]
   * weights.toArray(); // => [[10], [-5], [-5], [-5]]
   * ```
   */
  gradient,
  /**
   * One gradient-descent step: `weights - learningRate · weightGradient`.
   *
   * @param layer - the layer; not changed.
   * @param weightGradient - `∂L/∂weights`, shaped like the weights.
   * @param learningRate - the step size η, positive and finite.
   * @throws {@link ShapeError} if the gradient is not shaped like the weights.
   * @throws {@link ValueError} if the learning rate is not positive and finite.
   * @returns a new layer with the same activation.
   *
   * @example
   * ```ts
   * import { Layer, Activation } from 'mathjs-backprop';
   * const layer = Layer.create([[1], [2]], Activation.identity);
   * Layer.sgdStep(layer, [[10], [-5]], 0.1).weights.toArray(); // => [[0], [2.5]]
   * ```
   */
  sgdStep,
});
