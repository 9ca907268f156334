/**
 * Small helpers the examples share: a seeded train/test split and
 * standardisation with the training split's statistics. Randomness comes
 * from the library's seeded generator, so every example gives the same
 * numbers on every run.
 */
import { pathToFileURL } from 'node:url';
import { createRandom, shuffleInPlace } from '../src/engine/random.js';

/** Row indices of a training split and a test split. */
export interface Split {
  readonly train: number[];
  readonly test: number[];
}

/**
 * A stratified split: the rows of each class are shuffled with `seed` and
 * the first `round(testFraction · count)` of each class go to the test split.
 *
 * @param labels - the class of each row.
 */
export function stratifiedSplit(labels: readonly number[], testFraction: number, seed: number): Split {
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...new Set(labels)].sort((a, b) => a - b)) {
    const rows = labels.flatMap((l, i) => (l === label ? [i] : []));
    shuffleInPlace(rows, random);
    const cut = Math.round(testFraction * rows.length);
    test.push(...rows.slice(0, cut));
    train.push(...rows.slice(cut));
  }
  return { train, test };
}

/** A shuffled split of `count` rows: the first `round(testFraction · count)` are the test split. */
export function shuffledSplit(count: number, testFraction: number, seed: number): Split {
  const rows = Array.from({ length: count }, (_, i) => i);
  shuffleInPlace(rows, createRandom(seed));
  const cut = Math.round(testFraction * count);
  return { train: rows.slice(cut), test: rows.slice(0, cut) };
}

/** The mean and (population) standard deviation of each column. */
export interface Scaler {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Column means and standard deviations of `rows` (the training split only). */
export function fitScaler(rows: readonly (readonly number[])[]): Scaler {
  const columns = rows[0].map((_, c) => rows.map((row) => row[c]));
  const mean = columns.map((col) => col.reduce((s, v) => s + v, 0) / col.length);
  const std = columns.map((col, c) => Math.sqrt(col.reduce((s, v) => s + (v - mean[c]) ** 2, 0) / col.length) || 1);
  return { mean, std };
}

/** `(value - mean) / std`, column by column. */
export function scale(rows: readonly (readonly number[])[], scaler: Scaler): number[][] {
  return rows.map((row) => row.map((v, c) => (v - scaler.mean[c]) / scaler.std[c]));
}

/** `value · std + mean`, column by column: the inverse of {@link scale}. */
export function unscale(rows: readonly (readonly number[])[], scaler: Scaler): number[][] {
  return rows.map((row) => row.map((v, c) => v * scaler.std[c] + scaler.mean[c]));
}

/** The rows of `data` at `indices`. */
export function pick<T>(data: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => data[i]);
}

/** One-hot rows: `classes` columns with a 1 at each label. */
export function oneHot(labels: readonly number[], classes: number): number[][] {
  return labels.map((label) => Array.from({ length: classes }, (_, k) => (k === label ? 1 : 0)));
}

/** True when the module at `url` (its `import.meta.url`) is the script tsx was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}
