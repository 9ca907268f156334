/**
 * What `taylorTest` takes and returns.
 *
 * @module
 */
import type { AlongOptions } from './along-setting.js';
import type { GradientCheckFallbackWarning } from './check-report.js';

/** Options of {@link taylorTest}. */
export interface TaylorTestOptions extends AlongOptions {
  /**
   * How many times the step `h` is halved: `steps + 1` residuals and
   * `steps` orders per direction, from `h0` down to `h0 / 2^steps`. An
   * integer from 2 to 40.
   * @defaultValue 8
   */
  readonly steps?: number | undefined;
}

/** The residuals and orders along one direction. */
export interface TaylorSeries {
  /** Whether the orders say the gradient is right; see {@link taylorTest}. */
  readonly ok: boolean;
  /** The steps `h_i = h0 / 2^i` along the unit direction, `steps + 1` of them. */
  readonly h: number[];
  /** `|L(w + h_i·d) - L(w) - h_i ∇L·d|`, one per step. */
  readonly residuals: number[];
  /** `log2(residuals[i] / residuals[i + 1])`: about 2 for a right gradient, about 1 for a wrong one. */
  readonly orders: number[];
  /**
   * The steps (indices into `residuals`) whose residual is not well above
   * the estimated round-off (below 1000 times it): the orders next to them
   * are not used.
   */
  readonly belowRoundOff: number[];
  /** The steps whose move crossed a kink of an activation: the orders next to them are not used. */
  readonly kinks: number[];
  /** The last order between two usable steps, on which `ok` is decided; null when there is none. */
  readonly order: number | null;
}

/** One layer of a {@link TaylorTestReport}: a direction in that layer's weights only. */
export interface TaylorTestLayer extends TaylorSeries {
  /** The layer, from 0 at the input side. */
  readonly layer: number;
  /** Its activation's name. */
  readonly activation: string;
}

/**
 * What {@link taylorTest} returns. `ok`, `h`, `residuals`, `orders`,
 * `belowRoundOff`, `kinks` and `order` at the top are those of one
 * direction through every layer at once; `layers` has one direction per
 * layer.
 */
export interface TaylorTestReport extends TaylorSeries {
  /** Whether the direction through every layer and each layer's direction are all ok. */
  readonly ok: boolean;
  /** One series per layer, from the input side. */
  readonly layers: TaylorTestLayer[];
  /** The highest layer that is not ok (where to look first), or null. */
  readonly suspect: number | null;
  /** One sentence: the orders agree, or which layers disagree and where to look. */
  readonly summary: string;
  /** The arithmetic the losses were taken in. */
  readonly reference: 'float64' | 'bignumber';
  /** The BigNumber precision, with `reference: 'bignumber'`. */
  readonly digits?: number;
  /** The seed of the directions. */
  readonly seed: number;
  /** How many times `h` was halved. */
  readonly steps: number;
  /** The loss at the given weights. */
  readonly loss: number;
  /** The loss's name. */
  readonly lossName: string;
  /** How many forward passes the test took, the backward pass not counted: `(steps + 1) · (layers + 1)`. */
  readonly forwardPasses: number;
  /** Fallbacks to float64. */
  readonly warnings: GradientCheckFallbackWarning[];
}
