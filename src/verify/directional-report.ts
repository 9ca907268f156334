/**
 * What `directionalCheck` takes and returns.
 *
 * @module
 */
import type { AlongOptions } from './along-setting.js';
import type { GradientCheckComparison, GradientCheckFallbackWarning } from './check-report.js';

/** Options of {@link directionalCheck}. */
export interface DirectionalCheckOptions extends AlongOptions {
  /**
   * How many random directions per layer.
   * @defaultValue 3
   */
  readonly directions?: number | undefined;
  /**
   * The relative tolerance: a direction passes when
   * `|analytic - numeric| <= absoluteTolerance + tolerance · max(|analytic|, |numeric|) + roundOff`,
   * `roundOff` being the estimated rounding of the difference. As for
   * `gradientCheck`: four orders of magnitude above the error of a correct
   * gradient, far below a factor of 2.
   * @defaultValue 1e-5 in float64; 1e-10 with `reference: 'bignumber'`
   */
  readonly tolerance?: number | undefined;
  /**
   * The absolute tolerance, for directional derivatives at or near zero.
   * @defaultValue `1e-8 · max(1, |L|)` in float64; `1e-12 · max(1, |L|)` with `reference: 'bignumber'`
   */
  readonly absoluteTolerance?: number | undefined;
}

/**
 * One direction of one layer in a {@link DirectionalCheckReport}: its
 * `analytic` is `∇L·d` from `Network.gradient`, `d` the unit direction,
 * and its `numeric` is `(L(w + ε·d) - L(w - ε·d)) / 2ε`; a direction whose
 * steps cross a kink is not counted.
 */
export interface DirectionalCheckDirection extends GradientCheckComparison {
  /** Which of the layer's directions, from 0. */
  readonly direction: number;
}

/** One layer of a {@link DirectionalCheckReport}. */
export interface DirectionalCheckLayer {
  /** The layer, from 0 at the input side. */
  readonly layer: number;
  /** Its activation's name. */
  readonly activation: string;
  /** How many weights it has, `(inputs + 1) × neurons`. */
  readonly weights: number;
  /** The step ε of the central difference along each unit direction: `h · max(1, ‖w‖)`. */
  readonly epsilon: number;
  /** Whether every direction agrees. */
  readonly ok: boolean;
  /** One entry per direction. */
  readonly directions: DirectionalCheckDirection[];
}

/** What {@link directionalCheck} returns. */
export interface DirectionalCheckReport {
  /** Whether every layer agrees. */
  readonly ok: boolean;
  /** One report per layer, from the input side. */
  readonly layers: DirectionalCheckLayer[];
  /** The highest layer that disagrees (where to look first), or null. */
  readonly suspect: number | null;
  /** One sentence: everything agrees, or which layers disagree and where to look. */
  readonly summary: string;
  /** The arithmetic the losses were taken in. */
  readonly reference: 'float64' | 'bignumber';
  /** The BigNumber precision, with `reference: 'bignumber'`. */
  readonly digits?: number;
  /** The seed of the directions. */
  readonly seed: number;
  /** The relative tolerance used. */
  readonly tolerance: number;
  /** The absolute tolerance used. */
  readonly absoluteTolerance: number;
  /** The loss at the given weights. */
  readonly loss: number;
  /** The loss's name. */
  readonly lossName: string;
  /** How many forward passes the check took, the backward pass not counted: `2 · directions · layers`. */
  readonly forwardPasses: number;
  /** Fallbacks to float64. */
  readonly warnings: GradientCheckFallbackWarning[];
}
