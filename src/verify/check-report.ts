/**
 * What `gradientCheck` returns: the report of every weight (and input)
 * it compared, per entry, per layer and in all.
 *
 * @module
 */

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

/**
 * What every comparison of an analytic derivative with its central
 * difference carries, in `gradientCheck`'s entries (a weight's, an
 * input's) and in `directionalCheck`'s directions: both values, their
 * errors, the margin and the verdict.
 */
export interface GradientCheckComparison {
  /** The analytic derivative, from `Network.gradient` (along `d` for a direction: `∇L·d`). */
  readonly analytic: number;
  /** The central difference, `(L(+ε) - L(-ε)) / 2ε` with the step on the weight, input or direction. */
  readonly numeric: number;
  /** `|analytic - numeric|`. */
  readonly absoluteError: number;
  /** `|analytic - numeric| / max(|analytic|, |numeric|)`, or 0 when both are 0. */
  readonly relativeError: number;
  /**
   * How far the comparison is from its tolerance: `absoluteError` over the
   * error allowed, above 1 fails. A failure by 1.0000001 is a near miss,
   * one by 1e4 a real disagreement; property tests and their shrinking can
   * tell them apart by this.
   */
  readonly margin: number;
  /**
   * Whether this comparison counts as agreeing: within the tolerances, or
   * not counted because its finite difference crossed a kink (`kink`).
   */
  readonly ok: boolean;
  /**
   * Whether the steps `±ε` moved some pre-activation across a kink of its
   * activation (relu's at 0, say): the central difference then averages
   * two slopes and means nothing, so the comparison is `ok` whatever its
   * errors, and a warning names the neuron.
   */
  readonly kink: boolean;
}

/** One weight's comparison in a {@link GradientCheckReport}. */
export interface GradientCheckEntry extends GradientCheckComparison {
  /** The layer, from 0 at the input side. */
  readonly layer: number;
  /** The weight's row: 0 is the bias row, `i` the layer's input `i`. */
  readonly row: number;
  /** The weight's column: the neuron. */
  readonly column: number;
  /** Whether the weight is a bias (row 0, on the constant input -1). */
  readonly bias: boolean;
  /** With `kink`: the one-sided slopes and whether the analytic value lies between them. */
  readonly oneSided?: GradientCheckOneSided;
}

/** One input entry's comparison, with `inputs: true`: `∂L/∂x` against its central difference. */
export interface GradientCheckInputEntry extends GradientCheckComparison {
  /** The example: the row of the batch, 0 for one example. */
  readonly example: number;
  /** The input (column), from 0. */
  readonly index: number;
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
  readonly checked: number[];
  /** The weights of each layer. */
  readonly total: number[];
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
  readonly entries: GradientCheckEntry[];
  /**
   * The same entries, worst first: the failing ones, then the rest; each
   * group by how far past its tolerance (`absoluteError` over the allowed
   * error), then by relative error, then in the order of `entries`.
   */
  readonly worst: GradientCheckEntry[];
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
  readonly layers: GradientCheckLayer[];
  /** The fallbacks to float64 first, then one warning per weight whose difference crossed a kink. */
  readonly warnings: GradientCheckWarning[];
  /** With `inputs: true`: one entry per input entry checked, example by example. */
  readonly inputs?: GradientCheckInputEntry[];
  /** With `sample`: its seed. */
  readonly seed?: number;
  /** How many entries were compared and what that cost. */
  readonly cost: GradientCheckCost;
}
