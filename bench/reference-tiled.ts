/**
 * `reference-tiled`: a batched reference built on blocked matrix products,
 * the W3 bar of issue 4 ("4x4 register-tiled").
 *
 * A batch is a matrix, one example per row, with the bias input -1 as
 * column 0. Per batch, with B examples:
 *
 *   Z_l       = A_l . W_l                       (B x (n+1)) . ((n+1) x m)
 *   D_last    = (2 * (Y - T) / B) * f'(Y)
 *   D_{l-1}   = (D_l . W_l[1:]^T) * f'(A_l)      (old weights, bias row skipped)
 *   W_l       = W_l - learningRate * (A_l^T . D_l)
 *
 * Every product goes through one kernel that keeps a 4 x 4 block of the
 * result in 16 local variables and walks the shared dimension once. Each
 * entry is still summed in the natural order from 0, so the results are the
 * same bits as `reference.ts`; only the memory traffic changes.
 */
import { activate, activationCode, derivative } from './activations.js';
import type { Trainer } from './trainer.js';
import type { Workload } from './workloads.js';

/** Creates the tiled reference trainer (any batch size, any number of layers). */
export function createTiledReference(workload: Workload): Trainer {
  const { sizes, batchSize: B, learningRate, count, inputs, targets } = workload;
  const layers = sizes.length - 1;
  const codes = workload.activations.map(activationCode);
  const weights = workload.initialWeights.map((w) => w.slice());
  const grads = weights.map((w) => new Float64Array(w.length));
  /** acts[l] is B x (sizes[l] + 1), column 0 = -1. */
  const acts = sizes.map((size) => {
    const a = new Float64Array(B * (size + 1));
    for (let b = 0; b < B; b++) a[b * (size + 1)] = -1;
    return a;
  });
  const deltas = sizes.slice(1).map((size) => new Float64Array(B * size));

  function step(start: number): void {
    const n0 = sizes[0];
    for (let b = 0; b < B; b++) acts[0].set(inputs.subarray((start + b) * n0, (start + b + 1) * n0), b * (n0 + 1) + 1);
    for (let l = 0; l < layers; l++) {
      const n = sizes[l], m = sizes[l + 1], a = acts[l + 1];
      gemm(B, m, n + 1, acts[l], 0, n + 1, 1, weights[l], 0, m, 1, a, 1, m + 1);
      for (let b = 0; b < B; b++) {
        for (let j = 1; j <= m; j++) a[b * (m + 1) + j] = activate(codes[l], a[b * (m + 1) + j]);
      }
    }
    const m = sizes[layers], y = acts[layers], d = deltas[layers - 1], code = codes[layers - 1];
    for (let b = 0; b < B; b++) {
      for (let k = 0; k < m; k++) {
        const yk = y[b * (m + 1) + 1 + k];
        d[b * m + k] = ((2 * (yk - targets[(start + b) * m + k])) / B) * derivative(code, yk);
      }
    }
    for (let l = layers - 1; l >= 0; l--) backward(l);
  }

  function backward(l: number): void {
    const n = sizes[l], m = sizes[l + 1], w = weights[l], g = grads[l], a = acts[l], d = deltas[l];
    if (l > 0) {
      const below = deltas[l - 1], code = codes[l - 1];
      gemm(B, n, m, d, 0, m, 1, w, m, 1, m, below, 0, n);
      for (let b = 0; b < B; b++) {
        for (let i = 0; i < n; i++) below[b * n + i] = below[b * n + i] * derivative(code, a[b * (n + 1) + 1 + i]);
      }
    }
    gemm(n + 1, m, B, a, 0, 1, n + 1, d, 0, m, 1, g, 0, m);
    for (let i = 0; i < w.length; i++) w[i] = w[i] - learningRate * g[i];
  }

  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let start = 0; start < count; start += B) step(start);
      }
    },
    weights: () => weights.map((w) => w.slice()),
  };
}

/**
 * out[outOffset + r * outStride + c] = sum over k < K, in order, of X[r][k] * Y[k][c]
 * for r < R and c < C, where X[r][k] = x[xOffset + r * xRow + k * xK] and
 * Y[k][c] = y[yOffset + k * yK + c * yCol]: 4 x 4 blocks of the result in
 * registers, the edges one entry at a time.
 */
function gemm(
  R: number, C: number, K: number,
  x: Float64Array, xOffset: number, xRow: number, xK: number,
  y: Float64Array, yOffset: number, yK: number, yCol: number,
  out: Float64Array, outOffset: number, outStride: number,
): void {
  const R4 = R - (R % 4), C4 = C - (C % 4);
  for (let r = 0; r < R4; r += 4) {
    for (let c = 0; c < C4; c += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let px = xOffset + r * xRow, py = yOffset + c * yCol;
      for (let k = 0; k < K; k++, px += xK, py += yK) {
        const x0 = x[px], x1 = x[px + xRow], x2 = x[px + 2 * xRow], x3 = x[px + 3 * xRow];
        const y0 = y[py], y1 = y[py + yCol], y2 = y[py + 2 * yCol], y3 = y[py + 3 * yCol];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = outOffset + r * outStride + c;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03; o += outStride;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13; o += outStride;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23; o += outStride;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
  }
  for (let r = 0; r < R; r++) {
    for (let c = r < R4 ? C4 : 0; c < C; c++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += x[xOffset + r * xRow + k * xK] * y[yOffset + k * yK + c * yCol];
      out[outOffset + r * outStride + c] = s;
    }
  }
}
