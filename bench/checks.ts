/**
 * The correctness checks run before any timing.
 *
 * `notebookUpdate` works the notebook's single step out with scalars,
 * equation by equation as the notebook writes them, independent of any
 * loop code; the harness compares the reference with it, then every
 * contender with the reference.
 */
import { NOTEBOOK_V, NOTEBOOK_W } from './workloads.js';

/**
 * The notebook's weights after one step on x = (1, 2), t = 5 at learning
 * rate 0.1, as `[V' (3 x 3, row-major), W' (4 x 1)]`.
 *
 *   z_j = -V[0][j] + x_1 V[1][j] + x_2 V[2][j],  a_j = sigmoid(z_j)
 *   y = -W[0] + a_1 W[1] + a_2 W[2] + a_3 W[3],  delta_o = 2 (y - t)
 *   W'[j] = W[j] - eta delta_o a_j              (a_0 = -1)
 *   delta_h(j) = delta_o W[j] a_j (1 - a_j)       (old W)
 *   V'[i][j] = V[i][j] - eta delta_h(j) x_i       (x_0 = -1)
 */
export function notebookUpdate(): Float64Array[] {
  const x = [-1, 1, 2], t = 5, eta = 0.1;
  const V = NOTEBOOK_V, W = NOTEBOOK_W.map((row) => row[0]);
  const a = [-1];
  for (let j = 0; j < 3; j++) {
    const z = x[0] * V[0][j] + x[1] * V[1][j] + x[2] * V[2][j];
    a.push(1 / (1 + Math.exp(-z)));
  }
  const y = a[0] * W[0] + a[1] * W[1] + a[2] * W[2] + a[3] * W[3];
  const deltaOut = 2 * (y - t);
  const newW = W.map((w, j) => w - eta * deltaOut * a[j]);
  const deltaHidden = [1, 2, 3].map((j) => deltaOut * W[j] * a[j] * (1 - a[j]));
  const newV = V.map((row, i) => row.map((v, j) => v - eta * deltaHidden[j] * x[i]));
  return [Float64Array.from(newV.flat()), Float64Array.from(newW)];
}

/** How far two sets of weights are apart. */
export interface Difference {
  /** Largest |a - b| over all weights. */
  readonly maxAbsolute: number;
  /** Largest |a - b| / max(|a|, |b|) (0 where both are 0). */
  readonly maxRelative: number;
  /** Number of weights that differ in any bit (NaN never equals). */
  readonly differing: number;
  readonly total: number;
}

/** Compares two sets of layer weights entry by entry; throws if the shapes differ. */
export function compareWeights(actual: readonly Float64Array[], expected: readonly Float64Array[]): Difference {
  if (actual.length !== expected.length) throw new Error(`expected ${expected.length} layers, got ${actual.length}`);
  let maxAbsolute = 0, maxRelative = 0, differing = 0, total = 0;
  actual.forEach((layer, l) => {
    if (layer.length !== expected[l].length) throw new Error(`layer ${l}: expected ${expected[l].length} weights, got ${layer.length}`);
    for (let i = 0; i < layer.length; i++) {
      const a = layer[i], b = expected[l][i];
      total++;
      if (a === b) continue;
      differing++;
      const absolute = Math.abs(a - b);
      const relative = absolute / Math.max(Math.abs(a), Math.abs(b));
      maxAbsolute = Number.isNaN(absolute) ? NaN : Math.max(maxAbsolute, absolute);
      maxRelative = Number.isNaN(relative) ? NaN : Math.max(maxRelative, relative);
    }
  });
  return { maxAbsolute, maxRelative, differing, total };
}

/** Whether every weight is a finite number. */
export function allFinite(weights: readonly Float64Array[]): boolean {
  return weights.every((layer) => layer.every(Number.isFinite));
}
