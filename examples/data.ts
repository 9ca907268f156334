/**
 * Small helpers the examples share: picking rows by index, undoing a
 * standardisation, and telling whether a module is the script being run.
 * Splitting, standardising and one-hot targets are the library's `Data`
 * functions.
 */
import { pathToFileURL } from 'node:url';
import type { Standardizer } from '../src/index.js';

/** `value · std + mean`, column by column: the inverse of `Data.standardize`. */
export function unstandardize(rows: readonly (readonly number[])[], standardizer: Standardizer): number[][] {
  return rows.map((row) => row.map((v, c) => v * standardizer.std[c] + standardizer.mean[c]));
}

/** The rows of `data` at `indices`. */
export function pick<T>(data: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => data[i]);
}

/** True when the module at `url` (its `import.meta.url`) is the script tsx was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}
