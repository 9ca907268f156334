/**
 * Training a network by stochastic or mini-batch gradient descent.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import { PassFault, describeFault } from '../boundary/pass-fault.js';
import type { EpochInfo, TrainOptions, TrainResult } from './options.js';
import type { Network } from '../model/network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import type { CompiledStep } from '../engine/flat-model.js';
import { exampleStep } from '../engine/fused-step.js';
import { stepWeights } from '../engine/kernels.js';
import { createWorkspace, gradientModel, lossModel, type Model, type Workspace } from '../engine/flat-model.js';
import { compiledStepOf } from '../engine/compiled-step.js';
import { modelOf, networkFromWeights } from '../model/network-record.js';
import { createRandom, shuffleInPlace, type Random } from '../engine/random.js';
import { datasetOf, settingsOf, type Dataset, type Settings } from './settings.js';


const WHERE = 'Network.train';

/** Everything the loop writes, allocated once before it. */
interface Buffers {
  /** The model over the working copy of the weights, updated in place. */
  readonly model: Model;
  readonly order: Uint32Array;
  /** The input rows of the current batch, `batchSize × n`. */
  readonly gather: Float64Array;
  /** The target rows of the current batch (views, not copies). */
  readonly targets: Float64Array[];
  readonly full: Workspace;
  readonly partial: Workspace | null;
  readonly validation: Workspace | null;
  /** The straight-line step of a tiny network with squared error, or null. */
  readonly compiled: CompiledStep | null;
}

function buffersOf(model: Model, data: Dataset, settings: Settings): Buffers {
  const rows = data.x.rows;
  const size = Math.min(settings.batchSize, rows);
  const working: Model = { ...model, weights: model.weights.map((w) => w.slice()) };
  return {
    model: working,
    order: Uint32Array.from({ length: rows }, (_, i) => i),
    gather: new Float64Array(size * model.sizes[0]),
    targets: Array.from({ length: size }, () => data.targetRows[0]),
    full: createWorkspace(working, size),
    partial: rows % size > 0 ? createWorkspace(working, rows % size) : null,
    validation: settings.validation ? createWorkspace(working, settings.validation.x.rows) : null,
    compiled: compiledStepOf(working, settings.loss),
  };
}

/**
 * One step on the single example `row`: the compiled step when there is one,
 * which reads the example where it lies, else the fused step of the loops.
 */
function stepExample(b: Buffers, data: Dataset, settings: Settings, row: number, ws: Workspace): number {
  const n = b.model.sizes[0];
  const x = data.x.data;
  const target = data.targetRows[row];
  if (b.compiled !== null) {
    const value = b.compiled(b.model.weights, x, row * n, target, 0, settings.learningRate);
    // NOTE: NaN, with no weight changed, means a z was not finite: the loops below then say where.
    if (value - value === 0) return value;
  }
  for (let i = 0; i < n; i++) b.gather[i] = x[row * n + i];
  return exampleStep(b.model, b.gather, target, settings.loss, settings.learningRate, ws);
}

/** One step on the `ws.rows` examples from `order[start]` on; returns their mean loss. */
function stepBatch(b: Buffers, data: Dataset, settings: Settings, start: number, ws: Workspace): number {
  if (ws.rows === 1) return stepExample(b, data, settings, b.order[start], ws);
  const n = b.model.sizes[0];
  const x = data.x.data;
  for (let r = 0; r < ws.rows; r++) {
    const row = b.order[start + r];
    b.targets[r] = data.targetRows[row];
    for (let i = 0; i < n; i++) b.gather[r * n + i] = x[row * n + i];
  }
  const loss = gradientModel(b.model, b.gather, b.targets, settings.loss, ws);
  const weights = b.model.weights;
  for (let l = 0; l < weights.length; l++) stepWeights(weights[l], ws.grads[l], settings.learningRate, weights[l]);
  return loss;
}

/**
 * A fault from inside a step as `Network.train`'s error: the epoch, the
 * example by its row in `inputs` (`exampleOf` maps the batch's rows), and
 * advice that fits the cause: a lower learning rate for an overflow, the
 * custom activation or loss by name when it returned the bad number.
 */
function trainFault(error: unknown, epoch: number, rate: number, exampleOf: (row: number) => number): unknown {
  if (!(error instanceof PassFault)) return error;
  const f = error.fault;
  const advice = f.source.kind === 'overflow' ? `; training diverged: try a learningRate below ${rate}` : '';
  const message = `${WHERE}: in epoch ${epoch}, ${describeFault(f, exampleOf(f.example))}${advice}`;
  return new PassFault(f, message);
}

/** One pass over the data; returns the mean of its batch losses. */
function runEpoch(b: Buffers, data: Dataset, settings: Settings, random: Random | null, epoch: number): number {
  if (random !== null) shuffleInPlace(b.order, random);
  const size = b.full.rows;
  let total = 0;
  let batches = 0;
  for (let start = 0; start < b.order.length; start += size) {
    const ws = start + size <= b.order.length ? b.full : (b.partial as Workspace);
    try {
      total += stepBatch(b, data, settings, start, ws);
    } catch (error) {
      throw trainFault(error, epoch, settings.learningRate, (r) => b.order[start + r]);
    }
    batches++;
  }
  return total / batches;
}

/** The validation loss after an epoch, with any fault named as `Network.train`'s. */
function validationLossOf(b: Buffers, settings: Settings, epoch: number): number | undefined {
  const v = settings.validation;
  if (!v) return undefined;
  try {
    return lossModel(b.model, v.x.data, v.targetRows, settings.loss, b.validation as Workspace);
  } catch (error) {
    throw trainFault(error, epoch, settings.learningRate, (r) => r);
  }
}

/** The first entry of `lists` that is NaN or infinite, if any. */
function firstNonFinite(lists: readonly ArrayLike<number>[]): number | undefined {
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) if (!Number.isFinite(list[k])) return list[k];
  }
  return undefined;
}

/** Refuses to go on once a loss or a weight is NaN or infinite. */
function checkFinite(b: Buffers, losses: readonly number[], epoch: number, rate: number): void {
  const bad = firstNonFinite([losses, ...b.model.weights]);
  if (bad !== undefined) {
    throw new ValueError(
      `${WHERE}: in epoch ${epoch}, the loss or a weight became ${bad}; training diverged: try a learningRate below ${rate}`,
    );
  }
}

function snapshot(b: Buffers): Network {
  return networkFromWeights(b.model, b.model.weights.map((w) => w.slice()));
}

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
export function train(net: Network, inputs: MatrixLike, targets: MatrixLike, options: TrainOptions): TrainResult {
  const model = modelOf(net, WHERE);
  const settings = settingsOf(options, model);
  const data = datasetOf(inputs, targets, model, '');
  const b = buffersOf(model, data, settings);
  const random = settings.shuffle ? createRandom(settings.seed) : null;
  const v = settings.validation;
  const losses: number[] = [];
  const validationLosses: number[] = [];
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const loss = runEpoch(b, data, settings, random, epoch);
    losses.push(loss);
    const validationLoss = validationLossOf(b, settings, epoch);
    if (validationLoss !== undefined) validationLosses.push(validationLoss);
    checkFinite(b, [loss, validationLoss ?? 0], epoch, settings.learningRate);
    if (settings.onEpoch === undefined) continue;
    const network = snapshot(b);
    const info: EpochInfo = v ? { epoch, loss, validationLoss, network } : { epoch, loss, network };
    if (settings.onEpoch(info) === false) break;
  }
  const network = networkFromWeights(b.model, b.model.weights);
  return v ? { network, losses, validationLosses } : { network, losses };
}
