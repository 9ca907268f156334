/**
 * The arithmetic of one layer over flat row-major Float64Arrays, for a batch
 * of `rows` examples. A layer with `n` inputs and `m` neurons has weights
 * `w` of `(n + 1) × m`, row 0 on the constant bias input -1.
 *
 * Every sum runs in the same order in every kernel of this library (bias
 * first, then inputs in order; over examples in order), so the fast paths
 * give the same bits as these loops. These loops do no validation: the
 * public functions check shapes once.
 */
import type { Activation } from '../activation.js';
import { activate, derive } from './activate.js';
import { forwardProduct, inputProduct, weightProduct } from './tiled.js';

/**
 * Whether a batch of `rows` through a layer of `n` inputs and `m` neurons
 * takes the 4 × 4 tiled products: only when tiles fill more than the edges.
 */
export function useTiles(n: number, m: number, rows: number): boolean {
  return rows >= 4 && n >= 4 && m >= 4;
}

/**
 * Forward pass: `z = [-1, x] · w` and `a = f(z)`. Writes `z` and `a`
 * (`rows × m`); large enough batches take the tiled product.
 */
export function forwardLayer(
  w: Float64Array, n: number, m: number, activation: Activation,
  x: Float64Array, rows: number, z: Float64Array, a: Float64Array,
): void {
  if (useTiles(n, m, rows)) forwardProduct(w, n, m, x, rows, z);
  else forwardRows(w, n, m, x, rows, z);
  activate(activation, z, a, 0, rows * m);
}

/** `z = [-1, x] · w`, one row and one input at a time: the plain loops. */
export function forwardRows(w: Float64Array, n: number, m: number, x: Float64Array, rows: number, z: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const zr = r * m;
    for (let j = 0; j < m; j++) z[zr + j] = -w[j];
    for (let i = 0; i < n; i++) {
      const xi = x[r * n + i];
      // NOTE: adding 0 · w changes no sum (but for the sign of a zero), so zero inputs are skipped.
      if (xi === 0) continue;
      const wi = (i + 1) * m;
      for (let j = 0; j < m; j++) z[zr + j] += xi * w[wi + j];
    }
  }
}

/**
 * Backward pass of one layer, given `upstream = ∂L/∂a` (`rows × m`):
 * - `delta = ∂L/∂z = upstream ⊙ f'(z, a)`;
 * - `grad = ∂L/∂w = [-1, x]ᵀ · delta`, summed over the rows (`(n + 1) × m`);
 * - `inputGrad = ∂L/∂x = delta · w[1..n]ᵀ` (`rows × n`), skipped when null.
 *
 * Large enough batches take the tiled products.
 */
export function backwardLayer(
  w: Float64Array, n: number, m: number, activation: Activation,
  x: Float64Array, rows: number, z: Float64Array, a: Float64Array,
  upstream: Float64Array, delta: Float64Array, grad: Float64Array, inputGrad: Float64Array | null,
): void {
  derive(activation, z, a, upstream, delta, 0, rows * m);
  if (!useTiles(n, m, rows)) {
    backwardRows(w, n, m, x, rows, delta, grad, inputGrad);
    return;
  }
  weightProduct(n, m, x, rows, delta, grad);
  if (inputGrad !== null) inputProduct(w, n, m, rows, delta, inputGrad);
}

/** `grad` and `inputGrad` from `delta`, one row and one input at a time: the plain loops. */
export function backwardRows(
  w: Float64Array, n: number, m: number, x: Float64Array, rows: number,
  delta: Float64Array, grad: Float64Array, inputGrad: Float64Array | null,
): void {
  grad.fill(0);
  for (let r = 0; r < rows; r++) {
    const dr = r * m;
    for (let j = 0; j < m; j++) grad[j] -= delta[dr + j];
    for (let i = 0; i < n; i++) {
      const xi = x[r * n + i];
      const wi = (i + 1) * m;
      if (inputGrad !== null) {
        let sum = 0;
        for (let j = 0; j < m; j++) sum += w[wi + j] * delta[dr + j];
        inputGrad[r * n + i] = sum;
      }
      if (xi === 0) continue;
      for (let j = 0; j < m; j++) grad[wi + j] += xi * delta[dr + j];
    }
  }
}

/** `out = w - rate · grad`, element by element. */
export function stepWeights(w: Float64Array, grad: Float64Array, rate: number, out: Float64Array): void {
  for (let k = 0; k < w.length; k++) out[k] = w[k] - rate * grad[k];
}
