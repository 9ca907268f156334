/**
 * Which weights a sampled `gradientCheck` compares, and what a check
 * costs before it starts.
 */
import { createRandom, randomBelow, type Random } from '../engine/random.js';
import type { Model } from '../engine/flat-model.js';

/**
 * `count` distinct numbers of `from .. to - 1`, uniformly, by the first
 * `count` swaps of a Fisher–Yates shuffle; sorted.
 */
function choose(random: Random, from: number, to: number, count: number): number[] {
  const pool = Array.from({ length: to - from }, (_, k) => from + k);
  for (let i = 0; i < count; i++) {
    const j = i + randomBelow(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

/**
 * The row-major indices of the weights to check in each layer: every one
 * when `sample` is undefined or at least the layer's size; else the whole
 * bias row (row 0, indices `0 .. m - 1`) and `sample - m` others drawn
 * uniformly from the remaining rows, or, when `sample < m`, `sample` of the
 * bias weights. The bias row comes first because `∂L/∂w[0][j] = -delta_j`
 * (summed over the batch): it sees the delta of every neuron, where every
 * error of a derivative or of a loss gradient shows. Layer by layer from
 * one generator seeded with `seed`.
 */
export function sampleWeights(model: Model, sample: number | undefined, seed: number): number[][] {
  const random = createRandom(seed);
  return model.weights.map((w, l) => {
    const m = model.sizes[l + 1];
    if (sample === undefined || sample >= w.length) return Array.from({ length: w.length }, (_, k) => k);
    if (sample <= m) return choose(random, 0, m, sample);
    return [...Array.from({ length: m }, (_, k) => k), ...choose(random, m, w.length, sample - m)];
  });
}

/**
 * The input entries (row-major over the batch) to check: all of them, or
 * `sample` drawn uniformly, from a generator of its own (seeded with
 * `seed + 1`), so asking for the inputs does not change the weights' sample.
 */
export function sampleInputs(length: number, sample: number | undefined, seed: number): number[] {
  if (sample === undefined || sample >= length) return Array.from({ length }, (_, k) => k);
  return choose(createRandom((seed + 1) >>> 0), 0, length, sample);
}

/**
 * The BigNumber multiply-adds of a BigNumber check of the chosen entries:
 * two passes per entry, each over `rows` examples from the entry's layer
 * up, that layer's own neuron only for a weight
 * (`n_l` products, then `(n_k + 1) · m_k` in each layer `k` above), every
 * layer for an input.
 */
export function bigOperations(model: Model, rows: number, weights: readonly (readonly number[])[], inputs: number): number {
  const layers = model.weights.length;
  const above = (from: number): number => {
    let sum = 0;
    for (let k = from; k < layers; k++) sum += (model.sizes[k] + 1) * model.sizes[k + 1];
    return sum;
  };
  let total = 2 * rows * inputs * above(0);
  weights.forEach((chosen, l) => { total += 2 * rows * chosen.length * (model.sizes[l] + 1 + above(l + 1)); });
  return total;
}
