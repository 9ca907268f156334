/**
 * Checking backpropagation against the definition of the derivative: every
 * analytic weight gradient compared with a central finite difference.
 *
 * @module
 */
import type { Loss } from './loss.js';
import type { Network } from './network.js';
import { batchOf } from './internal/batch.js';
import { ValueError } from './errors.js';
import type { MatrixLike } from './internal/convert.js';
import { createWorkspace, gradientModel, lossModel } from './internal/model.js';

/** Options of {@link gradientCheck}. */
export interface GradientCheckOptions {
  /**
   * The step `ε` of the central difference `(L(w + ε) - L(w - ε)) / 2ε`.
   * 1e-6 balances the truncation error (about `ε² |L'''| / 6`) against
   * round-off (about `2.2e-16 · |L| / ε`).
   * @defaultValue 1e-6
   */
  readonly epsilon?: number;
  /**
   * The relative tolerance: an entry passes when
   * `|analytic - numeric| <= absoluteTolerance + tolerance · max(|analytic|, |numeric|)`.
   * 1e-5 sits four orders of magnitude above the error of a correct
   * gradient at the default ε, and far below the 0.5 of a gradient off by
   * a factor of 2.
   * @defaultValue 1e-5
   */
  readonly tolerance?: number;
  /**
   * The absolute tolerance, for gradients at or near zero (a dead relu's
   * exact zeros, say), where round-off is all a finite difference can see.
   * @defaultValue `1e-8 · max(1, |L|)`, about 50 times the round-off of the
   *   difference at the default ε.
   */
  readonly absoluteTolerance?: number;
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss;
}

/** One weight's comparison in a {@link GradientCheckReport}. */
export interface GradientCheckEntry {
  /** The layer, from 0 at the input side. */
  readonly layer: number;
  /** The weight's row: 0 is the bias row, `i` the layer's input `i`. */
  readonly row: number;
  /** The weight's column: the neuron. */
  readonly column: number;
  /** `∂L/∂w` from `Network.gradient`. */
  readonly analytic: number;
  /** `∂L/∂w` from the central difference. */
  readonly numeric: number;
  /** `|analytic - numeric|`. */
  readonly absoluteError: number;
  /** `|analytic - numeric| / max(|analytic|, |numeric|)`, or 0 when both are 0. */
  readonly relativeError: number;
  /** Whether this entry is within the tolerances. */
  readonly ok: boolean;
}

/** What {@link gradientCheck} returns. */
export interface GradientCheckReport {
  /** Whether every entry is within the tolerances. */
  readonly ok: boolean;
  /** The largest `|analytic - numeric|` over all weights. */
  readonly maxAbsoluteError: number;
  /** The largest relative error over all weights. */
  readonly maxRelativeError: number;
  /** One entry per weight, layer by layer, row by row, column by column. */
  readonly entries: readonly GradientCheckEntry[];
}

function positiveFinite(value: unknown, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    const what = allowZero ? 'a finite number >= 0' : 'a positive finite number';
    throw new ValueError(`gradientCheck: ${name} must be ${what}, got ${String(value)}`);
  }
  return value;
}

function entryOf(
  layer: number, row: number, column: number, analytic: number, numeric: number,
  tolerance: number, absoluteTolerance: number,
): GradientCheckEntry {
  const absoluteError = Math.abs(analytic - numeric);
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const relativeError = scale === 0 ? 0 : absoluteError / scale;
  const ok = absoluteError <= absoluteTolerance + tolerance * scale;
  return { layer, row, column, analytic, numeric, absoluteError, relativeError, ok };
}

/**
 * Compares `Network.gradient` with central finite differences for every
 * weight: `numeric = (L(w + ε) - L(w - ε)) / (2ε)`, with the other weights
 * fixed. Run it on custom activations, losses and shapes to see that
 * backpropagation computes what the definition says. Costs two forward
 * passes per weight, so keep the networks small.
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - ε, the tolerances and the loss.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if ε or a tolerance is not a positive finite number.
 * @returns the report: `ok`, the largest errors, and one entry per weight
 *   naming its layer, row and column.
 *
 * @example
 * ```ts
 * import { gradientCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = gradientCheck(net, [1, 2], [5]);
 * report.ok; // => true
 * report.entries.length; // => 13
 * ```
 */
export function gradientCheck(
  net: Network, input: MatrixLike, target: MatrixLike, options: GradientCheckOptions = {},
): GradientCheckReport {
  const epsilon = positiveFinite(options?.epsilon, 1e-6, 'epsilon');
  const tolerance = positiveFinite(options.tolerance, 1e-5, 'tolerance', true);
  const batch = batchOf(net, input, target, options.loss, 'gradientCheck');
  const { model, targetRows, loss } = batch;
  const x = batch.input.data;
  const ws = createWorkspace(model, batch.input.rows);
  const value = gradientModel(model, x, targetRows, loss, ws);
  const analytic = ws.grads.map((g) => g.slice());
  const absoluteTolerance = positiveFinite(options.absoluteTolerance, 1e-8 * Math.max(1, Math.abs(value)), 'absoluteTolerance', true);
  const probe = { ...model, weights: model.weights.map((w) => w.slice()) };
  const entries: GradientCheckEntry[] = [];
  probe.weights.forEach((w, layer) => {
    const columns = model.sizes[layer + 1];
    for (let k = 0; k < w.length; k++) {
      const original = w[k];
      const up = original + epsilon;
      const down = original - epsilon;
      w[k] = up;
      const lossUp = lossModel(probe, x, targetRows, loss, ws);
      w[k] = down;
      const lossDown = lossModel(probe, x, targetRows, loss, ws);
      w[k] = original;
      // Dividing by the step actually taken, not 2ε, removes the rounding of w ± ε.
      const numeric = (lossUp - lossDown) / (up - down);
      const row = Math.floor(k / columns);
      entries.push(entryOf(layer, row, k - row * columns, analytic[layer][k], numeric, tolerance, absoluteTolerance));
    }
  });
  return {
    ok: entries.every((entry) => entry.ok),
    maxAbsoluteError: entries.reduce((max, entry) => Math.max(max, entry.absoluteError), 0),
    maxRelativeError: entries.reduce((max, entry) => Math.max(max, entry.relativeError), 0),
    entries,
  };
}
