/**
 * An input (and target) converted and checked against a network once, at
 * the public boundary: for a forward pass, or for a gradient.
 */
import type { Loss } from '../math/loss-type.js';
import { squaredError } from '../math/losses.js';
import type { Network } from '../model/network-record.js';
import { toFlat, type Flat, type MatrixLike } from '../boundary/convert.js';
import { checkCount, MAX_ENTRIES } from '../boundary/limits.js';
import { createWorkspace, forwardModel, rowViews, type Model, type Workspace } from '../engine/flat-model.js';
import { modelOf } from './network-record.js';
import { checkColumns, checkResult, checkTarget } from '../boundary/validate.js';
import { checkLoss } from '../math/loss-type.js';
import { withName } from '../boundary/pass-fault.js';

/** One example or a batch, checked against the network. */
export interface Batch {
  readonly model: Model;
  readonly input: Flat;
  readonly target: Flat;
  readonly targetRows: readonly Float64Array[];
  readonly loss: Loss;
}

/** Refuses a batch whose buffers (`rows` × the widest layer) would hold more than MAX_ENTRIES numbers. */
function checkBatchSize(model: Model, rows: number, where: string): void {
  let widest = 0;
  for (let l = 1; l < model.sizes.length; l++) widest = Math.max(widest, model.sizes[l]);
  // NOTE: the message is made only when it is needed: numbers written into text cost more than a tiny network's step.
  if (rows * widest <= MAX_ENTRIES) return;
  checkCount(rows * widest, MAX_ENTRIES, `${where}: a batch of ${rows} examples through a layer of ${widest} neurons`);
}

/** The network's model and the input converted and checked against it: its columns and the batch's size. */
function modelAndInput(net: Network, input: MatrixLike, where: string): { model: Model; x: Flat } {
  const model = modelOf(net, where);
  const x = toFlat(input, `${where}: input`);
  checkColumns(x, model.sizes[0], where, 'input');
  checkBatchSize(model, x.rows, where);
  return { model, x };
}

/** Converts and checks a network, input, target and loss at once. */
export function batchOf(net: Network, input: MatrixLike, target: MatrixLike, loss: unknown, where: string): Batch {
  const { model, x } = modelAndInput(net, input, where);
  const t = toFlat(target, `${where}: target`);
  checkTarget(t, x, model.sizes[model.sizes.length - 1], where);
  const chosen = loss === undefined ? squaredError : checkLoss(loss, where);
  return { model, input: x, target: t, targetRows: rowViews(t.data, t.rows), loss: chosen };
}

/** The forward pass of an input through a network, checked once, with its buffers. */
export interface Pass {
  readonly model: Model;
  readonly input: Flat;
  readonly ws: Workspace;
  /** The last layer's activations, `rows × outputs`. */
  readonly output: Float64Array;
}

/**
 * Converts and checks `input` against `net` and runs the forward pass;
 * refuses an output that overflowed.
 */
export function forwardPass(net: Network, input: MatrixLike, where: string): Pass {
  const { model, x } = modelAndInput(net, input, where);
  const ws = createWorkspace(model, x.rows);
  withName(where, () => forwardModel(model, x.data, ws));
  const output = ws.a[model.weights.length - 1];
  checkResult(output, where, 'the output', model.sizes[model.sizes.length - 1]);
  return { model, input: x, ws, output };
}
