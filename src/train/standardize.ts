/**
 * Standardisation of input columns: the mean and standard deviation of each
 * column of the training rows, and rows rescaled with them.
 *
 * @module
 */
import type { Matrix } from 'mathjs';
import { ShapeError, ValueError } from '../errors.js';
import { toFlat, toMatrix, type Flat, type MatrixLike } from '../boundary/convert.js';
import { checkColumns } from '../boundary/validate.js';

/** The mean and population standard deviation of each column, as `Data.fitStandardizer` returns them. */
export interface Standardizer {
  /** The mean of each column. */
  mean: number[];
  /** The population standard deviation of each column, always positive: 1 for a constant column. */
  std: number[];
}

/** The mean of column `c`: `Σ x / B`, or `Σ (x / B)` if the sum overflows. */
function columnMean(x: Flat, c: number): number {
  let sum = 0;
  for (let r = 0; r < x.rows; r++) sum += x.data[r * x.cols + c];
  if (Number.isFinite(sum)) return sum / x.rows;
  let mean = 0;
  for (let r = 0; r < x.rows; r++) mean += x.data[r * x.cols + c] / x.rows;
  return mean;
}

/**
 * The population standard deviation of column `c` about `mean`,
 * `sqrt(Σ (x - mean)^2 / B)`; if the squares overflow or underflow, the same
 * with the deviations first divided by the largest of them. 0 or Infinity
 * only when even that fails.
 */
function columnStd(x: Flat, c: number, mean: number): number {
  let squares = 0;
  let largest = 0;
  for (let r = 0; r < x.rows; r++) {
    const d = x.data[r * x.cols + c] - mean;
    squares += d * d;
    largest = Math.max(largest, Math.abs(d));
  }
  const std = Math.sqrt(squares / x.rows);
  if ((std > 0 && Number.isFinite(std)) || !Number.isFinite(largest)) return std;
  let scaled = 0;
  for (let r = 0; r < x.rows; r++) scaled += ((x.data[r * x.cols + c] - mean) / largest) ** 2;
  return largest * Math.sqrt(scaled / x.rows);
}

/** True when every entry of column `c` is the same number. */
function isConstant(x: Flat, c: number): boolean {
  for (let r = 1; r < x.rows; r++) if (x.data[r * x.cols + c] !== x.data[c]) return false;
  return true;
}

/**
 * Measures each column of the training rows, to standardise inputs with
 * `Data.standardize`: the mean `mean_c = Σ_e x[e][c] / B` and the
 * population standard deviation `std_c = sqrt(Σ_e (x[e][c] - mean_c)^2 / B)`
 * (divided by `B`, not `B - 1`). Fit it on the training split only, so
 * that nothing of the test rows leaks into training.
 *
 * NOTE: a constant column (every entry the same) gets `mean` = that entry
 * and `std = 1` rather than being refused: it carries no information, and
 * standardising turns it into zeros, which a network ignores harmlessly; a
 * division by 0 would give NaN. Such columns are common in a small
 * training split (a feature that is always 0 there).
 *
 * Rows are `B × n`; a 1-D row is one example, all of whose columns are
 * constant. Costs O(B · n); does not change its argument.
 *
 * @param rows - the training inputs, one example per row.
 * @throws {@link ShapeError} if `rows` is empty or not rectangular.
 * @throws {@link ValueError} if an entry is not a finite number, or a
 *   column's deviations are beyond float64 (entries of both signs beyond
 *   about 1e308).
 * @returns new `mean` and `std` arrays of `n` numbers each, which the caller owns.
 *
 * @example
 * Column 0 is 1, 2, 3 (mean 2, std sqrt(2/3)); column 1 is constant:
 * ```ts
 * import { Data } from 'mathjs-backprop';
 * Data.fitStandardizer([[1, 5], [2, 5], [3, 5]]);
 * // => { mean: [2, 5], std: [0.816496580927726, 1] }
 * ```
 */
export function fitStandardizer(rows: MatrixLike): Standardizer {
  const where = 'Data.fitStandardizer';
  const x = toFlat(rows, `${where}: rows`);
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < x.cols; c++) {
    if (isConstant(x, c)) {
      mean.push(x.data[c]);
      std.push(1);
      continue;
    }
    const m = columnMean(x, c);
    const s = columnStd(x, c, m);
    if (!(s > 0 && Number.isFinite(s))) {
      throw new ValueError(`${where}: column ${c}'s standard deviation cannot be computed in float64 (it came out as ${s})`);
    }
    mean.push(m);
    std.push(s);
  }
  return { mean, std };
}

/** Checks a standardizer and returns its mean and std as Float64Arrays of one length. */
function checkStandardizer(standardizer: unknown, where: string): { mean: Float64Array; std: Float64Array } {
  if (standardizer === null || typeof standardizer !== 'object') {
    throw new ValueError(`${where}: standardizer must be an object { mean, std } from Data.fitStandardizer, got ${String(standardizer)}`);
  }
  const { mean: rawMean, std: rawStd } = standardizer as Record<string, unknown>;
  const mean = toFlat(rawMean, `${where}: standardizer.mean`);
  const std = toFlat(rawStd, `${where}: standardizer.std`);
  if (mean.rank !== 1 || std.rank !== 1 || mean.cols !== std.cols) {
    throw new ShapeError(
      `${where}: standardizer.mean and standardizer.std must be 1-D and of one length, got [${mean.rows}, ${mean.cols}] and [${std.rows}, ${std.cols}]`,
      [mean.cols],
      [std.rank === 1 ? std.cols : std.rows * std.cols],
    );
  }
  std.data.forEach((s, c) => {
    if (s <= 0) throw new ValueError(`${where}: standardizer.std[${c}] must be positive, got ${s}`);
  });
  return { mean: mean.data, std: std.data };
}

/**
 * Rescales each column with a standardizer from `Data.fitStandardizer`:
 * `z[e][c] = (x[e][c] - mean_c) / std_c`. On the rows it was fitted on,
 * every column then has mean 0 and population standard deviation 1 (up to
 * rounding), and a constant column becomes 0. Use the training split's
 * standardizer on the test rows too.
 *
 * A 1-D row of `n` numbers is one example and gives `n` numbers; `B × n`
 * rows give `B × n`. Costs O(B · n); does not change its arguments.
 *
 * @param rows - one example of `n` numbers, or `B × n`.
 * @param standardizer - `{ mean, std }` of `n` numbers each, every std positive.
 * @throws {@link ShapeError} if the rows do not have `n` columns, or `mean`
 *   and `std` are not 1-D arrays of one length.
 * @throws {@link ValueError} if an entry is not a finite number, a std is
 *   not positive, or a result overflows float64.
 * @returns a new matrix of the shape of `rows`.
 *
 * @example
 * With means `[2, 5]` and deviations `[0.5, 1]`, written by hand:
 * ```ts
 * import { Data } from 'mathjs-backprop';
 * const standardizer = { mean: [2, 5], std: [0.5, 1] };
 * Data.standardize([[1, 5], [3, 6]], standardizer).toArray(); // => [[-2, 0], [2, 1]]
 * Data.standardize([2.5, 4], standardizer).toArray(); // => [1, -1]
 * ```
 */
export function standardize(
  rows: MatrixLike,
  standardizer: { readonly mean: readonly number[]; readonly std: readonly number[] },
): Matrix {
  const where = 'Data.standardize';
  const { mean, std } = checkStandardizer(standardizer, where);
  const x = toFlat(rows, `${where}: rows`);
  checkColumns(x, mean.length, where, 'rows');
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < out.length; k++) {
    const c = k % x.cols;
    out[k] = (x.data[k] - mean[c]) / std[c];
    if (!Number.isFinite(out[k])) {
      throw new ValueError(`${where}: row ${Math.floor(k / x.cols)}, column ${c} came out as ${out[k]}: (${x.data[k]} - ${mean[c]}) / ${std[c]} overflows float64`);
    }
  }
  return toMatrix(out, x.rows, x.cols, x.rank);
}
