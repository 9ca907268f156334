/**
 * The forward pass of a network at the public boundary: every layer's
 * input, `z` and `a` (`Network.forward`), or the output alone
 * (`Network.predict`), for one example or a batch.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import type { LayerForward } from './layer-pass.js';
import type { Network } from './network-record.js';
import { toMatrix, type Flat, type MatrixLike } from '../boundary/convert.js';
import type { Model, Workspace } from '../engine/flat-model.js';
import { forwardPass } from './arguments.js';

/** What `Network.forward` returns. */
export interface NetworkForward {
  /** The output of the last layer: `m` numbers for one example, `B × m` for a batch. */
  readonly output: Matrix;
  /** Each layer's forward pass, from the input side. */
  readonly layers: LayerForward[];
}

/** Layer `l`'s values in `data` (its `z`, `a` or delta) as a matrix shaped like the input. */
export function outputOf(ws: Workspace, input: Flat, l: number, model: Model, data: Float64Array): Matrix {
  return toMatrix(data, ws.rows, model.sizes[l + 1], input.rank);
}

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
export function forward(net: Network, input: MatrixLike): NetworkForward {
  const { model, input: x, ws } = forwardPass(net, input, 'Network.forward');
  const layers = model.weights.map((_, l) => ({
    input: l === 0 ? toMatrix(x.data, x.rows, x.cols, x.rank) : outputOf(ws, x, l - 1, model, ws.a[l - 1]),
    z: outputOf(ws, x, l, model, ws.z[l]),
    a: outputOf(ws, x, l, model, ws.a[l]),
  }));
  return { output: layers[layers.length - 1].a, layers };
}

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
export function predict(net: Network, input: MatrixLike): Matrix {
  const { model, input: x, ws, output } = forwardPass(net, input, 'Network.predict');
  return outputOf(ws, x, model.weights.length - 1, model, output);
}
