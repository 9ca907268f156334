/**
 * The arithmetic of one layer over flat row-major Float64Arrays, for a batch
 * of `rows` examples. A layer with `n` inputs and `m` neurons has weights
 * `w` of `(n + 1) × m`, row 0 on the constant bias input -1.
 *
 * These loops do no validation: the public functions check shapes once.
 */
import type { Activation } from '../activation.js';

/**
 * Forward pass: `z = [-1, x] · w` and `a = f(z)`, row by row.
 * Writes `z` and `a` (`rows × m`).
 */
export function forwardLayer(
  w: Float64Array, n: number, m: number, activation: Activation,
  x: Float64Array, rows: number, z: Float64Array, a: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const zr = r * m;
    for (let j = 0; j < m; j++) z[zr + j] = -w[j];
    for (let i = 0; i < n; i++) {
      const xi = x[r * n + i];
      const wi = (i + 1) * m;
      for (let j = 0; j < m; j++) z[zr + j] += xi * w[wi + j];
    }
    for (let j = 0; j < m; j++) a[zr + j] = activation.apply(z[zr + j]);
  }
}

/**
 * Backward pass of one layer, given `upstream = ∂L/∂a` (`rows × m`):
 * - `delta = ∂L/∂z = upstream ⊙ f'(z, a)`;
 * - `grad = ∂L/∂w = [-1, x]ᵀ · delta`, summed over the rows (`(n + 1) × m`);
 * - `inputGrad = ∂L/∂x = delta · w[1..n]ᵀ` (`rows × n`), skipped when null.
 */
export function backwardLayer(
  w: Float64Array, n: number, m: number, activation: Activation,
  x: Float64Array, rows: number, z: Float64Array, a: Float64Array,
  upstream: Float64Array, delta: Float64Array, grad: Float64Array, inputGrad: Float64Array | null,
): void {
  grad.fill(0);
  for (let r = 0; r < rows; r++) {
    const dr = r * m;
    for (let j = 0; j < m; j++) {
      const d = upstream[dr + j] * activation.derivative(z[dr + j], a[dr + j]);
      delta[dr + j] = d;
      grad[j] -= d;
    }
    for (let i = 0; i < n; i++) {
      const xi = x[r * n + i];
      const wi = (i + 1) * m;
      let sum = 0;
      for (let j = 0; j < m; j++) {
        grad[wi + j] += xi * delta[dr + j];
        sum += w[wi + j] * delta[dr + j];
      }
      if (inputGrad !== null) inputGrad[r * n + i] = sum;
    }
  }
}

/** `out = w - rate · grad`, element by element. */
export function stepWeights(w: Float64Array, grad: Float64Array, rate: number, out: Float64Array): void {
  for (let k = 0; k < w.length; k++) out[k] = w[k] - rate * grad[k];
}
