/**
 * The loss along a direction in BigNumber arithmetic, for `directionalCheck`
 * and `taylorTest` with `reference: 'bignumber'`: `w + h·d`, the loss there,
 * its change and the first-order prediction `∇L·(h·d)` all taken in
 * BigNumbers of the chosen precision, so only the analytic gradient's own
 * float64 rounding is left in the residual.
 *
 * What does not depend on the step is computed once per direction: the
 * direction as BigNumbers, `∇L·d`, and, for the first layer the direction
 * moves, `[-1, a]·d`. That layer's input does not move, so its `z` is
 * linear in the step: `z(w + h·d) = z(w) + h·([-1, a]·d)`, `m` products per
 * step instead of a pass through all of its weights. Only the layers above
 * it are passed through again, and the layers below it not at all.
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
 * `[-1, input] · d` for every row of `input` (`rows × n`), `d` laid out as
 * layer `l`'s weights: how layer `l`'s `z` moves per unit step along `d`.
 */
function zPerStep(ctx: BigContext, l: number, input: readonly BigNumber[], d: readonly BigNumber[]): BigNumber[] {
  const n = ctx.model.sizes[l];
  const m = ctx.model.sizes[l + 1];
  const out: BigNumber[] = [];
  for (let r = 0; r < ctx.rows; r++) {
    for (let j = 0; j < m; j++) {
      let sum = d[j].neg();
      for (let i = 0; i < n; i++) sum = sum.plus(input[r * n + i].times(d[(i + 1) * m + j]));
      out.push(sum);
    }
  }
  return out;
}

/**
 * The loss along `direction` in BigNumbers. The direction's entries are
 * taken as the shortest decimals of their doubles (not their exact
 * expansions: 17 digits instead of about 55, so every product is cheaper);
 * it is the same direction in the step, in `∇L·d` and in the moved `z`, so
 * the residual means what it does with the exact entries. The round-off
 * estimate is that of the analytic gradient in float64, a few `u` of each
 * product, `u · |h| Σ_k |g_k d_k|`, plus `10^-digits` of the sensitivity.
 */
export function bigAlong(setting: AlongSetting, big: BigAlongBase, direction: readonly (Float64Array | null)[]): Along {
  const { ctx, base, grads } = big;
  const { math } = ctx;
  const from = firstMoved(direction);
  const bigDirection = direction.map((d) => (d === null ? null : Array.from(d, (v) => math.bignumber(String(v)))));
  let unitSlope = math.bignumber(0);
  let unitMagnitude = 0;
  bigDirection.forEach((d, l) => {
    if (d === null) return;
    for (let k = 0; k < d.length; k++) {
      unitSlope = unitSlope.plus(grads[l][k].times(d[k]));
      unitMagnitude += Math.abs(setting.grads[l][k] * (direction[l] as Float64Array)[k]);
    }
  });
  const input = from === 0 ? ctx.x : base.a[from - 1];
  const layers = ctx.weights.length;
  const zSlope = from < layers ? zPerStep(ctx, from, input, bigDirection[from] as BigNumber[]) : [];
  const side = (z: BigNumber, kink: number): number => z.comparedTo(exactDecimal(kink));
  const precision = 10 ** -big.digits;
  return (h) => {
    const step = toBig(math, h);
    const z: BigNumber[][] = [];
    const a: BigNumber[][] = [];
    if (from < layers) {
      const f = ctx.activations[from];
      z[from] = base.z[from].map((zq, q) => zq.plus(step.times(zSlope[q])));
      a[from] = z[from].map((zq) => f.apply(zq, math));
    }
    // The layers above: their inputs move, so they are passed through again, on w + h·d where d moves them.
    const weights = ctx.weights.map((w, l) => {
      const d = bigDirection[l];
      return l <= from || d === null ? w : w.map((wk, k) => wk.plus(step.times(d[k])));
    });
    const above = bigPassFrom({ ...ctx, weights }, from + 1, from < layers ? a[from] : input);
    for (let l = from + 1; l < layers; l++) z[l] = above.z[l];
    const slope = unitSlope.times(step);
    const change = above.loss.minus(base.loss);
    const kink = findCrossing(ctx.model, from, z, base.z, base.z, side, (v) => v.toNumber());
    const point = {
      lossChange: change.toNumber(),
      slope: slope.toNumber(),
      residual: change.minus(slope).abs().toNumber(),
      roundOff: UNIT_ROUNDOFF * unitMagnitude * Math.abs(h) + precision * setting.sensitivity,
    };
    return kink === undefined ? point : { ...point, kink };
  };
}
