/**
 * The loss along a direction in weight space, the numeric side of
 * `directionalCheck` and `taylorTest`: for a step `h`, the change of the
 * loss `L(w + h·d) - L(w)`, the first-order prediction `∇L·s` for the step
 * `s` actually taken, their difference, an estimate of the round-off in
 * that difference, and whether the step moved a pre-activation across a
 * kink. Two implementations share these types: float64 (below) and
 * BigNumber (`big-along.ts`).
 */
import type { Loss } from '../math/loss-type.js';
import { createWorkspace, lossModel, type Model } from '../engine/flat-model.js';
import { findCrossing, type KinkCrossing } from './difference.js';

/** The loss at `w + h·d`, compared with its first-order prediction. */
export interface AlongPoint {
  /** `L(w + s) - L(w)`, taken in the arithmetic of the reference, then rounded to a double. */
  readonly lossChange: number;
  /** `∇L·s`: the analytic gradient times the step actually taken. */
  readonly slope: number;
  /** `|L(w + s) - L(w) - ∇L·s|`, taken in the arithmetic of the reference. */
  readonly residual: number;
  /** An estimate of the round-off in `residual`: residuals not well above it mean nothing. */
  readonly roundOff: number;
  /** A pre-activation that lies on the other side of a kink at `w + s` than at `w`. */
  readonly kink?: KinkCrossing;
}

/** The loss along one direction, for a step `h` (negative steps go the other way). */
export type Along = (h: number) => AlongPoint;

/** Everything both implementations need: the example, the loss and the analytic gradient at `w`. */
export interface AlongSetting {
  readonly model: Model;
  readonly x: Float64Array;
  readonly rows: number;
  readonly targetRows: readonly ArrayLike<number>[];
  readonly loss: Loss;
  /** The loss at `w`, in float64. */
  readonly value: number;
  /** `∂L/∂w` of each layer, in float64. */
  readonly grads: readonly Float64Array[];
  /** Every layer's pre-activations at `w`, `rows × width`. */
  readonly z: readonly Float64Array[];
  /**
   * `Σ_k |∂L/∂w_k · w_k|` over every weight, plus `|L|`: how much rounding
   * every weight and product by a relative `u` can move the loss.
   */
  readonly sensitivity: number;
}

/** The unit round-off of float64, 2^-53. */
export const UNIT_ROUNDOFF = 2 ** -53;

/** `Σ_k |g_k · w_k|` over every layer, plus `|L|`; see {@link AlongSetting.sensitivity}. */
export function sensitivityOf(model: Model, grads: readonly Float64Array[], value: number): number {
  let sum = Math.abs(value);
  model.weights.forEach((w, l) => {
    for (let k = 0; k < w.length; k++) sum += Math.abs(grads[l][k] * w[k]);
  });
  return sum;
}

/** The first layer a direction moves; `direction[l]` is null for a layer it leaves alone. */
export function firstMoved(direction: readonly (Float64Array | null)[]): number {
  const from = direction.findIndex((d) => d !== null);
  return from < 0 ? direction.length : from;
}

const sideOf = (z: number, kink: number): number => Math.sign(z - kink);
const same = (z: number): number => z;

/**
 * The loss along `direction` in float64, on a copy of the weights, reusing
 * one workspace. The step taken is `s_k = (w_k + h·d_k) - w_k`, exact in
 * float64 whenever `|h·d_k| <= |w_k|` (Sterbenz), so the rounding of
 * `w + h·d` does not pass for a first-order error. The round-off estimate
 * is `u · (|L(w + s)| + sensitivity + Σ_k |g_k s_k|)` with `u = 2^-53`:
 * the rounding of both losses and of the dot product.
 */
export function floatAlong(setting: AlongSetting, direction: readonly (Float64Array | null)[]): Along {
  const { model, x, rows, targetRows, loss } = setting;
  const ws = createWorkspace(model, rows);
  const probe: Model = { ...model, weights: model.weights.map((w) => w.slice()) };
  const from = firstMoved(direction);
  return (h) => {
    let slope = 0;
    let magnitude = 0;
    direction.forEach((d, l) => {
      if (d === null) return;
      const w = model.weights[l];
      const p = probe.weights[l];
      const g = setting.grads[l];
      for (let k = 0; k < w.length; k++) {
        p[k] = w[k] + h * d[k];
        const term = g[k] * (p[k] - w[k]);
        slope += term;
        magnitude += Math.abs(term);
      }
    });
    const moved = lossModel(probe, x, targetRows, loss, ws);
    const kink = findCrossing(model, from, ws.z, setting.z, setting.z, sideOf, same);
    direction.forEach((d, l) => { if (d !== null) probe.weights[l].set(model.weights[l]); });
    const lossChange = moved - setting.value;
    const roundOff = UNIT_ROUNDOFF * (Math.abs(moved) + setting.sensitivity + magnitude);
    const point = { lossChange, slope, residual: Math.abs(lossChange - slope), roundOff };
    return kink === undefined ? point : { ...point, kink };
  };
}
