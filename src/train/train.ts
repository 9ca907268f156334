/**
 * Training a network by stochastic or mini-batch gradient descent.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import type { Loss } from '../math/loss.js';
import type { Network } from '../namespaces/network.js';
import type { MatrixLike } from '../boundary/convert.js';
import type { CompiledStep } from '../engine/compiled-step.js';
import { exampleStep } from '../engine/fused-step.js';
import { stepWeights } from '../engine/kernels.js';
import { compiledStepOf, createWorkspace, gradientModel, lossModel, type Model, type Workspace } from '../engine/flat-model.js';
import { modelOf, networkFromWeights } from '../model/network-record.js';
import { createRandom, shuffleInPlace, type Random } from '../engine/random.js';
import { datasetOf, settingsOf, type Dataset, type Settings } from './settings.js';

/** What `onEpoch` receives after each epoch of `Network.train`. */
export interface EpochInfo {
  /** The index of the epoch just finished, from 0: `loss` is `losses[epoch]`. */
  readonly epoch: number;
  /** The epoch's training loss: the mean of its batch losses. */
  readonly loss: number;
  /** The loss on the validation data after the epoch; only when `validation` is given. */
  readonly validationLoss?: number;
  /** A copy of the network after the epoch, the caller's to keep. */
  readonly network: Network;
}

/** Held-out examples whose loss `Network.train` reports after each epoch. */
export interface ValidationData {
  /** `V × n`: one example per row, as wide as the network's input. */
  readonly inputs: MatrixLike;
  /** `V × m`: one target per row, as wide as the network's output. */
  readonly targets: MatrixLike;
}

/** Options of `Network.train`. */
export interface TrainOptions {
  /** The step size η of every update: positive and finite. */
  readonly learningRate: number;
  /** How many passes over the data: a positive integer. */
  readonly epochs: number;
  /**
   * How many examples each step averages its gradient over: 1 is the
   * notebook's per-example SGD, the number of examples is full-batch
   * gradient descent. When it does not divide the number of examples, the
   * last batch of an epoch is smaller and takes its own mean; a batchSize
   * above the number of examples means one batch of all of them.
   * @defaultValue 1
   */
  readonly batchSize?: number;
  /**
   * Whether to shuffle the order of the examples before each epoch (by
   * Fisher–Yates with the seeded generator); `false` keeps the rows' order.
   * @defaultValue true
   */
  readonly shuffle?: boolean;
  /**
   * The seed of the shuffle: an integer from 0 to 2^32 - 1. The same seed
   * gives the same order, so the same losses and weights, on every platform.
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * The loss to minimise, of each batch the mean over its rows.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss;
  /**
   * Called after each epoch with {@link EpochInfo}; returning `false` stops
   * training there (stopping on the third call leaves three losses), any
   * other return value goes on. Without it no per-epoch network is made.
   * @defaultValue none
   */
  readonly onEpoch?: (info: EpochInfo) => boolean | void;
  /**
   * Held-out examples whose loss, with the weights at the end of each
   * epoch, is passed to `onEpoch` and returned as `validationLosses`.
   * @defaultValue none
   */
  readonly validation?: ValidationData;
}

/** What `Network.train` returns. */
export interface TrainResult {
  /** The trained network: a new one, the input network is not changed. */
  readonly network: Network;
  /** The mean training loss of each epoch that ran: `losses[e]` for epoch `e`. */
  readonly losses: readonly number[];
  /** The validation loss after each epoch; only when `validation` is given. */
  readonly validationLosses?: readonly number[];
}

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
  if (b.compiled !== null) return b.compiled(b.model.weights, x, row * n, target, 0, settings.learningRate);
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

/** One pass over the data; returns the mean of its batch losses. */
function runEpoch(b: Buffers, data: Dataset, settings: Settings, random: Random | null): number {
  if (random !== null) shuffleInPlace(b.order, random);
  const size = b.full.rows;
  let total = 0;
  let batches = 0;
  for (let start = 0; start < b.order.length; start += size) {
    const ws = start + size <= b.order.length ? b.full : (b.partial as Workspace);
    total += stepBatch(b, data, settings, start, ws);
    batches++;
  }
  return total / batches;
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
      `${WHERE}: training diverged in epoch ${epoch}: the loss or a weight became ${bad}; try a learningRate below ${rate}`,
    );
  }
}

function snapshot(b: Buffers): Network {
  return networkFromWeights(b.model, b.model.weights.map((w) => w.slice()));
}

/** See `Network.train` in network.ts for the documentation. */
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
    const loss = runEpoch(b, data, settings, random);
    losses.push(loss);
    const validationLoss = v && lossModel(b.model, v.x.data, v.targetRows, settings.loss, b.validation as Workspace);
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
