/**
 * The exact reference of `gradientCheck`: the forward pass and the loss in
 * mathjs BigNumber arithmetic of a chosen precision, on BigNumber copies of
 * the weights, inputs and targets, and central differences of that loss.
 * With 50 digits and the default ε = 1e-17 the difference's truncation
 * error (`ε² |L'''| / 6`, about 1e-34) and its round-off
 * (`1e-50 · |L| / ε`, about 1e-33 relative) are both far below float64's
 * 1.1e-16; see `bigEpsilon` for every other precision.
 *
 * Only layers from the perturbed one up are recomputed: the layers below
 * see the same weights, so their activations are computed once.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import type { BigActivation } from '../math/activation-type.js';
import type { BigLoss, Loss } from '../math/loss-type.js';
import { bigMath, exactDecimal, toBig } from '../math/big-math.js';
import { findCrossing, type Differencer } from './difference.js';
import type { Model } from '../engine/flat-model.js';

/** Everything a BigNumber pass needs, converted once. Arrays are row-major, `rows × width`. */
export interface BigContext {
  readonly math: MathJsInstance;
  readonly model: Model;
  readonly rows: number;
  readonly weights: BigNumber[][];
  readonly activations: readonly BigActivation[];
  readonly loss: BigLoss;
  readonly x: readonly BigNumber[];
  readonly targets: readonly (readonly BigNumber[])[];
}

/** Per layer (from the first one recomputed up), `z` and `a`; and the batch-mean loss. */
export interface BigPass {
  readonly z: BigNumber[][];
  readonly a: BigNumber[][];
  readonly loss: BigNumber;
}

/**
 * One layer: `z = [-1, x] · w` and `a = f(z)` for every row of `input`,
 * into `z` and `a`; only neuron `only` when given (the others unchanged).
 */
function bigLayer(ctx: BigContext, l: number, input: readonly BigNumber[], z: BigNumber[], a: BigNumber[], only?: number): void {
  const n = ctx.model.sizes[l];
  const m = ctx.model.sizes[l + 1];
  const w = ctx.weights[l];
  for (let r = 0; r < ctx.rows; r++) {
    for (let j = only ?? 0; j < (only === undefined ? m : only + 1); j++) {
      let sum = w[j].neg();
      for (let i = 0; i < n; i++) sum = sum.plus(input[r * n + i].times(w[(i + 1) * m + j]));
      z[r * m + j] = sum;
      a[r * m + j] = ctx.activations[l].apply(sum, ctx.math);
    }
  }
}

/**
 * The forward pass from layer `from` (whose input is `input`) to the
 * batch-mean loss. With `below`, the pass at the unperturbed weights, only
 * neuron `only` of layer `from` is recomputed: a weight of column `j`
 * changes no other neuron of its layer.
 */
export function bigPassFrom(ctx: BigContext, from: number, input: readonly BigNumber[], below?: BigPass, only?: number): BigPass {
  const z: BigNumber[][] = [];
  const a: BigNumber[][] = [];
  let current = input;
  for (let l = from; l < ctx.weights.length; l++) {
    const partial = l === from && below !== undefined;
    z[l] = partial ? below.z[l].slice() : [];
    a[l] = partial ? below.a[l].slice() : [];
    bigLayer(ctx, l, current, z[l], a[l], partial ? only : undefined);
    current = a[l];
  }
  const m = ctx.model.sizes[ctx.weights.length];
  let total = ctx.math.bignumber(0);
  for (let r = 0; r < ctx.rows; r++) {
    total = total.plus(ctx.loss.value(current.slice(r * m, (r + 1) * m), ctx.targets[r], ctx.math));
  }
  return { z, a, loss: total.div(ctx.rows) };
}

/** Converts the weights, inputs and targets to BigNumbers of `digits` digits, once. */
export function contextOf(model: Model, x: Float64Array, rows: number, targetRows: readonly ArrayLike<number>[], loss: Loss, digits: number): BigContext {
  const math = bigMath(digits);
  const big = (values: ArrayLike<number>): BigNumber[] => Array.from(values, (v) => toBig(math, v));
  return {
    math, model, rows,
    weights: model.weights.map(big),
    // NOTE: the caller has made sure that every activation and the loss have a BigNumber form.
    activations: model.activations.map((activation) => activation.big!),
    loss: loss.big!,
    x: big(x),
    targets: targetRows.map(big),
  };
}

/** Whether every activation of the model and the loss have a BigNumber form. */
export function hasBigForms(model: Model, loss: Loss): boolean {
  return loss.big !== undefined && model.activations.every((activation) => activation.big !== undefined);
}

/**
 * Central differences of the loss in BigNumbers of `digits` significant
 * digits: `(L(w + ε) - L(w - ε)) / ((w + ε) - (w - ε))`, rounded to the
 * nearest double at the end. Needs {@link hasBigForms}.
 */
export function bigDifferencer(
  model: Model, x: Float64Array, rows: number, targetRows: readonly ArrayLike<number>[],
  loss: Loss, epsilon: number, digits: number,
): Differencer {
  const ctx = contextOf(model, x, rows, targetRows, loss, digits);
  const base = bigPassFrom(ctx, 0, ctx.x);
  const step = toBig(ctx.math, epsilon);
  const side = (z: BigNumber, kink: number): number => z.comparedTo(exactDecimal(kink));
  const input = ctx.x.slice();
  return (layer, index) => {
    const w = layer < 0 ? input : ctx.weights[layer];
    const from = Math.max(0, layer);
    const original = w[index];
    const below = layer < 0 ? input : layer === 0 ? ctx.x : base.a[layer - 1];
    const up = original.plus(step);
    const down = original.minus(step);
    // A weight changes only its own neuron of its layer; an input changes every neuron.
    const partial = layer < 0 ? undefined : base;
    const column = index % ctx.model.sizes[layer + 1];
    w[index] = up;
    const passUp = bigPassFrom(ctx, from, below, partial, column);
    w[index] = down;
    const passDown = bigPassFrom(ctx, from, below, partial, column);
    w[index] = original;
    const taken = up.minus(down);
    const numeric = taken.isZero() ? Number.NaN : passUp.loss.minus(passDown.loss).div(taken).toNumber();
    const kink = findCrossing(model, from, passUp.z, passDown.z, base.z, side, (z) => z.toNumber());
    const result = { numeric, moved: !taken.isZero(), lossUp: passUp.loss.toNumber(), lossDown: passDown.loss.toNumber() };
    if (kink === undefined) return result;
    const left = base.loss.minus(passDown.loss).div(original.minus(down)).toNumber();
    const right = passUp.loss.minus(base.loss).div(up.minus(original)).toNumber();
    return { ...result, kink, oneSided: { left, right } };
  };
}
