/**
 * One layer's forward pass, backward pass and gradient-descent update, at
 * the public boundary (`Layer.forward`, `Layer.gradient`, `Layer.sgdStep`).
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import { ShapeError } from '../errors.js';
import { sizeOf, toFlat, toMatrix, type Flat, type MatrixLike } from '../boundary/convert.js';
import { checkColumns, checkLearningRate, checkResult } from '../boundary/validate.js';
import { backwardLayer, forwardLayer, stepWeights } from '../engine/kernels.js';
import { withName } from '../boundary/pass-fault.js';
import { checkDelta, checkForward } from '../engine/finite.js';
import { layerData, layerFromData, ownLayer, type Layer } from './layer.js';

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
export function forward(layer: Layer, input: MatrixLike): LayerForward {
  const own = ownLayer(layer, 'Layer.forward');
  const x = toFlat(input, 'Layer.forward: input');
  checkColumns(x, own.inputSize, 'Layer.forward', 'input');
  const size = x.rows * own.outputSize;
  const z = new Float64Array(size);
  const a = new Float64Array(size);
  forwardLayer(layerData(own), own.inputSize, own.outputSize, own.activation, x.data, x.rows, z, a);
  withName('Layer.forward', () => checkForward([own.inputSize, own.outputSize], 0, own.activation, own.outputSize, z, a));
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
export function gradient(layer: Layer, forward: LayerForward, upstream: MatrixLike): LayerGradient {
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
  withName(where, () => checkDelta([own.inputSize, own.outputSize], 0, own.activation, own.outputSize, z.data, a.data, up.data, delta));
  checkResult(grad, where, 'a weight gradient');
  checkResult(inputGrad, where, 'an input gradient');
  return {
    delta: toMatrix(delta, x.rows, own.outputSize, x.rank),
    weights: toMatrix(grad, own.inputSize + 1, own.outputSize, 2),
    input: toMatrix(inputGrad, x.rows, own.inputSize, x.rank),
  };
}

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
export function sgdStep(layer: Layer, weightGradient: MatrixLike, learningRate: number): Layer {
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
  return layerFromData(next, own.inputSize, own.outputSize, own.activation);
}

