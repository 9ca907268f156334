/**
 * Networks of layers: the forward pass, the gradient of the loss by
 * backpropagation, and the gradient-descent step, for one example or a batch.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import type { Layer, LayerForward } from './layer.js';
import type { Loss } from './loss.js';
import { toFlat, toMatrix, type Flat, type MatrixLike } from './internal/convert.js';
import { batchOf } from './internal/batch.js';
import { stepWeights } from './internal/kernels.js';
import { createWorkspace, forwardModel, gradientModel, type Model, type Workspace } from './internal/model.js';
import { modelOf, networkFromWeights, networkOf } from './internal/network-record.js';
import { checkColumns, checkLearningRate } from './internal/validate.js';
import { init } from './init.js';
import { train } from './train.js';
import { toJSON, fromJSON } from './json.js';
import { predictClass } from './classify.js';

/**
 * A stack of layers whose sizes chain: layer `i + 1` takes as many inputs as
 * layer `i` has neurons. Immutable: every update returns a new network.
 */
export interface Network {
  /** The layers, from the input side to the output side. */
  readonly layers: readonly Layer[];
}

/** What `Network.forward` returns. */
export interface NetworkForward {
  /** The output of the last layer: `m` numbers for one example, `B × m` for a batch. */
  readonly output: Matrix;
  /** Each layer's forward pass, from the input side. */
  readonly layers: readonly LayerForward[];
}

/** What `Network.gradient` returns. */
export interface NetworkGradient {
  /** The loss: of the example, or the mean over the batch. */
  readonly loss: number;
  /** The network's output for the input. */
  readonly output: Matrix;
  /** `∂L/∂weights` of each layer, shaped like that layer's weights. */
  readonly weights: readonly Matrix[];
  /** `∂L/∂z` of each layer, shaped like its `z`; in a batch each row carries the factor `1 / B`. */
  readonly deltas: readonly Matrix[];
}

/** Options of `Network.gradient`. */
export interface GradientOptions {
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss;
}

/** Options of `Network.sgdStep`. */
export interface StepOptions extends GradientOptions {
  /** The step size η: positive and finite. */
  readonly learningRate: number;
}

function outputOf(ws: Workspace, input: Flat, l: number, model: Model, data: Float64Array): Matrix {
  return toMatrix(data, ws.rows, model.sizes[l + 1], input.rank);
}

function create(layers: readonly Layer[]): Network {
  return networkOf(layers, 'Network.create');
}

function forward(net: Network, input: MatrixLike): NetworkForward {
  const model = modelOf(net, 'Network.forward');
  const x = toFlat(input, 'Network.forward: input');
  checkColumns(x, model.sizes[0], 'Network.forward', 'input');
  const ws = createWorkspace(model, x.rows);
  forwardModel(model, x.data, ws);
  const layers = model.weights.map((_, l) => ({
    input: l === 0 ? toMatrix(x.data, x.rows, x.cols, x.rank) : outputOf(ws, x, l - 1, model, ws.a[l - 1]),
    z: outputOf(ws, x, l, model, ws.z[l]),
    a: outputOf(ws, x, l, model, ws.a[l]),
  }));
  return { output: layers[layers.length - 1].a, layers };
}

function predict(net: Network, input: MatrixLike): Matrix {
  const model = modelOf(net, 'Network.predict');
  const x = toFlat(input, 'Network.predict: input');
  checkColumns(x, model.sizes[0], 'Network.predict', 'input');
  const ws = createWorkspace(model, x.rows);
  forwardModel(model, x.data, ws);
  const last = model.weights.length - 1;
  return outputOf(ws, x, last, model, ws.a[last]);
}

function gradient(net: Network, input: MatrixLike, target: MatrixLike, options: GradientOptions = {}): NetworkGradient {
  const batch = batchOf(net, input, target, options?.loss, 'Network.gradient');
  const { model, input: x } = batch;
  const ws = createWorkspace(model, x.rows);
  const loss = gradientModel(model, x.data, batch.targetRows, batch.loss, ws);
  const last = model.weights.length - 1;
  return {
    loss,
    output: outputOf(ws, x, last, model, ws.a[last]),
    weights: ws.grads.map((g, l) => toMatrix(g, model.sizes[l] + 1, model.sizes[l + 1], 2)),
    deltas: ws.delta.map((d, l) => outputOf(ws, x, l, model, d)),
  };
}

function sgdStep(net: Network, input: MatrixLike, target: MatrixLike, options: StepOptions): Network {
  const where = 'Network.sgdStep';
  const rate = checkLearningRate(options?.learningRate, where);
  const batch = batchOf(net, input, target, options.loss, where);
  const { model } = batch;
  const ws = createWorkspace(model, batch.input.rows);
  gradientModel(model, batch.input.data, batch.targetRows, batch.loss, ws);
  const next = model.weights.map((w, l) => {
    const out = new Float64Array(w.length);
    stepWeights(w, ws.grads[l], rate, out);
    return out;
  });
  return networkFromWeights(model, next);
}

/**
 * Making, running, differentiating and training networks.
 *
 * @namespace
 */
export const Network = Object.freeze({
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
  create,
  /**
   * The forward pass through every layer, keeping each layer's input, `z`
   * and `a`. One example of `n` numbers gives vectors; a batch of `B × n`
   * gives `B`-row matrices.
   *
   * @param net - the network.
   * @param input - one example, or a batch with one example per row.
   * @throws {@link ShapeError} if the input does not fit the first layer.
   * @returns the output and every layer's forward pass.
   *
   * @example
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
   * Network.forward(net, [3]).output.toArray(); // => [5]
   * ```
   */
  forward,
  /**
   * The network's output only: `Network.forward(net, input).output`,
   * without keeping the layers' passes.
   *
   * @param net - the network.
   * @param input - one example, or a batch with one example per row.
   * @throws {@link ShapeError} if the input does not fit the first layer.
   * @returns the output, `m` numbers or `B × m`.
   *
   * @example
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
   * Network.predict(net, [[3], [0]]).toArray(); // => [[5], [-1]]
   * ```
   */
  predict,
  /**
   * The loss and its gradient for every weight, by backpropagation. The
   * output delta is `∂L/∂y ⊙ f'(z)` (`2 (y - t)` for squared error and an
   * identity output); each hidden delta is
   * `delta_j = (Σ_k W[j][k] · delta_k) · f'(z_j)`, with the weights of the
   * layer above; `∂L/∂W[i][j] = x_i · delta_j` with `x_0 = -1`. For a batch
   * the loss is the mean over its rows, and so is each gradient.
   * Costs about three forward passes.
   *
   * @param net - the network.
   * @param input - one example, or a batch with one example per row.
   * @param target - shaped like the output.
   * @param options - the loss.
   * @throws {@link ShapeError} if the input or target does not fit.
   * @throws {@link ValueError} if a number is not finite or the loss is not one.
   * @returns the loss, output, weight gradients and deltas.
   *
   * @example
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
   * const g = Network.gradient(net, [3], [4]); // y = -1 + 2·3 = 5
   * g.loss; // => 1
   * g.weights[0].toArray(); // => [[-2], [6]]
   * ```
   */
  gradient,
  /**
   * One step of gradient descent: every gradient is computed with the old
   * weights, then each layer becomes `weights - learningRate · ∂L/∂weights`.
   * With a batch it is a mini-batch step on the mean gradient.
   *
   * @param net - the network; not changed.
   * @param input - one example, or a batch with one example per row.
   * @param target - shaped like the output.
   * @param options - the learning rate and the loss.
   * @throws {@link ShapeError} if the input or target does not fit.
   * @throws {@link ValueError} if the learning rate is not positive and finite.
   * @returns a new network.
   *
   * @example
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
   * const next = Network.sgdStep(net, [3], [4], { learningRate: 0.1 });
   * next.layers[0].weights.toArray(); // => [[1.2], [1.4]]
   * ```
   */
  sgdStep,
  /** TODO(issue 3): document with an example. */
  init,
  /** TODO(issue 3): document with an example. */
  train,
  /** TODO(issue 3): document with an example. */
  predictClass,
  /** TODO(issue 3): document with an example. */
  toJSON,
  /** TODO(issue 3): document with an example. */
  fromJSON,
});
