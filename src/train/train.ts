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
import { exampleSetOf, gatherRows, sgdPass, type ExampleSet } from '../engine/plain-step.js';
import { firstNonFinite } from '../engine/finite.js';
import { createWorkspace, gradientModel, lossModel, workingCopy, type Model, type Workspace } from '../engine/flat-model.js';
import { modelOf, networkFromWeights } from '../model/network-record.js';
import { createRandom, shuffleInPlace } from '../engine/random.js';
import { releaseArena } from '../engine/arena.js';
import { copyWeights } from '../engine/slab.js';
import { giveSpare, takeSpare } from '../boundary/spare.js';
import { datasetOf, settingsOf, type Dataset, type Settings } from './settings.js';
import { checkpointLater, freshProgress, readCheckpoint, type Progress } from './checkpoint.js';
import { watchEpoch, watchStopped } from './early-stop.js';
import { stepFlat } from '../optim/step.js';
import { optimizerForEpoch } from '../optim/rate.js';
import type { AnyOptimizer } from '../optim/types.js';
import { bufferRoom, residentBuffers } from '../optim/state.js';


const WHERE = 'Network.train';

/** Everything the loop writes, allocated once before it. */
interface Buffers {
  /** The model over the working copy of the weights, updated in place. */
  readonly model: Model;
  /** The examples, the batch buffers and the compiled step of a tiny network. */
  readonly set: ExampleSet;
  /** The rows of a full batch. */
  readonly size: number;
  /**
   * The workspace of a full batch; null for one example at a time with a
   * compiled step, whose rare fallback to the loops borrows the model's
   * shared one (making one cost as much as a short call's steps).
   */
  readonly full: Workspace | null;
  readonly partial: Workspace | null;
  readonly validation: Workspace | null;
}

function buffersOf(model: Model, data: Dataset, settings: Settings, p: Progress): Buffers {
  const rows = data.x.rows;
  const size = Math.min(settings.batchSize, rows);
  // The working copy lies where the kernels update it in place, with room for the two workspaces and the optimiser's buffers.
  const working = workingCopy(model, rows % size > 0 ? [size, rows % size] : [size], bufferRoom(settings.optimizer, model.weights));
  p.buffers = residentBuffers(p.buffers, working.weights);
  const set = exampleSetOf(working, settings.loss, data.x.data, data.targetRows, size, settings.plain);
  return {
    model: working,
    set,
    size,
    full: size === 1 && set.compiled !== null ? null : createWorkspace(working, size),
    partial: rows % size > 0 ? createWorkspace(working, rows % size) : null,
    validation: settings.validation ? createWorkspace(working, settings.validation.x.rows) : null,
  };
}

/**
 * An optimiser's step on the `ws.rows` examples from `order[start]` on,
 * as `Optimizer.step` would take it: the batch gradient, then `stepFlat`
 * in place; returns their mean loss.
 */
function optimizerStep(b: Buffers, settings: Settings, p: Progress, start: number, ws: Workspace, o: AnyOptimizer): number {
  gatherRows(b.set, p.order, start, ws.rows);
  const loss = gradientModel(b.model, b.set.gather, b.set.targets, settings.loss, ws);
  p.step++;
  stepFlat(o, b.model, ws.grads, p.buffers, p.step, b.model.weights);
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

/**
 * One pass over the data; returns the mean of its batch losses. Plain SGD
 * takes `sgdPass`, as `Network.sgdStep` does.
 */
function runEpoch(b: Buffers, settings: Settings, p: Progress, o: AnyOptimizer, epoch: number): number {
  if (p.random !== null) shuffleInPlace(p.order, p.random);
  const size = b.size;
  const rows = p.order.length;
  let total = 0;
  let start = 0;
  // NOTE: one try around the loop, and no closure over its variables: a closure over `start` would cost an allocation per step.
  try {
    if (settings.plain) {
      total = sgdPass(b.set, p.order, 0, rows, size, o.learningRate, b.full, b.partial);
    } else {
      for (; start < rows; start += size) total += optimizerStep(b, settings, p, start, start + size <= rows ? (b.full as Workspace) : (b.partial as Workspace), o);
    }
  } catch (error) {
    throw batchFault(error, epoch, o.learningRate, p.order, settings.plain ? b.set.at : start);
  }
  return total / Math.ceil(rows / size);
}

/** `trainFault` for the batch of rows `order[start ..]`. */
function batchFault(error: unknown, epoch: number, rate: number, order: Uint32Array, start: number): unknown {
  return trainFault(error, epoch, rate, (r) => order[start + r]);
}

/** The validation loss after an epoch, with any fault named as `Network.train`'s. */
function validationLossOf(b: Buffers, settings: Settings, epoch: number): number | undefined {
  const v = settings.validation;
  if (!v) return undefined;
  try {
    return lossModel(b.model, v.x.data, v.targetRows, settings.loss, b.validation as Workspace);
  } catch (error) {
    throw trainFault(error, epoch, settings.optimizer.learningRate, (r) => r);
  }
}

/** Refuses to go on once a loss or a weight is NaN or infinite. */
function checkFinite(b: Buffers, loss: number, validationLoss: number, epoch: number, rate: number): void {
  const bad = loss - loss !== 0 ? loss : validationLoss - validationLoss !== 0 ? validationLoss : firstBadWeight(b.model.weights);
  if (bad !== undefined) {
    throw new ValueError(
      `${WHERE}: in epoch ${epoch}, the loss or a weight became ${bad}; training diverged: try a learningRate below ${rate}`,
    );
  }
}

/** The first weight that is NaN or infinite, if any. */
function firstBadWeight(weights: readonly Float64Array[]): number | undefined {
  for (let l = 0; l < weights.length; l++) {
    const k = firstNonFinite(weights[l]);
    if (k >= 0) return weights[l][k];
  }
  return undefined;
}

function snapshot(b: Buffers): Network {
  return networkFromWeights(b.model, copyWeights(b.model.weights));
}

/** Where the run starts: a checked checkpoint, or a fresh start from the seed. */
function progressOf(settings: Settings, model: Model, rows: number): Progress {
  const { optimizer, plain, shuffle } = settings;
  if (settings.resume !== undefined) return readCheckpoint(settings.resume, optimizer, plain, shuffle, model, rows, settings.earlyStopping);
  return freshProgress(optimizer, plain, model, rows, shuffle ? createRandom(settings.seed) : null, settings.earlyStopping);
}

/**
 * Trains a network by gradient descent and returns the trained copy with
 * its loss history. Each epoch shuffles the examples (unless `shuffle` is
 * false), cuts them into batches of `batchSize` rows (the last one
 * smaller when they do not divide evenly) and takes one step per batch:
 * with `learningRate`, exactly as `Network.sgdStep` on that batch would,
 * `weights = weights - learningRate · mean over the batch of ∂L/∂weights`;
 * with `optimizer`, exactly as `Optimizer.step` would with that batch's
 * gradient. A `schedule` sets each epoch's rate, `schedule(e, base)`.
 * `losses[e]` is the mean of epoch `e`'s batch losses, each taken with the
 * weights before its step. With `validation`, the loss on those examples
 * after each epoch is reported too. `onEpoch` sees each epoch's results
 * and stops training by returning `false`; `earlyStopping` stops when the
 * watched loss has not improved for `patience` epochs. The result's
 * `checkpoint` lets a later call go on bit for bit with `resume`.
 * The input network is not changed: its weights are copied once, and the
 * loop then updates that copy in place without allocating per step. Costs
 * about three forward passes per example per epoch, plus a few operations
 * per weight per step for an optimiser.
 *
 * @param net - the network to start from; not changed.
 * @param inputs - `N × n`, one example per row.
 * @param targets - `N × m`, one target per row.
 * @param options - the learning rate or optimiser and the epochs, and
 *   optionally the batch size, shuffling, seed, loss, schedule, early
 *   stopping, checkpoint to resume from, `onEpoch` and validation data.
 * @throws {@link ShapeError} if the inputs, targets or validation data do
 *   not fit the network or each other, or are not matrices.
 * @throws {@link ValueError} if an option is missing, unknown or out of
 *   range (both `learningRate` and `optimizer`, say), a number is not
 *   finite, the schedule returns a rate that is not positive and finite,
 *   the checkpoint does not fit the network, the data or the options, or
 *   training diverges (a loss or weight becomes NaN or infinite).
 * @returns the trained network, `losses`, `checkpoint` and, with
 *   validation data, `validationLosses`; with early stopping, `bestEpoch`.
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
 *
 * @example
 * Adam's first step moves every weight by about its learning rate against
 * the sign of its gradient: `m̂ = g`, `√v̂ = |g|`, so the step is
 * `0.1 · 4 / (4 + 1e-8) = 0.09999999975` for the gradient [4, -4]. Three epochs in one call equal one and then two more from the
 * checkpoint; early stopping on a loss that reaches 0 and stays there
 * keeps the first epoch at 0.
 * ```ts
 * import { Network, Layer, Activation, Optimizer } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[0], [0]], Activation.identity)]);
 * const optimizer = Optimizer.adam({ learningRate: 0.1 });
 * const one = Network.train(net, [[1]], [[2]], { optimizer, epochs: 1 });
 * one.network.layers[0].weights.toArray(); // => [[-0.09999999975], [0.09999999975]]
 * const more = Network.train(one.network, [[1]], [[2]], { optimizer, epochs: 2, resume: one.checkpoint });
 * const all = Network.train(net, [[1]], [[2]], { optimizer, epochs: 3 });
 * const weights = (r: typeof all) => JSON.stringify(r.network.layers[0].weights.toArray());
 * weights(more) === weights(all); // => true
 * more.checkpoint.epochs; // => 3
 * const stopped = Network.train(net, [[1]], [[2]], { learningRate: 0.25, epochs: 50, earlyStopping: { patience: 2 } });
 * stopped.losses; // => [4, 0, 0, 0]
 * stopped.bestEpoch; // => 1
 * ```
 */
export function train(net: Network, inputs: MatrixLike, targets: MatrixLike, options: TrainOptions): TrainResult {
  const model = modelOf(net, WHERE);
  const settings = settingsOf(options, model);
  // The inputs go into the spare buffer of the last call when it fits: a loop of calls on the same data reuses one.
  const data = datasetOf(inputs, targets, model, '', takeSpare);
  const progress = progressOf(settings, model, data.x.rows);
  const b = buffersOf(progress.weights ? { ...model, weights: progress.weights } : model, data, settings, progress);
  const watch = progress.watch;
  const v = settings.validation;
  const losses: number[] = [];
  const validationLosses: number[] = [];
  const first = progress.epochs;
  for (let epoch = first; epoch < first + settings.epochs && !(watch && watchStopped(watch, settings.earlyStopping!)); epoch++) {
    const o = optimizerForEpoch(settings.optimizer, settings.schedule, epoch, WHERE);
    const loss = runEpoch(b, settings, progress, o, epoch);
    progress.epochs = epoch + 1;
    losses.push(loss);
    const validationLoss = validationLossOf(b, settings, epoch);
    if (validationLoss !== undefined) validationLosses.push(validationLoss);
    checkFinite(b, loss, validationLoss ?? 0, epoch, o.learningRate);
    const stop = watch ? watchEpoch(watch, settings.earlyStopping!, validationLoss ?? loss, epoch, b.model.weights) : false;
    if (settings.onEpoch !== undefined) {
      const network = snapshot(b);
      const info: EpochInfo = validationLoss !== undefined ? { epoch, loss, validationLoss, network } : { epoch, loss, network };
      if (settings.onEpoch(info) === false) break;
    }
    if (stop) break;
  }
  // NOTE: the working weights may live in the kernels' memory: the result is a copy.
  const network = watch?.bestWeights ? networkFromWeights(b.model, watch.bestWeights) : snapshot(b);
  const checkpoint = checkpointLater(progress, settings.optimizer, settings.plain, model, settings.earlyStopping, b.model.weights);
  releaseArena(b.model.weights[0]); // nothing views the working copy now: its arena can serve the next call
  giveSpare(data.x.data); // nor the inputs: the next call can convert into them
  return {
    network, losses,
    ...(v ? { validationLosses } : {}),
    ...(watch ? { bestEpoch: watch.bestEpoch } : {}),
    // Written out when first read (see checkpointLater); the same object at every reading.
    get checkpoint() {
      return checkpoint();
    },
  };
}
