/**
 * One step of gradient descent on a network at the public boundary
 * (`Network.sgdStep`): every gradient with the old weights, then
 * `weights - learningRate · gradient` for every layer.
 *
 * @module
 */
import type { Network } from './network-record.js';
import { modelOf, networkFromModel } from './network-record.js';
import { vectorOf, type MatrixLike } from '../boundary/convert.js';
import { checkLearningRate, checkResult } from '../boundary/validate.js';
import type { Model } from '../engine/flat-model.js';
import { compiledExample, exampleSetOf, sgdPass } from '../engine/plain-step.js';
import { compiledStepOf } from '../engine/compiled-step.js';
import { squaredError } from '../math/losses.js';
import { copyWeights } from '../engine/slab.js';
import { batchOf } from './arguments.js';
import type { GradientOptions } from './gradient.js';
import { checkOptionNames } from '../boundary/options.js';
import { named } from '../boundary/pass-fault.js';
import { firstNonFinite } from '../engine/finite.js';

/** Options of `Network.sgdStep`. */
export interface StepOptions extends GradientOptions {
  /** The step size η: positive and finite. */
  readonly learningRate: number;
}

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
export function sgdStep(net: Network, input: MatrixLike, target: MatrixLike, options: StepOptions): Network {
  // NOTE: missing options are reported as the missing learningRate they lack.
  const { learningRate, loss: lossFunction } = checkOptionNames(options ?? {}, OPTION_NAMES, WHERE);
  const rate = checkLearningRate(learningRate, WHERE);
  const quick = compiledStep(modelOf(net, WHERE), input, target, lossFunction, rate);
  if (quick !== null) return quick;
  const batch = batchOf(net, input, target, lossFunction, WHERE);
  const model = batch.model;
  // The result's weights: one allocation, stepped in place; the input network's are only read.
  const next = steppedCopy(model);
  const set = exampleSetOf(next, batch.loss, batch.input.data, batch.targetRows, null);
  const rows = batch.input.rows;
  let loss: number;
  try {
    loss = sgdPass(set, null, 0, rows, rows, rate, null, null);
  } catch (error) {
    throw named(WHERE, error);
  }
  checkStepResult(loss, next.weights, batch.input.data, model.sizes[0]);
  return networkFromModel(next);
}

/**
 * The step of one example (a vector of numbers) through a tiny network's
 * compiled step with squared error, or null for anything else: a batch,
 * another loss, a network too large to compile, an input or target that is
 * not a vector of finite numbers of the right length, or a step that stops
 * at a number that is not finite. The full path then takes it, and refuses
 * what it should, with its messages.
 *
 * NOTE: the full path gives the same bits (it takes the same compiled
 * step); this one skips its objects (the checked batch, the example set),
 * which on the notebook's network cost a third of the step.
 */
function compiledStep(model: Model, input: MatrixLike, target: MatrixLike, loss: unknown, rate: number): Network | null {
  if (loss !== undefined && loss !== squaredError) return null;
  const compiled = compiledStepOf(model, squaredError);
  if (compiled === null) return null;
  const x = vectorOf(input, model.sizes[0]);
  const t = x === null ? null : vectorOf(target, model.sizes[model.sizes.length - 1]);
  if (x === null || t === null) return null;
  const next = steppedCopy(model);
  const value = compiledExample(compiled, next.weights, x, t, rate);
  if (value - value !== 0) return null;
  checkStepResult(value, next.weights, x, model.sizes[0]);
  return networkFromModel(next);
}

/** A model of the same architecture over a copy of `model`'s weights, for the network a step returns. */
function steppedCopy(model: Model): Model {
  const shared = model.shared ?? { scratch: null, compiled: undefined };
  return { sizes: model.sizes, weights: copyWeights(model.weights), activations: model.activations, shared };
}

const WHERE = 'Network.sgdStep';
const OPTION_NAMES: readonly string[] = ['learningRate', 'loss'];
/** The most weights of a first layer that the result check scans whole. */
const SCAN_WHOLE = 64;

/** Refuses a loss or a new weight that is NaN or infinite; the messages are made only for one that is. */
function checkStepResult(loss: number, weights: readonly Float64Array[], x: Float64Array, n: number): void {
  if (loss - loss !== 0) checkResult([loss], WHERE, 'the loss');
  for (let l = 0; l < weights.length; l++) {
    // A small first layer is scanned whole: choosing its rows would cost more.
    const k = l === 0 && weights[0].length > SCAN_WHOLE ? firstChangedNonFinite(weights[0], x, n) : firstNonFinite(weights[l]);
    if (k >= 0) checkResult(weights[l], WHERE, `a new weight of layer ${l + 1}`);
  }
}

/**
 * `firstNonFinite` of the first layer's new weights, looking only at the rows
 * a step can change: the bias row, and the row of every input that is not 0
 * in some example of `x` (`rows × n`).
 *
 * NOTE: the row of an input that is 0 in every example is the old row, bit
 * for bit (`w - rate · 0`, or skipped), and every network's weights are
 * finite (each way of making one refuses others). An MNIST digit is about
 * four fifths zeros, so this reads a fifth of the first layer.
 */
function firstChangedNonFinite(w: Float64Array, x: Float64Array, n: number): number {
  const m = w.length / (n + 1);
  const rows = x.length / n;
  let k = firstNonFinite(w, 0, m);
  for (let i = 0; i < n && k < 0; i++) {
    let used = false;
    for (let r = 0; r < rows && !used; r++) used = x[r * n + i] !== 0;
    if (used) k = firstNonFinite(w, (i + 1) * m, (i + 2) * m);
  }
  return k;
}
