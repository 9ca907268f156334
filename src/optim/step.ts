/**
 * `Optimizer.step`: one update of every layer from given gradients, the
 * state in and a new state out. Checks everything once, then runs the
 * kernels of updates.ts on fresh copies, so nothing given is changed.
 */
import { checkResult } from '../boundary/validate.js';
import { modelOf, networkFromWeights, type Network } from '../model/network-record.js';
import { ShapeError, ValueError } from '../errors.js';
import { sizeOf, toFlat, type MatrixLike } from '../boundary/convert.js';
import { type Model } from '../engine/flat-model.js';
import { checkOptimizer } from './build.js';
import { describeValue } from '../boundary/describe.js';
import { readState, stateOf, type LayerBuffers } from './state.js';
import { adamLayer, decayGradient, decayWeights, rmspropLayer, sgdMomentum, sgdPlain } from './updates.js';
import type {
  AdamOptimizer, AdamWOptimizer, AnyOptimizer, OptimizerState, RmspropOptimizer, SgdOptimizer,
} from './types.js';

/** What `Optimizer.step` returns. */
export interface OptimizerStep {
  /** The network with the updated weights. */
  readonly network: Network;
  /** The state after the step: its step count one more, frozen. */
  readonly state: OptimizerState;
}

/** Copies the gradients, refusing a wrong count or a shape unlike the layer's weights. */
function readGradients(gradients: unknown, model: Model, where: string): Float64Array[] {
  const count = model.weights.length;
  if (!Array.isArray(gradients)) {
    throw new ValueError(`${where}: gradients must be an array of matrices, one per layer, got ${describeValue(gradients)}`);
  }
  if (gradients.length !== count) {
    throw new ShapeError(`${where}: gradients must have one matrix per layer, ${count}, got ${gradients.length}`, [count], [gradients.length]);
  }
  return Array.from(gradients as unknown[], (g, l) => {
    const flat = toFlat(g, `${where}: gradients[${l}]`);
    const expected = [model.sizes[l] + 1, model.sizes[l + 1]];
    if (flat.rank !== 2 || flat.rows !== expected[0] || flat.cols !== expected[1]) {
      const actual = sizeOf(flat);
      throw new ShapeError(
        `${where}: gradients[${l}] must have the shape of layer ${l}'s weights [${expected.join(', ')}], got [${actual.join(', ')}]`,
        expected, actual,
      );
    }
    return flat.data;
  });
}

/** The new weights of layer `l` into `out`; `g` and `buffers` are the step's own and change. */
function updateLayer(
  o: AnyOptimizer, w: Float64Array, g: Float64Array, buffers: LayerBuffers,
  t: number, from: number, c1: number, c2: number, out: Float64Array,
): void {
  if (o.name !== 'adamW' && o.weightDecay !== 0) decayGradient(g, w, o.weightDecay, from);
  switch (o.name) {
    case 'sgd':
      if (o.momentum === 0) sgdPlain(w, g, o.learningRate, out);
      else sgdMomentum(w, g, buffers.momentum, t === 1, o.momentum, o.dampening, o.nesterov, o.learningRate, out);
      return;
    case 'adamW':
      // Decoupled decay first, into `out`; then Adam on the decayed weights, in place.
      if (o.weightDecay !== 0) decayWeights(w, o.learningRate, o.weightDecay, from, out);
      adamLayer(o.weightDecay !== 0 ? out : w, g, buffers.firstMoment, buffers.secondMoment,
        o.beta1, o.beta2, c1, c2, o.epsilon, o.learningRate, out);
      return;
    case 'adam':
      adamLayer(w, g, buffers.firstMoment, buffers.secondMoment,
        o.beta1, o.beta2, c1, c2, o.epsilon, o.learningRate, out);
      return;
    case 'rmsprop':
      rmspropLayer(w, g, buffers.squareAverage, o.momentum > 0 ? buffers.momentum : null, o.alpha, o.epsilon, o.momentum, o.learningRate, out);
  }
}

/** Adam's bias correction `1 - beta^t`, once per step; 1 (unused) for the others. */
function correctionAt(o: AnyOptimizer, t: number, which: 'beta1' | 'beta2'): number {
  return o.name === 'adam' || o.name === 'adamW' ? 1 - Math.pow(o[which], t) : 1;
}

/**
 * Step `t` (from 1) of `o` on the flat weights of `model`, written to `out`
 * (one array per layer; may be `model.weights` itself, to step in place).
 * Updates `buffers` in place, and `grads` too when there is weight decay.
 * Checks nothing, allocates nothing: for `Optimizer.step` and the training
 * loop, which have checked their inputs once.
 */
export function stepFlat(
  o: AnyOptimizer, model: Model, grads: readonly Float64Array[], buffers: readonly LayerBuffers[],
  t: number, out: readonly Float64Array[],
): void {
  const c1 = correctionAt(o, t, 'beta1');
  const c2 = correctionAt(o, t, 'beta2');
  for (let l = 0; l < model.weights.length; l++) {
    updateLayer(o, model.weights[l], grads[l], buffers[l], t, o.decayBias ? 0 : model.sizes[l + 1], c1, c2, out[l]);
  }
}

/**
 * One step of `optimizer` on every layer of `net`, from the gradients of
 * the loss and the state of the steps before. The formulas are those of
 * each constructor (PyTorch's, in float64); the step count `t` is
 * `state.step + 1`. Costs a few operations per weight; the given network,
 * gradients and state are not changed.
 *
 * @param optimizer - from `Optimizer.sgd`, `adam`, `adamW` or `rmsprop`.
 * @param net - the network to update.
 * @param gradients - `∂L/∂weights` of each layer, shaped like its weights,
 *   as `Network.gradient(...).weights` returns them.
 * @param state - from `Optimizer.init` or the previous step (or
 *   `JSON.parse` of either), for the same optimiser and network shape.
 * @throws {@link ValueError} if the optimiser is not one, the network is
 *   not one, a gradient entry is not a finite number, the state belongs to
 *   another optimiser or is damaged (a missing or unknown buffer, an entry
 *   that is not finite, a negative mean square, a step count that is not a
 *   non-negative integer), or a new weight is not finite.
 * @throws {@link ShapeError} if there is not one gradient per layer, a
 *   gradient is not shaped like its layer's weights, or the state was made
 *   for a network of other sizes.
 * @returns the updated network and the new state, both frozen.
 *
 * @example
 * Two steps of SGD with momentum 0.5 on one weight pair, gradient 1 each time:
 * the buffer is 1, then 0.5 · 1 + 1 = 1.5.
 * ```ts
 * import { Layer, Activation, Network, Optimizer } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[0], [1]], Activation.identity)]);
 * const sgd = Optimizer.sgd({ learningRate: 0.1, momentum: 0.5 });
 * const first = Optimizer.step(sgd, net, [[[1], [1]]], Optimizer.init(sgd, net));
 * const second = Optimizer.step(sgd, first.network, [[[1], [1]]], first.state);
 * second.state.step; // => 2
 * second.state.layers[0].buffers.momentum; // => [1.5, 1.5]
 * second.network.layers[0].weights.toArray(); // => [[-0.25], [0.75]]
 * ```
 */
export function step(
  optimizer: SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer,
  net: Network,
  gradients: readonly MatrixLike[],
  state: OptimizerState,
): OptimizerStep {
  const where = 'Optimizer.step';
  const o = checkOptimizer(optimizer, where);
  const model = modelOf(net, where);
  const grads = readGradients(gradients, model, where);
  const { step: done, buffers } = readState(state, o, model, where);
  const t = done + 1;
  const weights = model.weights.map((w) => new Float64Array(w.length));
  stepFlat(o, model, grads, buffers, t, weights);
  weights.forEach((w, l) => checkResult(w, where, `a new weight of layer ${l}`));
  return Object.freeze({ network: networkFromWeights(model, weights), state: stateOf(o, t, model, buffers) });
}
