/**
 * Early stopping for `Network.train`: watches one loss per epoch, keeps a
 * copy of the best epoch's weights and progress, and says when `patience`
 * epochs in a row have not improved on the best by more than `minDelta`.
 */
import type { Progress } from './checkpoint.js';
import { copyProgress } from './checkpoint.js';
import type { EarlyStopping } from './settings.js';

/** The watch over a run: the best loss so far, its epoch, and what it had. */
export interface Watch {
  best: number;
  bestEpoch: number;
  /** Epochs since the best one. */
  wait: number;
  /** Copies of the best epoch's weights and progress; only with `restoreBest`. */
  bestWeights: Float64Array[] | null;
  bestProgress: Progress | null;
}

/** A watch that has seen nothing: the first epoch always improves on it. */
export function createWatch(): Watch {
  return { best: Infinity, bestEpoch: -1, wait: 0, bestWeights: null, bestProgress: null };
}

/**
 * Records epoch `epoch`'s watched `loss`; an improvement is
 * `loss < best - minDelta`. Returns whether training should stop now:
 * `patience` epochs in a row without an improvement. Copies the weights and
 * progress only on an improvement with `restoreBest` (once per such epoch,
 * never per step).
 */
export function watchEpoch(
  watch: Watch, rule: EarlyStopping, loss: number, epoch: number,
  weights: readonly Float64Array[], progress: Progress,
): boolean {
  if (loss < watch.best - rule.minDelta) {
    watch.best = loss;
    watch.bestEpoch = epoch;
    watch.wait = 0;
    if (rule.restoreBest) {
      watch.bestWeights = weights.map((w) => w.slice());
      watch.bestProgress = copyProgress(progress);
    }
    return false;
  }
  watch.wait++;
  return watch.wait >= rule.patience;
}
