/**
 * When an analytic derivative agrees with a numerical one: the one rule
 * that `Activation.check` and `gradientCheck` share.
 *
 * Two values `a` (analytic) and `n` (numeric) agree when
 * `|a - n| <= absoluteTolerance + tolerance · max(|a|, |n|)`: a relative
 * test for large values, an absolute floor for values near zero (exact
 * zeros, such as a dead relu's gradient, pass).
 *
 * @module
 */

/** How two values compare: their errors and the margin by which they agree. */
export interface Agreement {
  /** `|a - n|`. */
  readonly absoluteError: number;
  /** `|a - n| / max(|a|, |n|)`, 0 when both are 0. */
  readonly relativeError: number;
  /** `|a - n|` over the error allowed: at most 1 agrees, above 1 disagrees. */
  readonly excess: number;
  /** Whether they agree (and both are finite). */
  readonly ok: boolean;
}

/** How `analytic` and `numeric` compare under the tolerances; a value that is not finite never agrees. */
export function agreement(analytic: number, numeric: number, tolerance: number, absoluteTolerance: number): Agreement {
  const finite = Number.isFinite(analytic) && Number.isFinite(numeric);
  const absoluteError = finite ? Math.abs(analytic - numeric) : Infinity;
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const relativeError = !finite ? Infinity : scale === 0 ? 0 : absoluteError / scale;
  const allowed = absoluteTolerance + tolerance * scale;
  const excess = allowed > 0 ? absoluteError / allowed : absoluteError > 0 ? Infinity : 0;
  return { absoluteError, relativeError, excess, ok: finite && absoluteError <= allowed };
}
