/**
 * Element-wise activation and its derivative over a stretch of a buffer,
 * with one loop per built-in activation: each loop calls one known function,
 * so the call sites stay monomorphic and V8 can inline them. Any other
 * activation goes through its own `apply` and `derivative`.
 */
import type { Activation } from '../math/activation-type.js';
import * as builtIn from '../math/activations.js';
import { sigmoidOf } from '../math/activations.js';

/** `a[k] = f(z[k])` for `k` in `[from, to)`. */
export function activate(activation: Activation, z: Float64Array, a: Float64Array, from: number, to: number): void {
  if (activation === builtIn.sigmoid) {
    for (let k = from; k < to; k++) a[k] = sigmoidOf(z[k]);
  } else if (activation === builtIn.identity) {
    for (let k = from; k < to; k++) a[k] = z[k];
  } else if (activation === builtIn.tanh) {
    for (let k = from; k < to; k++) a[k] = Math.tanh(z[k]);
  } else if (activation === builtIn.relu) {
    for (let k = from; k < to; k++) a[k] = z[k] > 0 ? z[k] : 0;
  } else {
    // NOTE: a non-number (a string, true, null) becomes NaN, not what Float64Array would coerce it to; the check finds it.
    for (let k = from; k < to; k++) {
      const v = activation.apply(z[k]);
      a[k] = typeof v === 'number' ? v : NaN;
    }
  }
}

/** `delta[k] = upstream[k] · f'(z[k], a[k])` for `k` in `[from, to)`. */
export function derive(
  activation: Activation, z: Float64Array, a: Float64Array,
  upstream: Float64Array, delta: Float64Array, from: number, to: number,
): void {
  if (activation === builtIn.sigmoid) {
    for (let k = from; k < to; k++) delta[k] = upstream[k] * (a[k] * (1 - a[k]));
  } else if (activation === builtIn.identity) {
    for (let k = from; k < to; k++) delta[k] = upstream[k];
  } else if (activation === builtIn.tanh) {
    for (let k = from; k < to; k++) delta[k] = upstream[k] * (1 - a[k] * a[k]);
  } else if (activation === builtIn.relu) {
    for (let k = from; k < to; k++) delta[k] = upstream[k] * (z[k] > 0 ? 1 : 0);
  } else {
    for (let k = from; k < to; k++) {
      const d = activation.derivative(z[k], a[k]);
      delta[k] = typeof d === 'number' ? upstream[k] * d : NaN;
    }
  }
}
