/**
 * What `gradientCheck` takes: its options, each with its default.
 *
 * @module
 */
import type { Loss } from '../math/loss-type.js';

/** Options of {@link gradientCheck}. */
export interface GradientCheckOptions {
  /**
   * The step `ε` of the central difference `(L(w + ε) - L(w - ε)) / 2ε`.
   * In float64, 1e-6 balances the truncation error (about `ε² |L'''| / 6`)
   * against round-off (about `2.2e-16 · |L| / ε`). With the BigNumber
   * reference round-off is `10^-digits · |L| / ε` instead, so the step can
   * be tiny: `10^-round(0.4 · digits)`, 1e-20 at 50 digits, makes both
   * errors negligible (about 1e-40 and 1e-30 relative).
   * @defaultValue 1e-6 in float64; `10^-round(0.4 · digits)` (1e-20) with
   *   `reference: 'bignumber'`
   */
  readonly epsilon?: number | undefined;
  /**
   * The relative tolerance: an entry passes when
   * `|analytic - numeric| <= absoluteTolerance + tolerance · max(|analytic|, |numeric|)`.
   * In float64, 1e-5 sits four orders of magnitude above the error of a
   * correct gradient at the default ε, and far below the 0.5 of a gradient
   * off by a factor of 2. Against the exact BigNumber reference the only
   * error left is the analytic gradient's own float64 rounding, a few
   * 1e-16 relative, so 1e-10 still leaves a margin of a million.
   * @defaultValue 1e-5 in float64; 1e-10 with `reference: 'bignumber'`
   */
  readonly tolerance?: number | undefined;
  /**
   * The absolute tolerance, for gradients at or near zero (a dead relu's
   * exact zeros, say), where round-off is all a finite difference (or, with
   * the exact reference, the analytic gradient) can see.
   * @defaultValue `1e-8 · max(1, |L|)` in float64, about 50 times the
   *   round-off of the difference at the default ε; `1e-12 · max(1, |L|)`
   *   with `reference: 'bignumber'`, about a thousand times the rounding of
   *   the float64 sums of the backward pass.
   */
  readonly absoluteTolerance?: number | undefined;
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss | undefined;
  /**
   * The arithmetic of the finite differences. `'bignumber'` evaluates the
   * forward pass and the loss in mathjs BigNumbers of `digits` significant
   * digits, on exact copies of the weights, inputs and targets, so the
   * numeric gradient is exact to far below float64 rounding and the check
   * can be tight. It needs a BigNumber form (`big`) on every activation and
   * on the loss (all built-in ones have it); without one the check falls
   * back to float64, reports `reference: 'float64'` and says so in a
   * warning. An explicit `epsilon` or tolerance is used as given either
   * way; left out, each takes the default of the reference actually used.
   * @defaultValue `'float64'`
   */
  readonly reference?: 'float64' | 'bignumber' | undefined;
  /**
   * The significant digits of the BigNumber reference, an integer from 20
   * to 1000; only with `reference: 'bignumber'`.
   * @defaultValue 50
   */
  readonly digits?: number | undefined;
  /**
   * Check at most this many weights per layer (a positive integer): the
   * whole bias row (or `sample` of its weights, when the layer has more
   * neurons than that) and the rest drawn uniformly from the other rows,
   * seeded with `seed`; and at most `sample` input entries with `inputs`.
   * For networks too big to check whole. Why the bias row: its gradient
   * `∂L/∂w[0][j] = -delta_j` sees every neuron's delta, where every wrong
   * derivative and wrong loss gradient shows, so with `sample` at least the
   * widest layer's neuron count such a bug is found with probability 1;
   * with fewer, a bug in `k` of a layer's `m` neurons is missed with
   * probability `C(m - k, s) / C(m, s) <= (1 - s/m)^k`. A bug that touches
   * one input weight only is found with probability `(s - m) / (n · m)`.
   * Without `sample`, a BigNumber check bigger than 1e7 BigNumber
   * multiply-adds (about 30 s) is refused before it starts: its cost is
   * in the message and in `cost`.
   * @defaultValue every weight
   */
  readonly sample?: number | undefined;
  /**
   * The seed of `sample`'s draw, an integer from 0 to 2^32 - 1, with the
   * library's own generator: the same weights on every platform.
   * @defaultValue 0
   */
  readonly seed?: number | undefined;
  /**
   * Also check `∂L/∂x`, `Network.gradient(...).input`, against central
   * differences in each input entry: the report then has `inputs`, and
   * `ok` needs them to agree too.
   * @defaultValue false
   */
  readonly inputs?: boolean | undefined;
}
