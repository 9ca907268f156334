/**
 * Networks of layers: the forward pass, the gradient of the loss by
 * backpropagation, and the gradient-descent step, for one example or a batch.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import type { Layer, LayerForward } from '../model/layer.js';
import type { Loss } from '../math/loss.js';
import { toFlat, toMatrix, type Flat, type MatrixLike } from '../boundary/convert.js';
import { batchOf, forwardPass } from '../model/arguments.js';
import { stepWeights } from '../engine/kernels.js';
import { trainExample } from '../engine/fused-step.js';
import { copyWeights } from '../engine/slab.js';
import { createWorkspace, forwardModel, gradientModel, type Model, type Workspace } from '../engine/flat-model.js';
import { modelOf, networkFromModel, networkOf } from '../model/network-record.js';
import { checkColumns, checkLearningRate, checkResult } from '../boundary/validate.js';
import { init } from '../model/init.js';
import { train } from '../train/train.js';
import { toJSON, fromJSON } from '../model/json.js';
import { predictClass } from '../model/classify.js';
import { explain } from '../teach/explain.js';

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
  const { model, input: x, ws } = forwardPass(net, input, 'Network.forward');
  const layers = model.weights.map((_, l) => ({
    input: l === 0 ? toMatrix(x.data, x.rows, x.cols, x.rank) : outputOf(ws, x, l - 1, model, ws.a[l - 1]),
    z: outputOf(ws, x, l, model, ws.z[l]),
    a: outputOf(ws, x, l, model, ws.a[l]),
  }));
  return { output: layers[layers.length - 1].a, layers };
}

function predict(net: Network, input: MatrixLike): Matrix {
  const { model, input: x, ws, output } = forwardPass(net, input, 'Network.predict');
  return outputOf(ws, x, model.weights.length - 1, model, output);
}

function gradient(net: Network, input: MatrixLike, target: MatrixLike, options: GradientOptions = {}): NetworkGradient {
  const batch = batchOf(net, input, target, options?.loss, 'Network.gradient');
  const { model, input: x } = batch;
  const ws = createWorkspace(model, x.rows);
  const loss = gradientModel(model, x.data, batch.targetRows, batch.loss, ws);
  checkResult([loss], 'Network.gradient', 'the loss');
  ws.grads.forEach((g, l) => checkResult(g, 'Network.gradient', `the gradient of layer ${l}`));
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
  const { model, input: x } = batch;
  const next: Model = { ...model, weights: copyWeights(model.weights) };
  let loss: number;
  if (x.rows === 1) {
    loss = trainExample(next, x.data, batch.target.data, batch.loss, rate);
  } else {
    const ws = createWorkspace(model, x.rows);
    loss = gradientModel(model, x.data, batch.targetRows, batch.loss, ws);
    next.weights.forEach((w, l) => stepWeights(w, ws.grads[l], rate, w));
  }
  checkResult([loss], where, 'the loss');
  next.weights.forEach((w, l) => checkResult(w, where, `a new weight of layer ${l}`));
  return networkFromModel(next);
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
  init,
  /**
   * Trains a network by gradient descent and returns the trained copy with
   * its loss history. Each epoch shuffles the examples (unless `shuffle` is
   * false), cuts them into batches of `batchSize` rows (the last one
   * smaller when they do not divide evenly) and takes one step per batch,
   * exactly as `Network.sgdStep` on that batch would:
   * `weights = weights - learningRate · mean over the batch of ∂L/∂weights`.
   * `losses[e]` is the mean of epoch `e`'s batch losses, each taken with the
   * weights before its step. With `validation`, the loss on those examples
   * after each epoch is reported too. `onEpoch` sees each epoch's results
   * and stops training by returning `false`.
   * The input network is not changed: its weights are copied once, and the
   * loop then updates that copy in place without allocating. Costs about
   * three forward passes per example per epoch.
   *
   * @param net - the network to start from; not changed.
   * @param inputs - `N × n`, one example per row.
   * @param targets - `N × m`, one target per row.
   * @param options - the learning rate and epochs, and optionally the batch
   *   size, shuffling, seed, loss, `onEpoch` and validation data.
   * @throws {@link ShapeError} if the inputs, targets or validation data do
   *   not fit the network or each other, or are not matrices.
   * @throws {@link ValueError} if an option is missing, unknown or out of
   *   range, a number is not finite, or training diverges (a loss or weight
   *   becomes NaN or infinite).
   * @returns the trained network, `losses` and, with validation data,
   *   `validationLosses`.
   *
   * @example
   * Fitting `y = -w_0 + w_1 · x` to x = 1, t = 2 from zero weights: the
   * first step, with `∂L/∂w = 2(y - t) · [-1, 1] = [4, -4]`, lands on the answer.
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[0], [0]], Activation.identity)]);
   * const { network, losses } = Network.train(net, [[1]], [[2]], { learningRate: 0.25, epochs: 2 });
   * losses; // => [4, 0]
   * network.layers[0].weights.toArray(); // => [[-1], [1]]
   * const early = Network.train(net, [[1]], [[2]], {
   *   learningRate: 0.25,
   *   epochs: 100,
   *   onEpoch: ({ loss }) => loss > 0, // stop once an epoch's loss is 0
   * });
   * early.losses; // => [4, 0]
   * ```
   */
  train,
  /**
   * The class the network predicts for each example: the index of the
   * largest output (argmax), the lowest index when several outputs tie.
   * A network with a single output is read as a binary classifier whose
   * output is the probability of class 1 (a sigmoid output): its class is
   * `y >= 0.5 ? 1 : 0`, so 0.5 itself counts as class 1. Since softmax
   * keeps the order of its inputs, the argmax of the logits of a
   * `Loss.softmaxCrossEntropy` network is its most probable class.
   * Costs one forward pass; does not change its arguments.
   *
   * @param net - the network.
   * @param input - one example of `n` numbers, or a batch of `B × n`.
   * @throws {@link ShapeError} if the input does not fit the first layer.
   * @throws {@link ValueError} if an output is NaN (from a custom activation).
   * @returns the class index for one example; an array of `B` for a batch.
   *
   * @example
   * Three classes scored by identity neurons `[x1, x2, (x1 + x2) / 2]`:
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([
   *   Layer.create([[0, 0, 0], [1, 0, 0.5], [0, 1, 0.5]], Activation.identity),
   * ]);
   * Network.predictClass(net, [2, 1]); // => 0
   * // [1, 1] scores [1, 1, 1]: a tie, which goes to the lowest index.
   * Network.predictClass(net, [[2, 1], [1, 2], [1, 1]]); // => [0, 1, 0]
   * // One sigmoid output: class 1 when y >= 0.5.
   * const binary = Network.create([Layer.create([[0], [1]], Activation.sigmoid)]);
   * Network.predictClass(binary, [[-1], [0], [2]]); // => [0, 1, 1]
   * ```
   */
  predictClass,
  /**
   * Saves a network as plain JSON data: the format's name and version, and
   * each layer's activation by name with its weights as rows of numbers.
   * `JSON.stringify` writes every weight so that it reads back exactly (but
   * JSON has no -0, which comes back as 0). A custom activation is saved by
   * the name it was given with `Activation.define`, and must be defined
   * again, under that name, before the document is read back elsewhere.
   * Does not change the network.
   *
   * @param net - the network.
   * @throws {@link UnknownNameError} if an activation was not made with
   *   `Activation.define` and is not built in, so it could not be read back.
   * @throws {@link ValueError} if an activation has the name of another one.
   * @returns a new {@link NetworkJSON}, for `JSON.stringify` or `Network.fromJSON`.
   *
   * @example
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([Layer.create([[0.5], [2]], Activation.leakyRelu(0.1))]);
   * const saved = Network.toJSON(net);
   * saved.format; // => 'mathjs-backprop/network'
   * JSON.stringify(saved.layers); // => '[{"activation":"leakyRelu(0.1)","weights":[[0.5],[2]]}]'
   * Network.predict(Network.fromJSON(JSON.stringify(saved)), [1]).toArray(); // => [1.5]
   * ```
   */
  toJSON,
  /**
   * Reads a network saved by `Network.toJSON`, as the object or as its JSON
   * string. Checks everything it reads (fields it does not read are
   * ignored): the format's name and version, that every layer has an
   * activation known to `Activation.byName` (define custom ones with
   * `Activation.define` first) and rectangular weights of at least 2 rows
   * of finite numbers, and that each layer takes as many inputs as the one
   * before has neurons. The round trip predicts bit for bit what the saved
   * network did. Does not change its argument.
   *
   * @param json - a {@link NetworkJSON}, or the string `JSON.stringify` made of one.
   * @throws {@link FormatError} naming the path of the first problem, e.g.
   *   `layers[1].weights[0][2] must be a finite number, got "x"`.
   * @returns the network.
   *
   * @example
   * ```ts
   * import { Network, FormatError } from 'mathjs-backprop';
   * const text = '{"format":"mathjs-backprop/network","version":1,' +
   *   '"layers":[{"activation":"identity","weights":[[1],[2]]}]}';
   * Network.predict(Network.fromJSON(text), [3]).toArray(); // => [5]
   * try {
   *   Network.fromJSON({ format: 'mathjs-backprop/network', version: 2, layers: [] });
   * } catch (error) {
   *   (error as FormatError).path; // => 'version'
   * }
   * ```
   */
  fromJSON,
  /**
   * Every number of one step of backpropagation on one example, as plain
   * data (numbers, strings and arrays, no matrices), for teaching and
   * checking by hand: the forward pass, the loss, the backward pass and the
   * update, computed by the same code as `Network.gradient` and
   * `Network.sgdStep`, so these are the library's own numbers (the updated
   * weights are bit for bit those of `Network.sgdStep`). For each layer,
   * with the bias input first (`input[0] = -1`):
   * `z_j = Σ_i input[i] · weights[i][j]`, `a_j = f(z_j)`;
   * `upstream_j = ∂L/∂a_j`, which is `∂L/∂y_j` at the output and
   * `Σ_k W[j + 1][k] · δ_k` below it (`W`, `δ`: the layer above, old weights);
   * `δ_j = upstream_j · f'(z_j)`; `gradient[i][j] = input[i] · δ_j`;
   * `updatedWeights[i][j] = weights[i][j] - η · gradient[i][j]`.
   * Only one example (a 1-D input): for a batch, explain its rows one at a
   * time. Render the result with `explanationToMarkdown`, or draw it with
   * `networkToSVG(net, { explanation })`. Costs about one gradient; does
   * not change its arguments.
   *
   * @param net - the network; not changed.
   * @param input - one example: a vector of `n` numbers.
   * @param target - a vector shaped like the output.
   * @param options - the learning rate η and the loss.
   * @throws {@link ShapeError} if the input is a batch (2-D), or the input
   *   or target does not fit the network.
   * @throws {@link ValueError} if the learning rate is not positive and
   *   finite, a number is not finite, or the loss is not one; also if a
   *   result overflows (a weight or input too large).
   * @returns an {@link Explanation}, JSON-serialisable.
   *
   * @example
   * The notebook's example: the hidden sums and deltas, the loss, and the
   * new weight V_{0,1}.
   * ```ts
   * import { Network, Layer, Activation } from 'mathjs-backprop';
   * const net = Network.create([
   *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
   *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
   * ]);
   * const step = Network.explain(net, [1, 2], [5], { learningRate: 0.1 });
   * step.layers[0].input; // => [-1, 1, 2]
   * step.layers[0].z; // => [0, -2, 3]
   * step.loss; // => 31.303637388
   * step.layers[1].delta; // => [-11.189930722]
   * step.layers[0].derivative[0]; // => 0.25
   * step.layers[0].updatedWeights[0][0]; // => 0.440503464
   * ```
   */
  explain,
});
