/**
 * Element-wise activation and its derivative over a stretch of a buffer.
 * A built-in activation with its own loops in the activation table
 * (`math/activation-table.ts`) runs them: each calls one known function,
 * so the call sites stay monomorphic and V8 can inline them. Any other
 * activation goes through its own `apply` and `derivative`.
 */
import type { Activation } from '../math/activation-type.js';
import { activationRow } from '../math/activation-table.js';

/** `a[k] = f(z[k])` for `k` in `[from, to)`. */
export function activate(activation: Activation, z: Float64Array, a: Float64Array, from: number, to: number): void {
  const loops = activationRow(activation)?.loops;
  if (loops) {
    loops.activate(z, a, from, to);
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
  const loops = activationRow(activation)?.loops;
  if (loops) {
    loops.derive(z, a, upstream, delta, from, to);
  } else {
    for (let k = from; k < to; k++) {
      const d = activation.derivative(z[k], a[k]);
      delta[k] = typeof d === 'number' ? upstream[k] * d : NaN;
    }
  }
}
