/**
 * `Activation.check`: an activation's derivative against central
 * differences of its function, point by point, naming the first point
 * where they disagree.
 *
 * @module
 */
import type { Activation } from './activation-type.js';
import { ValueError } from '../errors.js';
import { shortNumber } from '../boundary/format.js';
import { checkOptionNames, optionalNumber, type NumberRule } from '../boundary/options.js';
import { agreement } from './agreement.js';
import { checkActivation } from './activation-type.js';
import { describeValue } from '../boundary/describe.js';

const WHERE = 'Activation.check';
const POSITIVE: NumberRule = { min: 0, exclusive: true };
const NON_NEGATIVE: NumberRule = { min: 0 };
/** The most grid points `Activation.check` makes: 2^20. */
const MAX_POINTS = 2 ** 20;
const OPTION_NAMES = ['from', 'to', 'points', 'extra', 'epsilon', 'tolerance', 'absoluteTolerance'];

/** Options of `Activation.check`. */
export interface ActivationCheckOptions {
  /**
   * The lower end of the grid of points.
   * @defaultValue -5
   */
  readonly from?: number | undefined;
  /**
   * The upper end of the grid of points; above `from`.
   * @defaultValue 5
   */
  readonly to?: number | undefined;
  /**
   * How many evenly spaced points of `[from, to]` to check, both ends
   * included: `z_i = from + (to - from) · i / (points - 1)`. The default
   * puts a point every 0.05, zero among them. At most 2^20 (1048576):
   * more is refused before the grid is made.
   * @defaultValue 201
   */
  readonly points?: number | undefined;
  /**
   * Points checked after the grid: large `|z|`, where a saturating
   * activation's derivative must still agree (and stay finite).
   * @defaultValue `[-50, -20, 20, 50]`
   */
  readonly extra?: readonly number[] | undefined;
  /**
   * The step `ε` of the central difference `(f(z + ε) - f(z - ε)) / 2ε`.
   * @defaultValue 1e-6
   */
  readonly epsilon?: number | undefined;
  /**
   * The relative tolerance: a point passes when
   * `|derivative - numeric| <= absoluteTolerance + tolerance · max(|derivative|, |numeric|)`.
   * @defaultValue 1e-5, as `gradientCheck`
   */
  readonly tolerance?: number | undefined;
  /**
   * The absolute tolerance, for derivatives at or near zero.
   * @defaultValue `1e-8 · max(1, |f(z)|)` at each point: about 100 times
   *   the round-off of the difference, `1.1e-16 · |f(z)| / ε`, at the default ε.
   */
  readonly absoluteTolerance?: number | undefined;
}

/** Where `Activation.check` first found the derivative wrong. */
export interface ActivationCheckFailure {
  /** The pre-activation. */
  readonly z: number;
  /** `derivative(z, apply(z))`. */
  readonly derivative: number;
  /** The central difference of `apply` at `z`. */
  readonly numeric: number;
  /** `|derivative - numeric|`. */
  readonly absoluteError: number;
  /** `|derivative - numeric| / max(|derivative|, |numeric|)`, 0 when both are 0. */
  readonly relativeError: number;
}

/** What `Activation.check` returns. */
export interface ActivationCheckReport {
  /** Whether the derivative agrees at every checked point. */
  readonly ok: boolean;
  /** How many points were compared. */
  readonly checked: number;
  /** How many points were skipped for lying within ε of a declared kink. */
  readonly skipped: number;
  /** The largest `|derivative - numeric|` over the checked points. */
  readonly maxAbsoluteError: number;
  /** The largest relative error over the checked points. */
  readonly maxRelativeError: number;
  /** The first failing point in the order checked (the grid from low to high, then `extra`); absent when ok. */
  readonly firstFailure?: ActivationCheckFailure;
  /** The failing point with the largest relative error (NaN counts as largest); absent when ok. */
  readonly worstFailure?: ActivationCheckFailure;
  /** One sentence: all agree, or how many points fail, where first and where worst, with both values. */
  readonly summary: string;
}

interface Settings {
  readonly points: readonly number[];
  readonly epsilon: number;
  readonly tolerance: number;
  readonly absoluteTolerance: number | undefined;
}

function settingsOf(options: ActivationCheckOptions): Settings {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const from = optionalNumber(options.from, -5, {}, 'from', WHERE);
  const to = optionalNumber(options.to, 5, {}, 'to', WHERE);
  if (!(to > from)) throw new ValueError(`${WHERE}: to must be above from, got from ${from} and to ${to}`);
  const count = optionalNumber(options.points, 201, { integer: true, min: 2 }, 'points', WHERE);
  if (count > MAX_POINTS) throw new ValueError(`${WHERE}: points must be at most ${MAX_POINTS} (2^20), got ${count}; refused before the grid is made`);
  const extra = options.extra ?? [-50, -20, 20, 50];
  if (!Array.isArray(extra) || !extra.every((z) => typeof z === 'number' && Number.isFinite(z))) {
    throw new ValueError(`${WHERE}: extra must be an array of finite numbers, got ${describeValue(extra)}`);
  }
  const grid = Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
  const epsilon = optionalNumber(options.epsilon, 1e-6, POSITIVE, 'epsilon', WHERE);
  const tolerance = optionalNumber(options.tolerance, 1e-5, NON_NEGATIVE, 'tolerance', WHERE);
  checkMeaningful(from, to, [...grid, ...extra], epsilon, tolerance);
  return {
    points: [...grid, ...extra],
    epsilon,
    tolerance,
    absoluteTolerance: options.absoluteTolerance === undefined ? undefined : optionalNumber(options.absoluteTolerance, 0, NON_NEGATIVE, 'absoluteTolerance', WHERE),
  };
}

/** The comparison at one point, and whether it passes. */
function compareAt(activation: Activation, z: number, s: Settings): { failure: ActivationCheckFailure; ok: boolean } {
  const a = activation.apply(z);
  const derivative = activation.derivative(z, a);
  const up = z + s.epsilon;
  const down = z - s.epsilon;
  const numeric = (activation.apply(up) - activation.apply(down)) / (up - down);
  const absoluteTolerance = s.absoluteTolerance ?? 1e-8 * Math.max(1, Math.abs(a));
  // NOTE: a value that is not a number is infinitely wrong: NaN never reaches the maxima.
  const { absoluteError, relativeError, ok } = Number.isFinite(a)
    ? agreement(derivative, numeric, s.tolerance, absoluteTolerance)
    : agreement(NaN, NaN, s.tolerance, absoluteTolerance);
  return { failure: { z, derivative, numeric, absoluteError, relativeError }, ok };
}

/** Every number of the summary, written one way: 6 significant digits, trailing zeros dropped. */
function shown(x: number): string {
  return shortNumber(x, 6);
}

function summaryOf(
  activation: Activation, checked: number, maxAbsoluteError: number, failing: number,
  first?: ActivationCheckFailure, worst?: ActivationCheckFailure,
): string {
  const name = `"${activation.name}"`;
  if (first === undefined || worst === undefined) {
    return `${WHERE}: the derivative of ${name} agrees with central differences at all ${checked} points (max absolute error ${shown(maxAbsoluteError)})`;
  }
  const at = (f: ActivationCheckFailure) => `z = ${shown(f.z)} (derivative ${shown(f.derivative)}, central difference ${shown(f.numeric)})`;
  const where = first === worst ? `at ${at(first)}` : `first at ${at(first)}, worst at ${at(worst)}`;
  return `${WHERE}: the derivative of ${name} is wrong at ${failing} of ${checked} points, ${where}`;
}

/**
 * Refuses a grid or a step that cannot give a meaningful check: a grid
 * wider than float64 (`to - from` overflows, every point NaN), or an `ε`
 * so small that rounding `z ± ε` alone, up to one unit in the last place
 * of the largest `|z|` over `2ε`, exceeds the relative tolerance.
 */
function checkMeaningful(from: number, to: number, points: readonly number[], epsilon: number, tolerance: number): void {
  if (!Number.isFinite(to - from)) {
    throw new ValueError(`${WHERE}: from ${from} and to ${to} are too far apart for float64 (to - from is ${to - from}); choose a narrower grid`);
  }
  const largest = Math.max(1, ...points.map(Math.abs));
  const rounding = (Number.EPSILON * largest) / (2 * epsilon);
  if (rounding > Math.max(tolerance, 1e-12)) {
    const least = (Number.EPSILON * largest) / (2 * Math.max(tolerance, 1e-12));
    throw new ValueError(
      `${WHERE}: epsilon ${epsilon} is too small for z up to ${shown(largest)}: rounding z ± epsilon alone puts up to ${shown(rounding)} of relative error in the central difference, above the tolerance ${shown(tolerance)}; use an epsilon of at least ${shown(least)}`,
    );
  }
}

/**
 * Checks an activation's `derivative` against central differences of its
 * `apply`: at each point `z` of a grid on `[from, to]` (then at the
 * `extra` points, a few large `|z|`), in that order,
 * `numeric = (f(z + ε) - f(z - ε)) / 2ε` is compared with
 * `derivative(z, f(z))`; a point passes when
 * `|derivative - numeric| <= absoluteTolerance + tolerance · max(|derivative|, |numeric|)`.
 * Points within ε of a declared kink are skipped; a value that is not
 * finite fails. Costs three calls of `apply` and one of `derivative` per
 * point; changes nothing.
 *
 * Run it first on a custom activation: it points at the first `z` where
 * the derivative is wrong, with both values, before any network is built.
 *
 * @param activation - the activation to check.
 * @param options - the range, the number of points, ε and the tolerances.
 * @throws {@link ValueError} if the activation is not one, or an option
 *   is unknown or out of range.
 * @returns `ok`, how many points were checked and skipped, the largest
 *   errors, the first failure (its `z`, `derivative` and `numeric`) and
 *   a one-line `summary`.
 *
 * @example
 * A sigmoid whose derivative was written with `z` where `a` belongs:
 * ```ts
 * import { Activation } from 'mathjs-backprop';
 * Activation.check(Activation.sigmoid).ok; // => true
 * const wrong = Activation.define({
 *   name: 'sigmoid-with-z-for-a',
 *   apply: Activation.sigmoid.apply,
 *   derivative: (z) => z * (1 - z),
 * });
 * const report = Activation.check(wrong);
 * report.ok; // => false
 * report.firstFailure?.z; // => -5
 * report.firstFailure?.derivative; // => -30
 * // The true derivative there: sigmoid(-5) · (1 - sigmoid(-5)), rounded.
 * report.firstFailure?.numeric; // => 0.0066480567
 * ```
 */
export function check(activation: Activation, options: ActivationCheckOptions = {}): ActivationCheckReport {
  checkActivation(activation, WHERE);
  const s = settingsOf(options ?? {});
  const kinks = activation.kinks ?? [];
  let checked = 0;
  let skipped = 0;
  let maxAbsoluteError = 0;
  let maxRelativeError = 0;
  let firstFailure: ActivationCheckFailure | undefined;
  let worstFailure: ActivationCheckFailure | undefined;
  let failing = 0;
  for (const z of s.points) {
    if (kinks.some((k) => Math.abs(z - k) <= s.epsilon)) {
      skipped++;
      continue;
    }
    const { failure, ok } = compareAt(activation, z, s);
    checked++;
    maxAbsoluteError = Math.max(maxAbsoluteError, failure.absoluteError);
    maxRelativeError = Math.max(maxRelativeError, failure.relativeError);
    if (ok) continue;
    failing++;
    firstFailure ??= failure;
    if (worstFailure === undefined || !(failure.relativeError <= worstFailure.relativeError)) worstFailure = failure;
  }
  const summary = summaryOf(activation, checked, maxAbsoluteError, failing, firstFailure, worstFailure);
  const report = { ok: firstFailure === undefined, checked, skipped, maxAbsoluteError, maxRelativeError, summary };
  return firstFailure === undefined ? report : { ...report, firstFailure, worstFailure: worstFailure! };
}
