/**
 * Early stopping for `Network.train`: watches one loss per epoch, keeps a
 * copy of the best epoch's weights, and says when `patience` epochs in a
 * row have not improved on the best by more than `minDelta`. The watch is
 * part of the checkpoint (its `earlyStopping` field), written and read back
 * here, so that a resumed run stops where the uninterrupted one would.
 */
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import { checkNumber, checkOptionNames } from '../boundary/options.js';
import type { Model } from '../engine/flat-model.js';
import type { EarlyStopping } from './settings.js';
import type { EarlyStoppingCheckpoint } from './options.js';

const WHERE = 'Network.train';

/** The watch over a run: the best loss so far, its epoch, and its weights. */
export interface Watch {
  best: number;
  bestEpoch: number;
  /** Epochs since the best one. */
  wait: number;
  /** A copy of the best epoch's weights; only with `restoreBest`. */
  bestWeights: Float64Array[] | null;
}

/** A watch that has seen nothing: the first epoch always improves on it. */
export function createWatch(): Watch {
  return { best: Infinity, bestEpoch: -1, wait: 0, bestWeights: null };
}

/** Whether the watch has already called the stop: `patience` epochs without an improvement. */
export function watchStopped(watch: Watch, rule: EarlyStopping): boolean {
  return watch.bestEpoch >= 0 && watch.wait >= rule.patience;
}

/**
 * Records epoch `epoch`'s watched `loss`; an improvement is
 * `loss < best - minDelta`. Returns whether training should stop now:
 * `patience` epochs in a row without an improvement. Copies the weights
 * only on an improvement with `restoreBest` (once per such epoch, never
 * per step).
 */
export function watchEpoch(watch: Watch, rule: EarlyStopping, loss: number, epoch: number, weights: readonly Float64Array[]): boolean {
  if (loss < watch.best - rule.minDelta) {
    watch.best = loss;
    watch.bestEpoch = epoch;
    watch.wait = 0;
    if (rule.restoreBest) watch.bestWeights = weights.map((w) => w.slice());
    return false;
  }
  watch.wait++;
  return watchStopped(watch, rule);
}

/**
 * The watch as checkpoint data. With `restoreBest` the run returns the best
 * epoch's weights, so the checkpoint keeps the last epoch's, `weights`, for
 * a resumed run to go on from (-0 written as 0, as JSON would).
 */
export function watchCheckpoint(watch: Watch, rule: EarlyStopping, weights: readonly Float64Array[]): EarlyStoppingCheckpoint {
  const last = rule.restoreBest ? Object.freeze(weights.map((w) => Object.freeze(Array.from(w, (x) => (x === 0 ? 0 : x))))) : null;
  return Object.freeze({ best: watch.best, bestEpoch: watch.bestEpoch, sinceBest: watch.wait, weights: last });
}

const FIELDS = ['best', 'bestEpoch', 'sinceBest', 'weights'];

/** The last epoch's weights of a checkpoint, one flat row-major array per layer of `model`'s sizes. */
function weightsOf(value: unknown, model: Model): Float64Array[] {
  const what = 'resume.earlyStopping.weights';
  if (!Array.isArray(value) || value.length !== model.weights.length) {
    throw new ValueError(`${WHERE}: ${what} must be an array of ${model.weights.length} layers' weights, got ${describeValue(value)}`);
  }
  return value.map((layer: unknown, l) => {
    const count = model.weights[l].length;
    if (!Array.isArray(layer) || layer.length !== count) {
      throw new ValueError(`${WHERE}: ${what}[${l}] must be an array of ${count} numbers, got ${describeValue(layer)}`);
    }
    return Float64Array.from(layer, (x: unknown, k) => checkNumber(x, {}, `${what}[${l}][${k}]`, WHERE));
  });
}

/**
 * Reads back the `earlyStopping` field of a checkpoint of `epochs` epochs
 * for a run with `rule` (or none). A checkpoint without it starts a fresh
 * watch; one with it must come from a run with early stopping and the same
 * `restoreBest`. With `restoreBest`, the best weights are the given
 * network's, `best`, and the returned `weights` are where the loop goes on.
 */
export function readWatch(
  value: unknown, rule: EarlyStopping | undefined, epochs: number, model: Model,
): { watch: Watch | null; weights: Float64Array[] | null } {
  if (value === undefined) return { watch: rule ? createWatch() : null, weights: null };
  const where = `${WHERE}: resume.earlyStopping`;
  if (rule === undefined) {
    throw new ValueError(`${where} is set: the checkpoint was made with earlyStopping, but this run has none; give earlyStopping to go on`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValueError(`${where} must be an object { ${FIELDS.join(', ')} }, got ${describeValue(value)}`);
  }
  const c = checkOptionNames(value as Record<string, unknown>, FIELDS, where);
  const best = checkNumber(c.best, {}, 'resume.earlyStopping.best', WHERE);
  const bestEpoch = checkNumber(c.bestEpoch, { integer: true, min: 0, max: epochs - 1 }, 'resume.earlyStopping.bestEpoch', WHERE);
  const wait = checkNumber(c.sinceBest, { integer: true, min: 0 }, 'resume.earlyStopping.sinceBest', WHERE);
  if (wait !== epochs - 1 - bestEpoch) {
    throw new ValueError(`${where}.sinceBest must be the epochs after bestEpoch ${bestEpoch} of ${epochs}, ${epochs - 1 - bestEpoch}, got ${wait}`);
  }
  if ((c.weights === null) === rule.restoreBest) {
    throw new ValueError(
      `${where}.weights is ${c.weights === null ? 'null: the checkpoint was made with restoreBest false' : 'set: the checkpoint was made with restoreBest true'}, but this run has restoreBest ${rule.restoreBest}`,
    );
  }
  const weights = rule.restoreBest ? weightsOf(c.weights, model) : null;
  const bestWeights = rule.restoreBest ? model.weights.map((w) => w.slice()) : null;
  return { watch: { best, bestEpoch, wait, bestWeights }, weights };
}
