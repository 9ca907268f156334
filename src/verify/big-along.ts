/**
 * The loss along a direction in BigNumber arithmetic, for `directionalCheck`
 * and `taylorTest` with `reference: 'bignumber'`: `w + h·d`, the loss there,
 * its change and the first-order prediction `∇L·(h·d)` all taken in
 * BigNumbers of the chosen precision, so only the analytic gradient's own
 * float64 rounding is left in the residual.
 */
import type { BigNumber } from 'mathjs';
import { exactDecimal, toBig } from '../math/big-math.js';
import { findCrossing } from './difference.js';
import { firstMoved, UNIT_ROUNDOFF, type Along, type AlongSetting } from './along.js';
import { bigPassFrom, contextOf, type BigContext, type BigPass } from './big-difference.js';

/** The BigNumber context of a setting and its pass at `w`, made once and shared by every direction. */
export interface BigAlongBase {
  readonly ctx: BigContext;
  readonly base: BigPass;
  /** The analytic gradient as BigNumbers (exact copies of the doubles). */
  readonly grads: readonly BigNumber[][];
  readonly digits: number;
}

/** Converts a setting to BigNumbers of `digits` digits and runs the pass at `w`. */
export function bigAlongBase(setting: AlongSetting, digits: number): BigAlongBase {
  const ctx = contextOf(setting.model, setting.x, setting.rows, setting.targetRows, setting.loss, digits);
  const grads = setting.grads.map((g) => Array.from(g, (v) => toBig(ctx.math, v)));
  return { ctx, base: bigPassFrom(ctx, 0, ctx.x), grads, digits };
}

/**
 * The loss along `direction` in BigNumbers. The step is `s = h·d` exactly;
 * the round-off estimate is that of the analytic gradient in float64, a few
 * `u` of each product, `u · Σ_k |g_k s_k|`, plus `10^-digits` of
 * the sensitivity.
 */
export function bigAlong(setting: AlongSetting, big: BigAlongBase, direction: readonly (Float64Array | null)[]): Along {
  const { ctx, base, grads } = big;
  const from = firstMoved(direction);
  const bigDirection = direction.map((d) => (d === null ? null : Array.from(d, (v) => toBig(ctx.math, v))));
  const side = (z: BigNumber, kink: number): number => z.comparedTo(exactDecimal(kink));
  const precision = 10 ** -big.digits;
  return (h) => {
    const step = toBig(ctx.math, h);
    let slope = ctx.math.bignumber(0);
    let magnitude = 0;
    const weights = ctx.weights.map((w, l) => {
      const d = bigDirection[l];
      if (d === null) return w;
      return w.map((wk, k) => {
        const s = step.times(d[k]);
        const term = grads[l][k].times(s);
        slope = slope.plus(term);
        magnitude += Math.abs(term.toNumber());
        return wk.plus(s);
      });
    });
    const moved: BigContext = { ...ctx, weights };
    const input = from === 0 ? ctx.x : base.a[from - 1];
    const pass = bigPassFrom(moved, from, input);
    const change = pass.loss.minus(base.loss);
    const kink = findCrossing(ctx.model, from, pass.z, base.z, base.z, side, (z) => z.toNumber());
    const point = {
      lossChange: change.toNumber(),
      slope: slope.toNumber(),
      residual: change.minus(slope).abs().toNumber(),
      roundOff: UNIT_ROUNDOFF * magnitude + precision * setting.sensitivity,
    };
    return kink === undefined ? point : { ...point, kink };
  };
}
