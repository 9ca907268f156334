/**
 * `assertCaseGradients`: `assertGradients` for a property test, which
 * treats a near miss as inconclusive so that fast-check's shrinking never
 * ends on one.
 *
 * @module
 */
import * as fc from 'fast-check';
import {
  formatGradientReport, gradientCheck, GradientCheckError, ValueError,
  type GradientCheckOptions, type GradientCheckReport,
} from '../index.js';
import type { GradientCase } from './gradient-case.js';

/** Options of {@link assertCaseGradients}: those of `gradientCheck`, and `minMargin`. */
export interface CaseGradientOptions extends GradientCheckOptions {
  /**
   * How far past its tolerance an entry must fail for the case to count
   * as a counterexample. An entry's margin is its error over the error
   * allowed (`absoluteError / (absoluteTolerance + tolerance · scale)`): at
   * most 1 agrees. A case whose failing entries all have margins in
   * `(1, minMargin]` is a near miss, as likely the round-off of the finite
   * difference as a wrong derivative: it is skipped (`fc.pre(false)`), not
   * failed, so shrinking moves on from it and the counterexample fast-check
   * reports fails by more than `minMargin`. 1 skips nothing.
   * @defaultValue 10
   */
  readonly minMargin?: number | undefined;
}

/** The largest margin of a failing entry (weights and inputs), 0 when none fails. */
function worstMargin(report: GradientCheckReport): number {
  const failing = [...report.entries, ...(report.inputs ?? [])].filter((e) => !e.ok).map((e) => e.margin);
  return failing.length === 0 ? 0 : Math.max(...failing);
}

/**
 * Checks one case's gradient inside a fast-check property: passes when
 * every weight agrees, skips the case as inconclusive when the worst
 * failing entry misses its tolerance by at most `minMargin` times
 * (`margin = error / allowed error`), and otherwise throws a
 * {@link mathjs-backprop!GradientCheckError | GradientCheckError} whose message is
 * the report's table. The shrunk counterexample is then one that fails
 * clearly, not one that differs from a passing case in the eighth digit.
 * Costs one `gradientCheck`.
 *
 * Use it in `fc.property` over `gradientCase(...)`; skipped cases count
 * against fast-check's `maxSkipsPerRun`, which a wrong derivative never
 * reaches, as most of its cases fail by far more.
 *
 * @param testCase - `{ net, input, target }`, as `gradientCase` draws them.
 * @param options - those of `gradientCheck`, and `minMargin`.
 * @throws {@link mathjs-backprop!GradientCheckError | GradientCheckError} when an
 *   entry fails by more than `minMargin`; fast-check's precondition
 *   failure (a skip) for a near miss; {@link mathjs-backprop!ValueError | ValueError}
 *   if `minMargin` is not a finite number >= 1.
 * @returns the report, when every weight agrees.
 *
 * @example
 * A tanh whose derivative is off by the relative amount `1e-4 · z²`, tiny
 * near 0: the shrunk counterexample still fails by more than 10 times its tolerance.
 * ```ts
 * import fc from 'fast-check';
 * import { Activation, gradientCheck } from 'mathjs-backprop';
 * import { assertCaseGradients, gradientCase } from 'mathjs-backprop/testing';
 * const slightly = Activation.define({
 *   name: 'tanh-slightly-off',
 *   apply: Math.tanh,
 *   derivative: (z, a) => (1 - a * a) * (1 + 1e-4 * z * z),
 * });
 * const property = fc.property(gradientCase({ activations: [slightly], layers: 1 }), (c) => {
 *   assertCaseGradients(c);
 * });
 * const result = fc.check(property, { seed: 3, numRuns: 200 });
 * result.failed; // => true
 * const [c] = result.counterexample!;
 * const report = gradientCheck(c.net, c.input, c.target);
 * Math.max(...report.entries.map((e) => e.margin)) > 10; // => true
 * ```
 */
export function assertCaseGradients(testCase: GradientCase, options: CaseGradientOptions = {}): GradientCheckReport {
  const { minMargin = 10, ...checkOptions } = options ?? {};
  if (typeof minMargin !== 'number' || !Number.isFinite(minMargin) || minMargin < 1) {
    throw new ValueError(`assertCaseGradients: minMargin must be a finite number >= 1, got ${String(minMargin)}`);
  }
  const report = gradientCheck(testCase.net, testCase.input, testCase.target, checkOptions);
  if (report.ok) return report;
  fc.pre(worstMargin(report) > minMargin);
  throw new GradientCheckError(formatGradientReport(report), report);
}
