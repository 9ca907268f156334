/**
 * The arithmetic of one layer over flat row-major Float64Arrays, for a batch
 * of `rows` examples. A layer with `n` inputs and `m` neurons has weights
 * `w` of `(n + 1) × m`, row 0 on the constant bias input -1.
 *
 * These plain loops are the reference: every fast path of the engine (the
 * SIMD kernels of `wasm/kernels.wat`, the compiled straight-line step, the
 * fused step) is tested bit for bit against them (test/engine/). Every sum
 * runs in the same order in every kernel (bias first, then inputs in order;
 * over examples in order), so each fast path gives these loops' bits. They
 * are also the path wherever WebAssembly SIMD is missing. They do no
 * validation: the public functions check shapes once.
 */
import type { Activation } from '../math/activation-type.js';
import { activate, derive } from './activate.js';
import { arenaOf } from './arena.js';

/**
 * Forward pass: `z = [-1, x] · w` and `a = f(z)`. Writes `z` and `a`
 * (`rows × m`). (Workspaces in an arena take the SIMD kernels instead.)
 */
export function forwardLayer(
  w: Float64Array, n: number, m: number, activation: Activation,
  x: Float64Array, rows: number, z: Float64Array, a: Float64Array,
): void {
  forwardRows(w, n, m, x, rows, z);
  activate(activation, z, a, 0, rows * m);
}

/**
 * `z = [-1, x] · w`, one row at a time. Eight neighbouring neurons are summed
 * together in registers, each over the inputs in order, so every sum is the
 * plain loop's `z_j = -w[0][j] + x_0 w[1][j] + x_1 w[2][j] + ...`.
 */
export function forwardRows(w: Float64Array, n: number, m: number, x: Float64Array, rows: number, z: Float64Array): void {
  const m8 = m - (m % 8);
  for (let r = 0; r < rows; r++) {
    const xr = r * n;
    const zr = r * m;
    for (let j = 0; j < m8; j += 8) forwardEight(w, n, m, x, xr, j, z, zr + j);
    for (let j = m8; j < m; j++) {
      let sum = -w[j];
      for (let i = 0, wi = m + j; i < n; i++, wi += m) {
        const xi = x[xr + i];
        if (xi !== 0) sum += xi * w[wi];
      }
      z[zr + j] = sum;
    }
  }
}

/** `z[at .. at + 7]` for neurons `j .. j + 7` of the row of `x` from `xr` on. */
function forwardEight(w: Float64Array, n: number, m: number, x: Float64Array, xr: number, j: number, z: Float64Array, at: number): void {
  let c0 = -w[j], c1 = -w[j + 1], c2 = -w[j + 2], c3 = -w[j + 3];
  let c4 = -w[j + 4], c5 = -w[j + 5], c6 = -w[j + 6], c7 = -w[j + 7];
  for (let i = 0, wi = m + j; i < n; i++, wi += m) {
    const xi = x[xr + i];
    // NOTE: adding 0 · w changes no sum (but for the sign of a zero), so zero inputs are skipped.
    if (xi === 0) continue;
    c0 += xi * w[wi]; c1 += xi * w[wi + 1]; c2 += xi * w[wi + 2]; c3 += xi * w[wi + 3];
    c4 += xi * w[wi + 4]; c5 += xi * w[wi + 5]; c6 += xi * w[wi + 6]; c7 += xi * w[wi + 7];
  }
  z[at] = c0; z[at + 1] = c1; z[at + 2] = c2; z[at + 3] = c3;
  z[at + 4] = c4; z[at + 5] = c5; z[at + 6] = c6; z[at + 7] = c7;
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
  derive(activation, z, a, upstream, delta, 0, rows * m);
  backwardRows(w, n, m, x, rows, delta, grad, inputGrad);
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

/** `out = w - rate · grad`, element by element (by the SIMD kernel when all three lie in one arena). */
export function stepWeights(w: Float64Array, grad: Float64Array, rate: number, out: Float64Array): void {
  const arena = arenaOf(w);
  if (arena !== undefined && arenaOf(grad) === arena && arenaOf(out) === arena) {
    arena.kernels.step(w.byteOffset, grad.byteOffset, rate, out.byteOffset, w.length);
    return;
  }
  for (let k = 0; k < w.length; k++) out[k] = w[k] - rate * grad[k];
}
