/**
 * The options and the report of `Loss.check`, shaped as those of
 * `Activation.check`.
 *
 * @module
 */

/** Options of `Loss.check`. */
export interface LossCheckOptions {
  /**
   * How many outputs each random example has (the length of `y` and `t`).
   * @defaultValue 3
   */
  readonly size?: number | undefined;
  /**
   * How many random examples `(y, t)` to draw; each is checked at every output.
   * @defaultValue 20
   */
  readonly samples?: number | undefined;
  /**
   * The seed of the library's generator that draws the examples: the same
   * seed gives the same examples on every platform.
   * @defaultValue 0
   */
  readonly seed?: number | undefined;
  /**
   * The interval the outputs `y_k` are drawn from, uniformly: `[low, high]`.
   * The default lies inside `(0, 1)`, so losses of probabilities (binary
   * cross-entropy) are checked where they are defined.
   * @defaultValue `[0.05, 0.95]`
   */
  readonly outputRange?: readonly [number, number] | undefined;
  /**
   * The interval the targets `t_k` are drawn from, uniformly.
   * @defaultValue `[0, 1]`
   */
  readonly targetRange?: readonly [number, number] | undefined;
  /**
   * The step `ε` of the central difference `(L(y + ε e_k) - L(y - ε e_k)) / 2ε`.
   * @defaultValue 1e-6
   */
  readonly epsilon?: number | undefined;
  /**
   * The relative tolerance: an output passes when
   * `|gradient - numeric| <= absoluteTolerance + tolerance · max(|gradient|, |numeric|)`,
   * the rule of `Activation.check` and `gradientCheck`.
   * @defaultValue 1e-5, as `gradientCheck`
   */
  readonly tolerance?: number | undefined;
  /**
   * The absolute tolerance, for gradients at or near zero.
   * @defaultValue `1e-8 · max(1, |L(y, t)|)` at each example: about 100
   *   times the round-off of the difference at the default ε.
   */
  readonly absoluteTolerance?: number | undefined;
}

/** One compared output: where, both values and by how much they differ. */
export interface LossCheckPoint {
  /** Which random example, from 0. */
  readonly sample: number;
  /** The output row `y` of that example. */
  readonly output: number[];
  /** The target row `t` of that example. */
  readonly target: number[];
  /** The output `k` compared, from 0. */
  readonly index: number;
  /** What the loss's `gradient` wrote for `∂L/∂y_k`. */
  readonly gradient: number;
  /** The central difference of `value` along `y_k`. */
  readonly numeric: number;
  /** `|gradient - numeric|`. */
  readonly absoluteError: number;
  /** `|gradient - numeric| / max(|gradient|, |numeric|)`, 0 when both are 0. */
  readonly relativeError: number;
  /** The error over the error allowed: at most 1 passes, above 1 fails. */
  readonly margin: number;
}

/** What `Loss.check` returns. */
export interface LossCheckReport {
  /** Whether the gradient agrees at every output of every example. */
  readonly ok: boolean;
  /** How many outputs were compared: `samples · size`. */
  readonly checked: number;
  /** The largest `|gradient - numeric|`. */
  readonly maxAbsoluteError: number;
  /** The largest relative error. */
  readonly maxRelativeError: number;
  /** The output with the largest margin, failing or not. */
  readonly worst: LossCheckPoint;
  /** The first failing output in the order checked; absent when ok. */
  readonly firstFailure?: LossCheckPoint;
  /** One sentence: all agree, or where the gradient is worst with both values. */
  readonly summary: string;
}
