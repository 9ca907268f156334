/**
 * What `gradientCheck` takes and returns: its options, and the report of
 * every weight it compared.
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
   * be tiny: `10^-min(ceil(digits / 3), 300)`, 1e-17 at 50 digits, makes
   * both errors about `10^-(2 digits / 3)` (1e-13 at the fewest digits, 20,
   * ten times below the absolute tolerance; 1e-33 at 50).
   * @defaultValue 1e-6 in float64; `10^-min(ceil(digits / 3), 300)` (1e-17
   *   at the default 50 digits) with `reference: 'bignumber'`
   */
  readonly epsilon?: number;
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
  readonly tolerance?: number;
  /**
   * The absolute tolerance, for gradients at or near zero (a dead relu's
   * exact zeros, say), where round-off is all a finite difference (or, with
   * the exact reference, the analytic gradient) can see.
   * @defaultValue `1e-8 · max(1, |L|)` in float64, about 50 times the
   *   round-off of the difference at the default ε; `1e-12 · max(1, |L|)`
   *   with `reference: 'bignumber'`, about a thousand times the rounding of
   *   the float64 sums of the backward pass.
   */
  readonly absoluteTolerance?: number;
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss;
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
  readonly reference?: 'float64' | 'bignumber';
  /**
   * The significant digits of the BigNumber reference, an integer from 20
   * to 1000; only with `reference: 'bignumber'`.
   * @defaultValue 50
   */
  readonly digits?: number;
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
  readonly sample?: number;
  /**
   * The seed of `sample`'s draw, an integer from 0 to 2^32 - 1, with the
   * library's own generator: the same weights on every platform.
   * @defaultValue 0
   */
  readonly seed?: number;
  /**
   * Also check `∂L/∂x`, `Network.gradient(...).input`, against central
   * differences in each input entry: the report then has `inputs`, and
   * `ok` needs them to agree too.
   * @defaultValue false
   */
  readonly inputs?: boolean;
}

/** The one-sided slopes of an entry whose central difference crossed a kink. */
export interface GradientCheckOneSided {
  /** `(L(w) - L(w - ε)) / ε`. */
  readonly left: number;
  /** `(L(w + ε) - L(w)) / ε`. */
  readonly right: number;
  /**
   * Whether the analytic value lies between the two (within the
   * tolerances), as a derivative chosen at a kink, one side's slope or a
   * value between, must. Outside them, the derivative is wrong on both
   * sides of the kink, not just a matter of which side was taken.
   */
  readonly between: boolean;
}

/** One weight's comparison in a {@link GradientCheckReport}. */
export interface GradientCheckEntry {
  /** The layer, from 0 at the input side. */
  readonly layer: number;
  /** The weight's row: 0 is the bias row, `i` the layer's input `i`. */
  readonly row: number;
  /** The weight's column: the neuron. */
  readonly column: number;
  /** Whether the weight is a bias (row 0, on the constant input -1). */
  readonly bias: boolean;
  /** `∂L/∂w` from `Network.gradient`. */
  readonly analytic: number;
  /** `∂L/∂w` from the central difference. */
  readonly numeric: number;
  /** `|analytic - numeric|`. */
  readonly absoluteError: number;
  /** `|analytic - numeric| / max(|analytic|, |numeric|)`, or 0 when both are 0. */
  readonly relativeError: number;
  /**
   * Whether this entry counts as agreeing: within the tolerances, or not
   * counted because its finite difference crossed a kink (`kink`).
   */
  readonly ok: boolean;
  /**
   * Whether `w ± ε` moved some pre-activation across a kink of its
   * activation (relu's at 0, say): the central difference then averages
   * two slopes and means nothing, so the entry is `ok` whatever its
   * errors, and a warning names the neuron.
   */
  readonly kink: boolean;
  /**
   * How far the entry is from its tolerance: `absoluteError` over the error
   * allowed, above 1 fails. A failure by 1.0000001 is a near miss, one by
   * 1e4 a real disagreement; property tests and their shrinking can tell
   * them apart by this.
   */
  readonly margin: number;
  /** With `kink`: the one-sided slopes and whether the analytic value lies between them. */
  readonly oneSided?: GradientCheckOneSided;
}

/** One input entry's comparison, with `inputs: true`: `∂L/∂x` against its central difference. */
export interface GradientCheckInputEntry {
  /** The example: the row of the batch, 0 for one example. */
  readonly example: number;
  /** The input (column), from 0. */
  readonly index: number;
  /** `∂L/∂x` from `Network.gradient(...).input`. */
  readonly analytic: number;
  /** The central difference `(L(x + ε) - L(x - ε)) / 2ε`. */
  readonly numeric: number;
  /** `|analytic - numeric|`. */
  readonly absoluteError: number;
  /** `|analytic - numeric| / max(|analytic|, |numeric|)`, or 0 when both are 0. */
  readonly relativeError: number;
  /** The error over the error allowed; above 1 fails. */
  readonly margin: number;
  /** Whether it agrees, or is not counted because of a kink. */
  readonly ok: boolean;
  /** Whether `x ± ε` moved some pre-activation across a kink. */
  readonly kink: boolean;
  /** With `kink`: the one-sided slopes. */
  readonly oneSided?: GradientCheckOneSided;
}

/** What a check costs, estimated before it starts. */
export interface GradientCheckCost {
  /** The forward passes of the finite differences: two per entry. */
  readonly forwardPasses: number;
  /** The BigNumber multiply-adds of those passes, with the BigNumber reference; 0 in float64. */
  readonly bigOperations: number;
  /** The weights compared in each layer. */
  readonly checked: readonly number[];
  /** The weights of each layer. */
  readonly total: readonly number[];
}

/** A weight whose finite difference stepped across a kink; see {@link GradientCheckEntry.kink}. */
export interface GradientCheckKinkWarning {
  /** What the warning is about: a kink. */
  readonly kind: 'kink';
  /** The weight's layer. */
  readonly layer: number;
  /** The weight's row: 0 is the bias row. */
  readonly row: number;
  /** The weight's column: its neuron. */
  readonly column: number;
  /** The neuron whose pre-activation crossed (the one nearest its kink, if several did). */
  readonly neuron: {
    /** Its layer: the weight's own or one above it. */
    readonly layer: number;
    /** Its column in that layer. */
    readonly index: number;
    /** The example (row of the batch) on which it crossed; 0 for a single example. */
    readonly example: number;
  };
  /** That neuron's pre-activation at the unperturbed weights. */
  readonly z: number;
  /** The kink it crossed. */
  readonly kink: number;
  /** The one-sided slopes of the weight, and whether its analytic value lies between them. */
  readonly oneSided: GradientCheckOneSided;
  /** The warning in one sentence. */
  readonly message: string;
}

/** An activation or loss without a BigNumber form made the check fall back to float64. */
export interface GradientCheckFallbackWarning {
  /** What the warning is about: a fallback to float64. */
  readonly kind: 'fallback';
  /** Which one lacked the form. */
  readonly what: 'activation' | 'loss';
  /** Its name. */
  readonly name: string;
  /** The warning in one sentence, e.g. `activation "x" has no BigNumber form: fell back to float64`. */
  readonly message: string;
}

/** What a {@link GradientCheckReport} warns about. */
export type GradientCheckWarning = GradientCheckKinkWarning | GradientCheckFallbackWarning;

/** The shape and activation of one layer, as a report records it. */
export interface GradientCheckLayer {
  /** The activation's name. */
  readonly activation: string;
  /** The number of inputs (the weights have one more row, the bias). */
  readonly inputSize: number;
  /** The number of neurons (columns). */
  readonly outputSize: number;
}

/** What {@link gradientCheck} returns. */
export interface GradientCheckReport {
  /** Whether every entry is `ok`. */
  readonly ok: boolean;
  /** The largest `|analytic - numeric|` over all weights (kink entries included). */
  readonly maxAbsoluteError: number;
  /** The largest relative error over all weights (kink entries included). */
  readonly maxRelativeError: number;
  /** One entry per weight checked (every one unless `sample`), layer by layer, row by row, column by column. */
  readonly entries: readonly GradientCheckEntry[];
  /**
   * The same entries, worst first: the failing ones, then the rest; each
   * group by how far past its tolerance (`absoluteError` over the allowed
   * error), then by relative error, then in the order of `entries`.
   */
  readonly worst: readonly GradientCheckEntry[];
  /** The arithmetic the finite differences were taken in. */
  readonly reference: 'float64' | 'bignumber';
  /** The BigNumber precision, with `reference: 'bignumber'`. */
  readonly digits?: number;
  /** The step ε used. */
  readonly epsilon: number;
  /** The relative tolerance used. */
  readonly tolerance: number;
  /** The absolute tolerance used. */
  readonly absoluteTolerance: number;
  /** The loss at the unperturbed weights. */
  readonly loss: number;
  /** The loss's name. */
  readonly lossName: string;
  /** Each layer's activation and size. */
  readonly layers: readonly GradientCheckLayer[];
  /** The fallbacks to float64 first, then one warning per weight whose difference crossed a kink. */
  readonly warnings: readonly GradientCheckWarning[];
  /** With `inputs: true`: one entry per input entry checked, example by example. */
  readonly inputs?: readonly GradientCheckInputEntry[];
  /** With `sample`: its seed. */
  readonly seed?: number;
  /** How many entries were compared and what that cost. */
  readonly cost: GradientCheckCost;
}
