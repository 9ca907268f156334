/**
 * The geometry of a network drawing in the notebook's style: one column of
 * neurons per layer, the input column first; a −1 bias neuron at the top of
 * every column but the output; an edge for every weight.
 */

/** Sizes of the drawing, in pixels. */
export const GEOMETRY = Object.freeze({
  radius: 18,
  columnGap: 230,
  rowGap: 76,
  /** The row gap when each neuron's z, a and δ are written under it. */
  rowGapWithPass: 118,
  left: 96,
  right: 96,
  top: 78,
  bottom: 56,
  /** The extra height of the caption under a drawing with a pass. */
  caption: 24,
  /** The box of numbers under a neuron: its gap below the circle, line height and padding. */
  passGap: 3,
  passLine: 15,
  passPadding: 6,
});

/** One circle of the drawing. */
export interface NodePosition {
  readonly x: number;
  readonly y: number;
  /** The column: 0 for the inputs, `l + 1` for layer `l`. */
  readonly column: number;
  /** The neuron (or input) from 0; -1 for the bias neuron. */
  readonly index: number;
}

/** One edge: the weight `[row][column]` of layer `layer`, between two circles' rims. */
export interface EdgePosition {
  readonly layer: number;
  readonly row: number;
  readonly column: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Every position of a drawing of a network with `sizes` (inputs, then each layer's neurons). */
export interface Layout {
  readonly width: number;
  readonly height: number;
  /** `columns[c][k]`: the bias first in every column but the last. */
  readonly columns: readonly (readonly NodePosition[])[];
  readonly edges: readonly EdgePosition[];
  /** Where the drawing's lowest circle ends. */
  readonly bottomOfNodes: number;
}

/** The circles of column `c` of `count` neurons, centred in a drawing `tallest` rows high. */
function columnNodes(c: number, count: number, bias: boolean, tallest: number, rowGap: number): NodePosition[] {
  const rows = count + (bias ? 1 : 0);
  const top = GEOMETRY.top + ((tallest - rows) * rowGap) / 2;
  const x = GEOMETRY.left + c * GEOMETRY.columnGap;
  return Array.from({ length: rows }, (_, k) => ({ x, y: top + k * rowGap, column: c, index: bias ? k - 1 : k }));
}

/** The segment between two circles, shortened to their rims. */
function edgeBetween(from: NodePosition, to: NodePosition): { x1: number; y1: number; x2: number; y2: number } {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const length = Math.hypot(dx, dy);
  const [ux, uy] = [dx / length, dy / length];
  const r = GEOMETRY.radius;
  return { x1: from.x + ux * r, y1: from.y + uy * r, x2: to.x - ux * r, y2: to.y - uy * r };
}

/**
 * Lays out a network: `sizes[0]` inputs, then `sizes[l + 1]` neurons in
 * layer `l`. With `pass`, rows are further apart to leave room for the
 * numbers written under each neuron.
 */
export function layoutNetwork(sizes: readonly number[], pass: boolean): Layout {
  const last = sizes.length - 1;
  const rowGap = pass ? GEOMETRY.rowGapWithPass : GEOMETRY.rowGap;
  const tallest = Math.max(...sizes.map((size, c) => size + (c < last ? 1 : 0)));
  const columns = sizes.map((size, c) => columnNodes(c, size, c < last, tallest, rowGap));
  const edges: EdgePosition[] = [];
  for (let l = 0; l < last; l++) {
    const targets = columns[l + 1].filter((node) => node.index >= 0);
    for (const from of columns[l]) {
      for (const to of targets) edges.push({ layer: l, row: from.index + 1, column: to.index, ...edgeBetween(from, to) });
    }
  }
  const bottomOfNodes = GEOMETRY.top + (tallest - 1) * rowGap + GEOMETRY.radius;
  const passHeight = GEOMETRY.passGap + 3 * GEOMETRY.passLine + GEOMETRY.passPadding;
  return {
    width: GEOMETRY.left + last * GEOMETRY.columnGap + GEOMETRY.right,
    height: bottomOfNodes + (pass ? passHeight : 0) + GEOMETRY.bottom + (pass ? GEOMETRY.caption : 0),
    columns,
    edges,
    bottomOfNodes,
  };
}
