/**
 * One example or a batch with its target, converted and checked against a
 * network once, at the public boundary.
 */
import { Loss } from '../loss.js';
import type { Network } from '../network.js';
import { toFlat, type Flat, type MatrixLike } from './convert.js';
import { rowViews, type Model } from './model.js';
import { modelOf } from './network-record.js';
import { checkColumns, checkLoss, checkTarget } from './validate.js';

/** One example or a batch, checked against the network. */
export interface Batch {
  readonly model: Model;
  readonly input: Flat;
  readonly target: Flat;
  readonly targetRows: readonly Float64Array[];
  readonly loss: Loss;
}

/** Converts and checks a network, input, target and loss at once. */
export function batchOf(net: Network, input: MatrixLike, target: MatrixLike, loss: unknown, where: string): Batch {
  const model = modelOf(net, where);
  const x = toFlat(input, `${where}: input`);
  checkColumns(x, model.sizes[0], where, 'input');
  const t = toFlat(target, `${where}: target`);
  checkTarget(t, x, model.sizes[model.sizes.length - 1], where);
  const chosen = loss === undefined ? Loss.squaredError : checkLoss(loss, where);
  return { model, input: x, target: t, targetRows: rowViews(t.data, t.rows), loss: chosen };
}
