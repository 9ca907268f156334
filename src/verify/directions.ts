/**
 * Seeded random directions in weight space for `directionalCheck` and
 * `taylorTest`: one unit vector per layer, drawn from the library's own
 * generator, and the scale each layer's steps are measured in.
 */
import { createRandom, type Random } from '../engine/random.js';
import type { Model } from '../engine/flat-model.js';

/**
 * A standard normal number by the Box–Muller transform:
 * `sqrt(-2 ln u) · cos(2π v)` with `u = 1 - U1` in `(0, 1]` and `v = U2`,
 * two doubles of `random`.
 */
export function gaussian(random: Random): number {
  const u = 1 - random.nextDouble();
  const v = random.nextDouble();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The Euclidean norm `sqrt(Σ v_k²)`. */
export function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] * values[k];
  return Math.sqrt(sum);
}

/**
 * A direction of `length` numbers, uniform on the unit sphere: standard
 * normal numbers divided by their norm (drawn again in the vanishing case
 * that all of them are 0).
 */
export function unitDirection(random: Random, length: number): Float64Array {
  const d = new Float64Array(length);
  for (;;) {
    for (let k = 0; k < length; k++) d[k] = gaussian(random);
    const size = norm(d);
    if (size > 0) {
      for (let k = 0; k < length; k++) d[k] /= size;
      return d;
    }
  }
}

/**
 * `count` directions for every layer, `result[i][l]` the unit direction `i`
 * of layer `l`, drawn in that order (direction by direction, layer by
 * layer) from one generator seeded with `seed`, so a seed gives the same
 * directions on every platform.
 */
export function layerDirections(model: Model, seed: number, count: number): Float64Array[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => model.weights.map((w) => unitDirection(random, w.length)));
}

/**
 * The scale of a layer's weights for choosing steps: `max(1, ‖w‖)`, so a
 * step of `h · scale` along a unit direction changes the weights by a
 * relative `h` of their norm, or by an absolute `h` when the norm is below 1
 * (small or zero weights, a fresh network).
 */
export function weightScale(weights: ArrayLike<number>): number {
  return Math.max(1, norm(weights));
}

/** `Σ_k a_k · b_k`, and `Σ_k |a_k · b_k|` for the round-off it may carry. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): { value: number; magnitude: number } {
  let value = 0;
  let magnitude = 0;
  for (let k = 0; k < a.length; k++) {
    const p = a[k] * b[k];
    value += p;
    magnitude += Math.abs(p);
  }
  return { value, magnitude };
}
