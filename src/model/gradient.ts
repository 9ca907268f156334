/**
 * The gradient of the loss with respect to every weight, by
 * backpropagation, at the public boundary (`Network.gradient`).
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import type { Loss } from '../math/loss-type.js';
import type { Network } from './network-record.js';
import { toMatrix, type MatrixLike } from '../boundary/convert.js';
import { checkResult } from '../boundary/validate.js';
import { createWorkspace, gradientModel } from '../engine/flat-model.js';
import { batchOf } from './arguments.js';
import { outputOf } from './forward.js';
import { checkOptionNames } from '../boundary/options.js';
import { withName } from '../boundary/pass-fault.js';

/** What `Network.gradient` returns. */
export interface NetworkGradient {
  /** The loss: of the example, or the mean over the batch. */
  readonly loss: number;
  /** The network's output for the input. */
  readonly output: Matrix;
  /** `∂L/∂weights` of each layer, shaped like that layer's weights. */
  readonly weights: Matrix[];
  /** `∂L/∂z` of each layer, shaped like its `z`; in a batch each row carries the factor `1 / B`. */
  readonly deltas: Matrix[];
  /**
   * `∂L/∂x`, shaped like the input: a vector for one example, `B × n` for a
   * batch (each row with the factor `1 / B`); `delta_0 · W_0[1..n]ᵀ`, the
   * first layer's deltas carried back through its weights without the bias row.
   */
  readonly input: Matrix;
}

/** Options of `Network.gradient`. */
export interface GradientOptions {
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss | undefined;
}

/**
 * The loss and its gradient for every weight, by backpropagation. The
 * output delta is `∂L/∂y ⊙ f'(z)` (`2 (y - t)` for squared error and an
 * identity output); each hidden delta is
 * `delta_j = (Σ_k W[j][k] · delta_k) · f'(z_j)`, with the weights of the
 * layer above; `∂L/∂W[i][j] = x_i · delta_j` with `x_0 = -1`; and the
 * gradient for the input, `∂L/∂x_i = Σ_j W_0[i][j] · delta_j` (the bias row
 * skipped). For a batch the loss is the mean over its rows, and so is each
 * gradient. Costs about three forward passes.
 *
 * @param net - the network.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - the loss.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if a number is not finite or the loss is not one.
 * @returns the loss, output, weight gradients, deltas and input gradient.
 *
 * @example
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
 * const g = Network.gradient(net, [3], [4]); // y = -1 + 2·3 = 5
 * g.loss; // => 1
 * g.weights[0].toArray(); // => [[-2], [6]]
 * g.input.toArray(); // => [4]
 * ```
 *
 * @example
 * The input gradient of a batch: one row per example, each with the factor 1/B.
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[0, 0], [1, 3]], Activation.identity)]);
 * // y = (x, 3x); dL/dx = (2(x - t1) + 6(3x - t2)) / 2 for a batch of 2
 * Network.gradient(net, [[1], [2]], [[0, 0], [0, 0]]).input.toArray(); // => [[10], [20]]
 * ```
 */
export function gradient(net: Network, input: MatrixLike, target: MatrixLike, options: GradientOptions = {}): NetworkGradient {
  // NOTE: null options are the defaults, as they always were.
  const { loss: lossFunction } = checkOptionNames(options ?? {}, ['loss'], 'Network.gradient');
  const batch = batchOf(net, input, target, lossFunction, 'Network.gradient');
  const { model, input: x } = batch;
  const ws = createWorkspace(model, x.rows);
  const inputGrad = new Float64Array(x.data.length);
  const loss = withName('Network.gradient', () => gradientModel(model, x.data, batch.targetRows, batch.loss, ws, inputGrad));
  checkResult([loss], 'Network.gradient', 'the loss');
  ws.grads.forEach((g, l) => checkResult(g, 'Network.gradient', `the gradient of layer ${l + 1}`, model.sizes[l + 1]));
  checkResult(inputGrad, 'Network.gradient', 'the gradient of the input');
  const last = model.weights.length - 1;
  return {
    loss,
    output: outputOf(ws, x, last, model, ws.a[last]),
    weights: ws.grads.map((g, l) => toMatrix(g, model.sizes[l] + 1, model.sizes[l + 1], 2)),
    deltas: ws.delta.map((d, l) => outputOf(ws, x, l, model, d)),
    input: toMatrix(inputGrad, x.rows, x.cols, x.rank),
  };
}
