/**
 * Where to write each weight on its edge so that the labels overlap neither
 * each other nor the neurons: a greedy search along each edge.
 */

/** An axis-aligned box by its centre and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label to place on the segment from `(x1, y1)` to `(x2, y2)`. */
export interface EdgeLabel {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The fractions of the way along an edge tried for its label, best first:
 * near the neuron the edge leads to, where the edges into one neuron fan
 * out in the order of their inputs, then back towards the source.
 */
const CANDIDATES = [0.72, 0.66, 0.78, 0.6, 0.84, 0.54, 0.48, 0.42, 0.36, 0.3, 0.24, 0.18];

/** The area two boxes share. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width / 2, b.x + b.width / 2) - Math.max(a.x - a.width / 2, b.x - b.width / 2);
  const h = Math.min(a.y + a.height / 2, b.y + b.height / 2) - Math.max(a.y - a.height / 2, b.y - b.height / 2);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The label's box at fraction `t` of the way along its edge. */
function boxAt(label: EdgeLabel, t: number): Box {
  return {
    x: label.x1 + t * (label.x2 - label.x1),
    y: label.y1 + t * (label.y2 - label.y1),
    width: label.width,
    height: label.height,
  };
}

/**
 * Boxes filed by the grid cells they touch, so that a box meets only the
 * boxes near it: with cells the size of the largest box, each query looks
 * at a few cells, and placing `n` labels costs O(n), not O(n²).
 */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  constructor(private readonly size: number) {}

  private keysOf(box: Box): number[] {
    const s = this.size;
    const [x0, x1] = [Math.floor((box.x - box.width / 2) / s), Math.floor((box.x + box.width / 2) / s)];
    const [y0, y1] = [Math.floor((box.y - box.height / 2) / s), Math.floor((box.y + box.height / 2) / s)];
    const keys: number[] = [];
    // NOTE: drawings are far narrower than 2^20 cells, so x · 2^20 + y is a unique key.
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(x * 1048576 + y);
    return keys;
  }

  add(box: Box): void {
    for (const key of this.keysOf(box)) {
      const cell = this.cells.get(key);
      if (cell === undefined) this.cells.set(key, [box]);
      else cell.push(box);
    }
  }

  /** The total area `box` shares with the boxes filed, each counted once. */
  overlapWith(box: Box): number {
    const seen = new Set<Box>();
    let sum = 0;
    for (const key of this.keysOf(box)) {
      for (const other of this.cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        sum += overlap(box, other);
      }
    }
    return sum;
  }
}

/**
 * Places the labels one after the other: each at the first candidate
 * position that overlaps nothing placed so far and no obstacle, or, when
 * every position overlaps, at the one that overlaps least. Deterministic.
 * Near-linear: the boxes are filed in a grid, so each candidate is
 * compared only with its neighbours.
 *
 * @param labels - the labels, in the order they are placed.
 * @param obstacles - boxes no label should cover (the neurons).
 * @returns the box of each label, centred on its edge.
 */
export function placeLabels(labels: readonly EdgeLabel[], obstacles: readonly Box[]): Box[] {
  const size = Math.max(1, ...labels.map((l) => Math.max(l.width, l.height)), ...obstacles.map((o) => Math.max(o.width, o.height)));
  const placedGrid = new BoxGrid(size);
  const obstacleGrid = new BoxGrid(size);
  for (const o of obstacles) obstacleGrid.add(o);
  const placed: Box[] = [];
  for (const label of labels) {
    let best: Box | undefined;
    let bestCost = Infinity;
    for (const t of CANDIDATES) {
      const box = boxAt(label, t);
      const cost = placedGrid.overlapWith(box) + 4 * obstacleGrid.overlapWith(box);
      if (cost < bestCost) [best, bestCost] = [box, cost];
      if (cost === 0) break;
    }
    placed.push(best!);
    placedGrid.add(best!);
  }
  return placed;
}
