/**
 * The three matrix products of a batch, blocked into 4 × 4 tiles held in
 * registers: each pass of the inner loop loads 4 numbers of each factor and
 * does 16 multiply-adds, instead of 2 loads and a store for each one.
 *
 * Every entry is still summed in the order of the simple loops of
 * `kernels.ts` (bias first, then inputs in order; over examples in order),
 * so the results are the same bits (up to the sign of zero). Edges that do
 * not fill a tile fall back to one entry at a time, in the same order.
 */

/** `z = [-1, x] · w` for `rows` examples: `x` is `rows × n`, `z` is `rows × m`. */
export function forwardProduct(w: Float64Array, n: number, m: number, x: Float64Array, rows: number, z: Float64Array): void {
  const rows4 = rows - (rows % 4);
  const m4 = m - (m % 4);
  for (let r = 0; r < rows4; r += 4) {
    const x0 = r * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n;
    for (let j = 0; j < m4; j += 4) {
      let c00 = -w[j], c01 = -w[j + 1], c02 = -w[j + 2], c03 = -w[j + 3];
      let c10 = c00, c11 = c01, c12 = c02, c13 = c03;
      let c20 = c00, c21 = c01, c22 = c02, c23 = c03;
      let c30 = c00, c31 = c01, c32 = c02, c33 = c03;
      for (let i = 0, wi = m + j; i < n; i++, wi += m) {
        const a0 = x[x0 + i], a1 = x[x1 + i], a2 = x[x2 + i], a3 = x[x3 + i];
        // NOTE: four zero inputs add nothing (but for the sign of a zero): skipped.
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
        const b0 = w[wi], b1 = w[wi + 1], b2 = w[wi + 2], b3 = w[wi + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const z0 = r * m + j, z1 = z0 + m, z2 = z1 + m, z3 = z2 + m;
      z[z0] = c00; z[z0 + 1] = c01; z[z0 + 2] = c02; z[z0 + 3] = c03;
      z[z1] = c10; z[z1 + 1] = c11; z[z1 + 2] = c12; z[z1 + 3] = c13;
      z[z2] = c20; z[z2 + 1] = c21; z[z2 + 2] = c22; z[z2 + 3] = c23;
      z[z3] = c30; z[z3 + 1] = c31; z[z3 + 2] = c32; z[z3 + 3] = c33;
    }
    for (let rr = r; rr < r + 4; rr++) for (let j = m4; j < m; j++) z[rr * m + j] = forwardEntry(w, n, m, x, rr, j);
  }
  for (let r = rows4; r < rows; r++) for (let j = 0; j < m; j++) z[r * m + j] = forwardEntry(w, n, m, x, r, j);
}

function forwardEntry(w: Float64Array, n: number, m: number, x: Float64Array, r: number, j: number): number {
  let sum = -w[j];
  for (let i = 0; i < n; i++) sum += x[r * n + i] * w[(i + 1) * m + j];
  return sum;
}

/**
 * `grad = [-1, x]ᵀ · delta`, summed over the `rows` examples:
 * `grad` is `(n + 1) × m`.
 */
export function weightProduct(n: number, m: number, x: Float64Array, rows: number, delta: Float64Array, grad: Float64Array): void {
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum -= delta[r * m + j];
    grad[j] = sum;
  }
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  for (let i = 0; i < n4; i += 4) {
    for (let j = 0; j < m4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let r = 0, xr = i, dr = j; r < rows; r++, xr += n, dr += m) {
        const a0 = x[xr], a1 = x[xr + 1], a2 = x[xr + 2], a3 = x[xr + 3];
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
        const b0 = delta[dr], b1 = delta[dr + 1], b2 = delta[dr + 2], b3 = delta[dr + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const g0 = (i + 1) * m + j, g1 = g0 + m, g2 = g1 + m, g3 = g2 + m;
      grad[g0] = c00; grad[g0 + 1] = c01; grad[g0 + 2] = c02; grad[g0 + 3] = c03;
      grad[g1] = c10; grad[g1 + 1] = c11; grad[g1 + 2] = c12; grad[g1 + 3] = c13;
      grad[g2] = c20; grad[g2 + 1] = c21; grad[g2 + 2] = c22; grad[g2 + 3] = c23;
      grad[g3] = c30; grad[g3 + 1] = c31; grad[g3 + 2] = c32; grad[g3 + 3] = c33;
    }
    for (let ii = i; ii < i + 4; ii++) for (let j = m4; j < m; j++) grad[(ii + 1) * m + j] = weightEntry(n, m, x, rows, delta, ii, j);
  }
  for (let i = n4; i < n; i++) for (let j = 0; j < m; j++) grad[(i + 1) * m + j] = weightEntry(n, m, x, rows, delta, i, j);
}

function weightEntry(n: number, m: number, x: Float64Array, rows: number, delta: Float64Array, i: number, j: number): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += x[r * n + i] * delta[r * m + j];
  return sum;
}

/** `inputGrad = delta · w[1..n]ᵀ` for `rows` examples: `inputGrad` is `rows × n`. */
export function inputProduct(w: Float64Array, n: number, m: number, rows: number, delta: Float64Array, inputGrad: Float64Array): void {
  const rows4 = rows - (rows % 4);
  const n4 = n - (n % 4);
  for (let r = 0; r < rows4; r += 4) {
    const d0 = r * m, d1 = d0 + m, d2 = d1 + m, d3 = d2 + m;
    for (let i = 0; i < n4; i += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      const w0 = (i + 1) * m, w1 = w0 + m, w2 = w1 + m, w3 = w2 + m;
      for (let j = 0; j < m; j++) {
        const a0 = delta[d0 + j], a1 = delta[d1 + j], a2 = delta[d2 + j], a3 = delta[d3 + j];
        const b0 = w[w0 + j], b1 = w[w1 + j], b2 = w[w2 + j], b3 = w[w3 + j];
        c00 += b0 * a0; c01 += b1 * a0; c02 += b2 * a0; c03 += b3 * a0;
        c10 += b0 * a1; c11 += b1 * a1; c12 += b2 * a1; c13 += b3 * a1;
        c20 += b0 * a2; c21 += b1 * a2; c22 += b2 * a2; c23 += b3 * a2;
        c30 += b0 * a3; c31 += b1 * a3; c32 += b2 * a3; c33 += b3 * a3;
      }
      const u0 = r * n + i, u1 = u0 + n, u2 = u1 + n, u3 = u2 + n;
      inputGrad[u0] = c00; inputGrad[u0 + 1] = c01; inputGrad[u0 + 2] = c02; inputGrad[u0 + 3] = c03;
      inputGrad[u1] = c10; inputGrad[u1 + 1] = c11; inputGrad[u1 + 2] = c12; inputGrad[u1 + 3] = c13;
      inputGrad[u2] = c20; inputGrad[u2 + 1] = c21; inputGrad[u2 + 2] = c22; inputGrad[u2 + 3] = c23;
      inputGrad[u3] = c30; inputGrad[u3 + 1] = c31; inputGrad[u3 + 2] = c32; inputGrad[u3 + 3] = c33;
    }
    for (let rr = r; rr < r + 4; rr++) for (let i = n4; i < n; i++) inputGrad[rr * n + i] = inputEntry(w, m, delta, rr, i);
  }
  for (let r = rows4; r < rows; r++) for (let i = 0; i < n; i++) inputGrad[r * n + i] = inputEntry(w, m, delta, r, i);
}

function inputEntry(w: Float64Array, m: number, delta: Float64Array, r: number, i: number): number {
  let sum = 0;
  for (let j = 0; j < m; j++) sum += w[(i + 1) * m + j] * delta[r * m + j];
  return sum;
}
