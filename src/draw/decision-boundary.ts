/**
 * Pictures of classifiers: `decisionBoundaryToSVG`, the plane of a
 * two-input network shaded by what it predicts, with the data on top, as
 * the TensorFlow Playground shows it.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { ShapeError, ValueError } from '../errors.js';
import { toFlat, type MatrixLike } from '../boundary/convert.js';
import { describeValue } from '../boundary/describe.js';
import { checkChoice, checkNumber, checkOptionNames } from '../boundary/options.js';
import { classesOf } from '../model/class-labels.js';
import { linearAxis, type Axis } from './ticks.js';
import { element, escapeXml, svgDocument } from './svg.js';
import { checkRange, decisionGrid, paddedRange, type DecisionGrid, type Range } from './decision-grid.js';

const WHERE = 'decisionBoundaryToSVG';
const OPTION_NAMES = ['points', 'labels', 'show', 'cells', 'size', 'xRange', 'yRange', 'title'];
const MARGIN = Object.freeze({ left: 52, right: 20, top: 40, bottom: 44 });
/** Class colours: class 0 orange, class 1 blue (the Playground's pair), then more. */
const COLOURS = Object.freeze(['#e67e22', '#1f5fa8', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d4ac0d']);
/** How many shades of each class colour the probability view uses. */
const SHADES = 8;

/** Options of {@link decisionBoundaryToSVG}. */
export interface DecisionBoundarySVGOptions {
  /** The data to draw on top: `B × 2`, one point per row. */
  readonly points: MatrixLike;
  /** The class of each point: `B` class indexes, or `B` one-hot (or probability) rows. */
  readonly labels: MatrixLike;
  /**
   * What the shading shows. `'probability'`: for one output, its value
   * clamped to [0, 1] as the probability of class 1, white at 0.5 and
   * deeper towards 0 (orange) or 1 (blue); `'class'`: the predicted class
   * only (one output: `y >= 0.5` is class 1; several: the largest). A
   * network with several outputs is always shown by class.
   * @defaultValue `'probability'`
   */
  readonly show?: 'probability' | 'class' | undefined;
  /**
   * How many grid cells along each side: the network predicts `cells²` points.
   * @defaultValue 60
   */
  readonly cells?: number | undefined;
  /**
   * The side of the square plot in pixels, at least 150.
   * @defaultValue 400
   */
  readonly size?: number | undefined;
  /**
   * The interval of the first input drawn. Widened to round ticks.
   * @defaultValue the points' span padded by 10% on each side
   */
  readonly xRange?: readonly [number, number] | undefined;
  /**
   * The interval of the second input drawn. Widened to round ticks.
   * @defaultValue the points' span padded by 10% on each side
   */
  readonly yRange?: readonly [number, number] | undefined;
  /**
   * The title above the plot.
   * @defaultValue `"Decision boundary"`
   */
  readonly title?: string | undefined;
}

/** `colour` mixed with white: `share` 0 is white, 1 the colour. */
function tint(colour: string, share: number): string {
  const channel = (k: number): string => {
    const c = parseInt(colour.slice(1 + 2 * k, 3 + 2 * k), 16);
    return Math.round(255 - (255 - c) * share).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The fill of one cell: a class's light tint, or for a probability a shade towards its class. */
function cellFill(value: number, probability: boolean, outputs: number): string {
  if (!probability) return tint(COLOURS[(outputs === 1 ? (value >= 0.5 ? 1 : 0) : value) % COLOURS.length], 0.45);
  const level = Math.round((Math.abs(value - 0.5) * 2) * SHADES) / SHADES;
  return tint(COLOURS[value >= 0.5 ? 1 : 0], 0.75 * level);
}

interface Frame {
  readonly x: Axis;
  readonly y: Axis;
  readonly size: number;
  px(v: number): number;
  py(v: number): number;
}

/** The shaded cells, equal neighbours in a row merged into one rectangle. */
function cellsOf(grid: DecisionGrid, f: Frame, probability: boolean): string {
  const side = f.size / grid.cells;
  const rects: string[] = [];
  grid.values.forEach((values, r) => {
    const row = values.map((v) => cellFill(v, probability, grid.outputs));
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      if (c < row.length && row[c] === row[start]) continue;
      rects.push(element('rect', {
        x: MARGIN.left + start * side, y: MARGIN.top + r * side, width: (c - start) * side + 0.5, height: side + 0.5, fill: row[start],
      }));
      start = c;
    }
  });
  return element('g', { class: 'cells', 'data-cells': String(grid.cells) }, rects.join(''));
}

/** The data points, in their classes' colours with a dark ring. */
function pointsOf(rows: readonly (readonly number[])[], classes: readonly number[], f: Frame): string {
  const dots = rows.map((p, i) => element('circle', {
    cx: f.px(p[0]), cy: f.py(p[1]), r: 4, fill: COLOURS[classes[i] % COLOURS.length], stroke: '#222222', 'stroke-width': 1,
    'data-class': String(classes[i]),
  }));
  return element('g', { class: 'points' }, dots.join(''));
}

/** The frame, the ticks of both inputs and their names `x1`, `x2`. */
function axesOf(f: Frame): string {
  const small = { 'font-size': 12, fill: '#333333' };
  const [left, top, right, bottom] = [MARGIN.left, MARGIN.top, MARGIN.left + f.size, MARGIN.top + f.size];
  const xs = f.x.ticks.map((t, k) => element('line', { x1: f.px(t), y1: bottom, x2: f.px(t), y2: bottom + 5, stroke: '#333333' }) +
    element('text', { ...small, x: f.px(t), y: bottom + 18, 'text-anchor': 'middle' }, escapeXml(f.x.labels[k])));
  const ys = f.y.ticks.map((t, k) => element('line', { x1: left - 5, y1: f.py(t), x2: left, y2: f.py(t), stroke: '#333333' }) +
    element('text', { ...small, x: left - 8, y: f.py(t), dy: '0.35em', 'text-anchor': 'end' }, escapeXml(f.y.labels[k])));
  const frame = element('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: 'none', stroke: '#333333' });
  const names = element('text', { ...small, x: (left + right) / 2, y: bottom + 36, 'text-anchor': 'middle' }, 'x1') +
    element('text', { ...small, x: 14, y: (top + bottom) / 2, 'text-anchor': 'middle' }, 'x2');
  return element('g', { class: 'axes' }, [...xs, ...ys, frame, names].join(''));
}

/** The points as rows of two, checked against the labels. */
function dataOf(options: DecisionBoundarySVGOptions): { rows: number[][]; classes: number[] } {
  const flat = toFlat(options.points, `${WHERE}: points`);
  if (flat.rank !== 2 || flat.cols !== 2) {
    throw new ShapeError(`${WHERE}: points must be a B x 2 matrix, one point per row, got ${flat.rank === 1 ? flat.cols : `${flat.rows} x ${flat.cols}`}`, [flat.rows, 2], [flat.rows, flat.cols]);
  }
  const rows = Array.from({ length: flat.rows }, (_, r) => [flat.data[2 * r], flat.data[2 * r + 1]]);
  const { classes } = classesOf(options.labels, WHERE, 'labels');
  if (classes.length !== rows.length) {
    throw new ShapeError(`${WHERE}: labels must have one class per point, expected ${rows.length}, got ${classes.length}`, [rows.length], [classes.length]);
  }
  return { rows, classes };
}

/**
 * Draws what a two-input classifier predicts over the plane, with its data
 * on top. The plotted square (the points' span padded by 10%, or
 * `xRange` × `yRange`, widened to round ticks) is cut into `cells × cells`
 * cells; the network predicts at every cell's centre in one batch, and
 * the cell is shaded by the probability of class 1 (one output, clamped to
 * [0, 1]; white at 0.5, so the decision boundary `y = 0.5` shows as the
 * white band) or by the predicted class (several outputs: the largest).
 * Each point is a dot in its class's colour: orange for class 0, blue for
 * class 1. Costs one forward pass of `cells²` rows; plain SVG; does not
 * change its arguments.
 *
 * @param net - a network with 2 inputs.
 * @param options - the `points` and their `labels`, and how to draw them.
 * @throws {@link ShapeError} if the network does not take 2 inputs, the
 *   points are not `B × 2` or there is not one label per point.
 * @throws {@link ValueError} if an option is unknown or out of range, or a
 *   label is not a class.
 * @returns the SVG document as a string, ending with a newline.
 *
 * @example
 * A single neuron that says class 1 when `x1 > x2`:
 * ```ts
 * import { Activation, decisionBoundaryToSVG, Layer, Network } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[0], [4], [-4]], Activation.sigmoid)]);
 * const svg = decisionBoundaryToSVG(net, { points: [[1, 0], [0, 1]], labels: [1, 0] });
 * svg.startsWith('<svg'); // => true
 * svg.includes('data-class="1"'); // => true
 * ```
 */
export function decisionBoundaryToSVG(net: Network, options: DecisionBoundarySVGOptions): string {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  if (net?.layers?.[0]?.inputSize !== 2) {
    throw new ShapeError(`${WHERE}: the network must take 2 inputs, got ${describeValue(net?.layers?.[0]?.inputSize)}`, [2], [net?.layers?.[0]?.inputSize ?? 0]);
  }
  const { rows, classes } = dataOf(options);
  const show = options.show === undefined ? 'probability' : checkChoice(options.show, ['probability', 'class'] as const, 'show', WHERE);
  const cells = options.cells === undefined ? 60 : checkNumber(options.cells, { integer: true, min: 2, max: 400 }, 'cells', WHERE);
  const size = options.size === undefined ? 400 : checkNumber(options.size, { min: 150, max: 4000 }, 'size', WHERE);
  const title = options.title ?? 'Decision boundary';
  if (typeof title !== 'string') throw new ValueError(`${WHERE}: title must be a string, got ${describeValue(title)}`);
  const range = (given: unknown, k: number, what: string): Range =>
    given === undefined ? paddedRange(rows.map((p) => p[k])) : checkRange(given, what, WHERE);
  const [xr, yr] = [range(options.xRange, 0, 'xRange'), range(options.yRange, 1, 'yRange')];
  const [x, y] = [linearAxis(xr[0], xr[1], 5), linearAxis(yr[0], yr[1], 5)];
  const frame: Frame = {
    x, y, size,
    px: (v) => MARGIN.left + ((v - x.min) / (x.max - x.min)) * size,
    py: (v) => MARGIN.top + size - ((v - y.min) / (y.max - y.min)) * size,
  };
  const grid = decisionGrid(net, [x.min, x.max], [y.min, y.max], cells);
  const probability = show === 'probability' && grid.outputs === 1;
  const heading = element('text', { x: MARGIN.left + size / 2, y: 24, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold', fill: '#222222' }, escapeXml(title));
  const width = MARGIN.left + size + MARGIN.right;
  const height = MARGIN.top + size + MARGIN.bottom;
  return svgDocument(width, height, title, [cellsOf(grid, frame, probability), axesOf(frame), pointsOf(rows, classes, frame), heading]);
}
