/**
 * The update kernels: one loop per optimiser over the flat row-major
 * weights of one layer (`(n + 1) × m`, so row 0, the bias row, is the first
 * `m` entries). Each writes the new weights to `out` and updates its
 * buffers in place; none allocates. `g` is the step's own copy of the
 * gradient, which the weight decay may change. Nothing here validates.
 *
 * The formulas are PyTorch's (torch.optim), in float64; `t` counts steps
 * from 1.
 */
import { stepWeights } from '../engine/kernels.js';

/**
 * `g = g + lambda * w` from entry `from` on: weight decay joined to the
 * gradient. `from` is `m` to leave the bias row alone, 0 to decay it too.
 */
export function decayGradient(g: Float64Array, w: Float64Array, lambda: number, from: number): void {
  for (let k = from; k < g.length; k++) g[k] += lambda * w[k];
}

/**
 * `out = w * (1 - rate * lambda)` from entry `from` on, `out = w` before:
 * AdamW's decoupled decay `w - rate * lambda * w`, as one multiplication.
 */
export function decayWeights(w: Float64Array, rate: number, lambda: number, from: number, out: Float64Array): void {
  const keep = 1 - rate * lambda;
  for (let k = 0; k < from; k++) out[k] = w[k];
  for (let k = from; k < w.length; k++) out[k] = w[k] * keep;
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
  for (let k = 0; k < w.length; k++) {
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
 */
export function adamLayer(
  w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array,
  beta1: number, beta2: number, c1: number, c2: number, epsilon: number, rate: number, out: Float64Array,
): void {
  const new1 = 1 - beta1;
  const new2 = 1 - beta2;
  for (let k = 0; k < w.length; k++) {
    const gk = g[k];
    const mk = beta1 * m[k] + new1 * gk;
    const vk = beta2 * v[k] + new2 * (gk * gk);
    m[k] = mk;
    v[k] = vk;
    out[k] = w[k] - (rate * (mk / c1)) / (Math.sqrt(vk / c2) + epsilon);
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
  for (let k = 0; k < w.length; k++) {
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
