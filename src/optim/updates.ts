/**
 * The update kernels: one loop per optimiser over the flat row-major
 * weights of one layer (`(n + 1) × m`, so row 0, the bias row, is the first
 * `m` entries). Each writes the new weights to `out` and updates its
 * buffers in place; none allocates. `g` is the step's own copy of the
 * gradient, which the weight decay may change. Nothing here validates.
 *
 * The formulas are PyTorch's (torch.optim), in float64; `t` counts steps
 * from 1. When every array of a call lies in one arena, the WebAssembly
 * SIMD kernels of engine/optim-kernels.ts do the even part of the loop,
 * two entries at a time with the same operations, so the bits are the
 * same; the loops here are the reference, and the fallback everywhere else.
 */
import { stepWeights } from '../engine/kernels.js';
import { optimizerKernels, pairedLength } from '../engine/optim-kernels.js';

/**
 * `g = g + lambda * w` from entry `from` on: weight decay joined to the
 * gradient. `from` is `m` to leave the bias row alone, 0 to decay it too.
 */
export function decayGradient(g: Float64Array, w: Float64Array, lambda: number, from: number): void {
  const kernels = optimizerKernels(g, w, g);
  let k = from;
  if (kernels !== null) {
    k += pairedLength(g.length - from);
    kernels.decayGradient(g.byteOffset + 8 * from, w.byteOffset + 8 * from, lambda, g.length - from);
  }
  for (; k < g.length; k++) g[k] += lambda * w[k];
}

/**
 * `out = w * (1 - rate * lambda)` from entry `from` on, `out = w` before:
 * AdamW's decoupled decay `w - rate * lambda * w`, as one multiplication.
 */
export function decayWeights(w: Float64Array, rate: number, lambda: number, from: number, out: Float64Array): void {
  const keep = 1 - rate * lambda;
  for (let k = 0; k < from; k++) out[k] = w[k];
  const kernels = optimizerKernels(w, out, w);
  let k = from;
  if (kernels !== null) {
    k += pairedLength(w.length - from);
    kernels.scaleWeights(w.byteOffset + 8 * from, keep, out.byteOffset + 8 * from, w.length - from);
  }
  for (; k < w.length; k++) out[k] = w[k] * keep;
}

/** Plain gradient descent `out = w - rate * g`: the kernel `Network.sgdStep` uses, so the bits agree. */
export function sgdPlain(w: Float64Array, g: Float64Array, rate: number, out: Float64Array): void {
  stepWeights(w, g, rate, out);
}

/**
 * SGD with momentum `mu > 0`: `b = g` on the first step, else
 * `b = mu * b + (1 - dampening) * g`; the direction is `g + mu * b`
 * (Nesterov) or `b`; `out = w - rate * direction`.
 */
export function sgdMomentum(
  w: Float64Array, g: Float64Array, b: Float64Array, first: boolean,
  mu: number, dampening: number, nesterov: boolean, rate: number, out: Float64Array,
): void {
  const keep = 1 - dampening;
  const kernels = optimizerKernels(w, g, b, out);
  let k = 0;
  if (kernels !== null) {
    k = pairedLength(w.length);
    kernels.momentum(w.byteOffset, g.byteOffset, b.byteOffset, out.byteOffset, mu, keep, rate, first ? 1 : 0, nesterov ? 1 : 0, w.length);
  }
  for (; k < w.length; k++) {
    const bk = first ? g[k] : mu * b[k] + keep * g[k];
    b[k] = bk;
    out[k] = w[k] - rate * (nesterov ? g[k] + mu * bk : bk);
  }
}

/**
 * Adam: `m = beta1 * m + (1 - beta1) * g`, `v = beta2 * v + (1 - beta2) * g^2`,
 * `out = w - rate * (m / c1) / (sqrt(v / c2) + epsilon)` with the bias
 * corrections `c1 = 1 - beta1^t` and `c2 = 1 - beta2^t`, computed once per
 * step by the caller. `out` may be `w` (AdamW decays into it first).
 *
 * NOTE: computed as `w - (a * m) / (sqrt(v) * r + epsilon)` with the
 * scalars `a = rate / c1` and `r = 1 / sqrt(c2)`, the same quantity in one
 * division and one square root per weight instead of three divisions and a
 * square root: those are the slow instructions of the step (within a few
 * ulps of the formula above; the decimal references check it to 1e-12).
 */
export function adamLayer(
  w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array,
  beta1: number, beta2: number, c1: number, c2: number, epsilon: number, rate: number, out: Float64Array,
): void {
  const new1 = 1 - beta1;
  const new2 = 1 - beta2;
  const a = rate / c1;
  const r = 1 / Math.sqrt(c2);
  const kernels = optimizerKernels(w, g, m, v, out);
  let k = 0;
  if (kernels !== null) {
    k = pairedLength(w.length);
    kernels.adam(w.byteOffset, g.byteOffset, m.byteOffset, v.byteOffset, out.byteOffset,
      beta1, new1, beta2, new2, a, r, epsilon, w.length);
  }
  for (; k < w.length; k++) {
    const gk = g[k];
    const mk = beta1 * m[k] + new1 * gk;
    const vk = beta2 * v[k] + new2 * (gk * gk);
    m[k] = mk;
    v[k] = vk;
    out[k] = w[k] - (a * mk) / (Math.sqrt(vk) * r + epsilon);
  }
}

/**
 * RMSprop: `v = alpha * v + (1 - alpha) * g^2`; with momentum `mu > 0`,
 * `b = mu * b + g / (sqrt(v) + epsilon)` and `out = w - rate * b`, else
 * `out = w - rate * (g / (sqrt(v) + epsilon))`. `b` is unused when `mu` is 0.
 */
export function rmspropLayer(
  w: Float64Array, g: Float64Array, v: Float64Array, b: Float64Array | null,
  alpha: number, epsilon: number, mu: number, rate: number, out: Float64Array,
): void {
  const new2 = 1 - alpha;
  const kernels = optimizerKernels(w, g, v, b ?? v, out);
  let k = 0;
  if (kernels !== null) {
    k = pairedLength(w.length);
    kernels.rmsprop(w.byteOffset, g.byteOffset, v.byteOffset, (b ?? v).byteOffset, out.byteOffset,
      alpha, new2, epsilon, mu, rate, b === null ? 0 : 1, w.length);
  }
  for (; k < w.length; k++) {
    const gk = g[k];
    const vk = alpha * v[k] + new2 * (gk * gk);
    v[k] = vk;
    const scaled = gk / (Math.sqrt(vk) + epsilon);
    if (b === null) {
      out[k] = w[k] - rate * scaled;
    } else {
      const bk = mu * b[k] + scaled;
      b[k] = bk;
      out[k] = w[k] - rate * bk;
    }
  }
}
