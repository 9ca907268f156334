/**
 * The numbers behind `decisionBoundaryToSVG`: the plotted square of the
 * plane, a grid of cells over it and the network's prediction at each
 * cell's centre.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { predict } from '../model/forward.js';
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';

/** An interval `[low, high]` of one input. */
export type Range = readonly [number, number];

/** The predictions over the grid: `values[r][c]` is cell `(r, c)`'s, row 0 at the top (high `x2`). */
export interface DecisionGrid {
  readonly x: Range;
  readonly y: Range;
  readonly cells: number;
  /** One output: the output clamped to [0, 1]. Several: the predicted class (the largest output). */
  readonly values: readonly (readonly number[])[];
  /** How many outputs the network has. */
  readonly outputs: number;
}

/** `range` checked to be `[low, high]` of finite numbers with `low < high`; `what` names it. */
export function checkRange(range: unknown, what: string, where: string): Range {
  const ok = Array.isArray(range) && range.length === 2 && range.every((v) => typeof v === 'number' && Number.isFinite(v)) && range[0] < range[1];
  if (!ok) throw new ValueError(`${where}: ${what} must be [low, high] with finite low < high, got ${describeValue(range)}`);
  return [range[0], range[1]];
}

/** The span of `values` widened by 10% of its width on each side (by 1 when all are equal). */
export function paddedRange(values: readonly number[]): Range {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const pad = high > low ? 0.1 * (high - low) : 1;
  return [low - pad, high + pad];
}

/** The class of an output row: the largest entry (lowest index on a tie). */
function argmax(row: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}

/**
 * Predicts at the centre of each of `cells × cells` cells of `x × y` in
 * one batch: cell `(r, c)` is at `x1 = x0 + (c + 0.5) · w`,
 * `x2 = y1 - (r + 0.5) · h`.
 */
export function decisionGrid(net: Network, x: Range, y: Range, cells: number): DecisionGrid {
  const centres: number[][] = [];
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      centres.push([x[0] + ((c + 0.5) * (x[1] - x[0])) / cells, y[1] - ((r + 0.5) * (y[1] - y[0])) / cells]);
    }
  }
  const rows = predict(net, centres).toArray() as number[][];
  const outputs = rows[0].length;
  const value = (row: number[]): number => (outputs === 1 ? Math.min(1, Math.max(0, row[0])) : argmax(row));
  const values = Array.from({ length: cells }, (_, r) => rows.slice(r * cells, (r + 1) * cells).map(value));
  return { x, y, cells, values, outputs };
}
