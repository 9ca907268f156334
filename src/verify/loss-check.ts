/**
 * `Loss.check`: a loss's gradient against central differences of its
 * value, on seeded random outputs and targets, naming the worst output.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import { shortNumber } from '../boundary/format.js';
import { checkOptionNames, checkPositiveInteger, NON_NEGATIVE, optionalNumber, POSITIVE } from '../boundary/options.js';
import { agreement } from '../math/agreement.js';
import { checkLoss, nonNumberWritten, type Loss } from '../math/loss-type.js';
import { PassFault, describeFault, type Fault } from '../boundary/pass-fault.js';
import { checkSeed, createRandom, type Random } from '../engine/random.js';
import type { LossCheckOptions, LossCheckPoint, LossCheckReport } from './loss-check-report.js';

const WHERE = 'Loss.check';
const OPTION_NAMES = ['size', 'samples', 'seed', 'outputRange', 'targetRange', 'epsilon', 'tolerance', 'absoluteTolerance'];

interface Settings {
  readonly size: number;
  readonly samples: number;
  readonly seed: number;
  readonly outputRange: readonly [number, number];
  readonly targetRange: readonly [number, number];
  readonly epsilon: number;
  readonly tolerance: number;
  readonly absoluteTolerance: number | undefined;
}

/** `fallback`, or `value` checked to be `[low, high]` with finite `low < high`. */
function rangeOf(value: unknown, fallback: readonly [number, number], what: string): readonly [number, number] {
  if (value === undefined) return fallback;
  const ok = Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number' && Number.isFinite(x)) && value[0] < value[1];
  if (!ok) throw new ValueError(`${WHERE}: ${what} must be [low, high] with finite low < high, got ${describeValue(value)}`);
  return [value[0], value[1]];
}

function settingsOf(options: LossCheckOptions): Settings {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  return {
    size: options.size === undefined ? 3 : checkPositiveInteger(options.size, 'size', WHERE),
    samples: options.samples === undefined ? 20 : checkPositiveInteger(options.samples, 'samples', WHERE),
    seed: options.seed === undefined ? 0 : checkSeed(options.seed, WHERE),
    outputRange: rangeOf(options.outputRange, [0.05, 0.95], 'outputRange'),
    targetRange: rangeOf(options.targetRange, [0, 1], 'targetRange'),
    epsilon: optionalNumber(options.epsilon, 1e-6, POSITIVE, 'epsilon', WHERE),
    tolerance: optionalNumber(options.tolerance, 1e-5, NON_NEGATIVE, 'tolerance', WHERE),
    absoluteTolerance: options.absoluteTolerance === undefined ? undefined : optionalNumber(options.absoluteTolerance, 0, NON_NEGATIVE, 'absoluteTolerance', WHERE),
  };
}

/** `size` uniform draws from `[low, high]`. */
function draw(random: Random, size: number, [low, high]: readonly [number, number]): number[] {
  return Array.from({ length: size }, () => low + (high - low) * random.nextDouble());
}

/**
 * Refuses a non-number from the loss's `value` or `gradient` (at output
 * `k` of example `sample`), in the words the engine uses for it.
 */
function refuse(loss: Loss, part: 'value' | 'gradient', sample: number, k: number, size: number, value: unknown): never {
  const fault: Fault = {
    quantity: part === 'value' ? 'loss' : 'loss gradient', layer: 0, layers: 1, outputs: size,
    example: sample, neuron: k, value, source: { kind: 'loss', name: loss.name, part },
  };
  throw new PassFault(fault, `${WHERE}: ${describeFault(fault)}`);
}

/** The comparisons at every output of one example; the loss gets copies, so it cannot change them. */
function compareExample(loss: Loss, sample: number, y: number[], t: number[], s: Settings): { point: LossCheckPoint; ok: boolean }[] {
  const value = loss.value(y.slice(), t.slice());
  if (typeof value !== 'number') refuse(loss, 'value', sample, 0, y.length, value);
  const into = new Float64Array(y.length).fill(NaN);
  loss.gradient(y.slice(), t.slice(), into);
  for (let k = 0; k < y.length; k++) {
    const written = nonNumberWritten(into, k);
    if (written !== null) refuse(loss, 'gradient', sample, k, y.length, written.value);
  }
  const absoluteTolerance = s.absoluteTolerance ?? 1e-8 * Math.max(1, Math.abs(value));
  return y.map((yk, k) => {
    const up = y.slice();
    const down = y.slice();
    up[k] = yk + s.epsilon;
    down[k] = yk - s.epsilon;
    const numeric = (loss.value(up, t.slice()) - loss.value(down, t.slice())) / (up[k] - down[k]);
    // NOTE: a loss value that is not finite makes every output of the example fail.
    const { absoluteError, relativeError, excess, ok } = Number.isFinite(value)
      ? agreement(into[k], numeric, s.tolerance, absoluteTolerance)
      : agreement(NaN, NaN, s.tolerance, absoluteTolerance);
    const point = { sample, output: y.slice(), target: t.slice(), index: k, gradient: into[k], numeric, absoluteError, relativeError, margin: excess };
    return { point, ok };
  });
}

function summaryOf(loss: Loss, checked: number, worst: LossCheckPoint, failed: boolean): string {
  const name = `"${loss.name}"`;
  if (!failed) {
    return `${WHERE}: the gradient of ${name} agrees with central differences at all ${checked} outputs (max absolute error ${shortNumber(worst.absoluteError)})`;
  }
  const at = `output ${worst.index} of example ${worst.sample} (y = [${worst.output.map((v) => shortNumber(v, 4)).join(', ')}], ` +
    `t = [${worst.target.map((v) => shortNumber(v, 4)).join(', ')}])`;
  return `${WHERE}: the gradient of ${name} is worst at ${at}: gradient ${worst.gradient}, central difference ${worst.numeric}`;
}

/**
 * Checks a loss's `gradient` against central differences of its `value`,
 * on `samples` random examples of `size` outputs: `y_k` drawn uniformly
 * from `outputRange` and `t_k` from `targetRange` by the library's seeded
 * generator. At each output `k` of each example,
 * `numeric = (L(y + ε e_k, t) - L(y - ε e_k, t)) / 2ε` is compared with
 * the gradient's `k`-th entry; they agree when
 * `|gradient - numeric| <= absoluteTolerance + tolerance · max(|gradient|, |numeric|)`,
 * the rule `Activation.check` and `gradientCheck` use. An entry the
 * gradient leaves unwritten, or a value that is not finite, fails. Costs
 * `samples · (2 · size + 1)` calls of `value` and `samples` of `gradient`;
 * changes nothing (the loss gets copies of its rows).
 *
 * Run it on a custom loss before training: a gradient off by a factor,
 * of the wrong sign, of another function, or wrong at one output only,
 * all fail, and the report points at the worst output with both values.
 *
 * @param loss - the loss to check, built-in or from `Loss.define`.
 * @param options - how many examples, their size and ranges, the seed,
 *   ε and the tolerances.
 * @throws {@link ValueError} if the loss is not one, if its `value`
 *   returns or its `gradient` writes something that is not a number (a
 *   string, a boolean, null, a BigInt, an object: refused, not coerced), or
 *   if an option is unknown or out of range.
 * @returns `ok`, how many outputs were compared, the largest errors, the
 *   worst output (its example, `y`, `t`, index, both values and margin),
 *   the first failure and a one-line `summary`.
 *
 * @example
 * A squared error whose gradient forgot the factor 2:
 * ```ts
 * import { Loss } from 'mathjs-backprop';
 * Loss.check(Loss.squaredError).ok; // => true
 * const halved = Loss.define({
 *   name: 'halvedGradient',
 *   value: Loss.squaredError.value,
 *   gradient: (y, t, into) => {
 *     for (let k = 0; k < y.length; k++) into[k] = y[k] - t[k];
 *   },
 * });
 * const report = Loss.check(halved);
 * report.ok; // => false
 * // The gradient is half the central difference at the worst output.
 * report.worst.numeric / report.worst.gradient; // => 2.000000
 * ```
 */
export function check(loss: Loss, options: LossCheckOptions = {}): LossCheckReport {
  // A custom loss guarded: a non-number its gradient writes is seen, not coerced.
  const guarded = checkLoss(loss, WHERE);
  const s = settingsOf(options ?? {});
  const random = createRandom(s.seed);
  let maxAbsoluteError = 0;
  let maxRelativeError = 0;
  let worst: LossCheckPoint | undefined;
  let firstFailure: LossCheckPoint | undefined;
  for (let sample = 0; sample < s.samples; sample++) {
    const y = draw(random, s.size, s.outputRange);
    const t = draw(random, s.size, s.targetRange);
    for (const { point, ok } of compareExample(guarded, sample, y, t, s)) {
      maxAbsoluteError = Math.max(maxAbsoluteError, point.absoluteError);
      maxRelativeError = Math.max(maxRelativeError, point.relativeError);
      if (worst === undefined || point.margin > worst.margin || Number.isNaN(point.margin)) worst = point;
      if (!ok && firstFailure === undefined) firstFailure = point;
    }
  }
  const checked = s.samples * s.size;
  const w = worst as LossCheckPoint;
  const summary = summaryOf(guarded, checked, w, firstFailure !== undefined);
  const report = { ok: firstFailure === undefined, checked, maxAbsoluteError, maxRelativeError, worst: w, summary };
  return firstFailure === undefined ? report : { ...report, firstFailure };
}
