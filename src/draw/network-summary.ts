/**
 * The summary picture of a network too big to draw neuron by neuron: each
 * layer a box with its neuron count (and activation), each weight matrix a
 * bundle between two boxes with its size and the range of its weights.
 * Its size does not grow with the number of weights.
 *
 * @module
 */
import { COLOURS, symbol, type Drawing } from './network-drawing.js';
import { element, escapeXml, svgNumber } from './svg.js';

/** The geometry of the summary: column spacing, box size, margins. */
export const SUMMARY = Object.freeze({ columnGap: 230, box: 110, boxHeight: 190, left: 80, top: 70, height: 340 });

/** The width of the summary of `columns` columns. */
export function summaryWidth(columns: number): number {
  return 2 * SUMMARY.left + (columns - 1) * SUMMARY.columnGap + SUMMARY.box / 2;
}

function columnX(c: number): number {
  return SUMMARY.left + SUMMARY.box / 4 + c * SUMMARY.columnGap;
}

/** The smallest and largest entry of `w`, in one pass. */
function rangeOf(w: Float64Array): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < w.length; k++) {
    if (w[k] < low) low = w[k];
    if (w[k] > high) high = w[k];
  }
  return [low, high];
}

/** One column's box: "784 inputs" or "1024 neurons, sigmoid", with "+ bias −1" under every column but the last. */
function columnBox(d: Drawing, c: number): string {
  const last = d.sizes.length - 1;
  const x = columnX(c);
  const { top, box, boxHeight } = SUMMARY;
  const count = d.sizes[c];
  const what = c === 0 ? (count === 1 ? 'input' : 'inputs') : count === 1 ? 'neuron' : 'neurons';
  const name = c === 0 ? 'input' : c === last ? 'output layer' : last === 2 ? 'hidden layer' : `hidden layer ${c}`;
  const text = (y: number, content: string, extra: Record<string, string | number> = {}) =>
    element('text', { x, y, 'text-anchor': 'middle', 'font-size': 13, fill: COLOURS.text, ...extra }, content);
  const parts = [
    element('rect', { x: x - box / 2, y: top, width: box, height: boxHeight, rx: 10, fill: '#fdf6e3', stroke: '#444444', 'stroke-width': 1.5 }),
    text(top - 30, escapeXml(name), { 'font-weight': 'bold', 'font-size': 14 }),
    text(top + boxHeight / 2 - 6, escapeXml(String(count)), { 'font-size': 22, 'font-weight': 'bold' }),
    text(top + boxHeight / 2 + 16, escapeXml(what)),
    text(top - 12, escapeXml(c === 0 ? '' : d.activations[c - 1]), { 'font-style': 'italic', 'font-size': 12, fill: '#555555' }),
  ];
  if (c < last) parts.push(text(top + boxHeight + 18, escapeXml('+ bias \u22121'), { 'font-size': 12, fill: '#555555' }));
  return element('g', { class: 'layer-box', 'data-column': String(c), 'data-size': String(count) }, parts.join(''));
}

/** Layer `l`'s weights as one bundle from box `l` to box `l + 1`, with its size and range. */
function bundle(d: Drawing, l: number): string {
  const { top, box, boxHeight } = SUMMARY;
  const [x1, x2] = [columnX(l) + box / 2, columnX(l + 1) - box / 2];
  const [rows, columns] = [d.sizes[l] + 1, d.sizes[l + 1]];
  const [low, high] = rangeOf(d.weights[l]);
  const mid = (x1 + x2) / 2;
  const y = top + boxHeight / 2;
  const name = d.notebook ? symbol(l === 0 ? 'V' : 'W') : symbol('W', undefined, `(${l + 1})`);
  const band = element('polygon', {
    points: `${x1},${top + 12} ${x2},${top + 40} ${x2},${top + boxHeight - 40} ${x1},${top + boxHeight - 12}`,
    fill: '#dfe7f2', 'fill-opacity': 0.8, stroke: '#9aaccc',
  });
  const text = (dy: number, content: string) => element('text', { x: mid, y: y + dy, 'text-anchor': 'middle', 'font-size': 12, fill: COLOURS.text }, content);
  const range = `${svgNumber(low, d.decimals)} to ${svgNumber(high, d.decimals)}`;
  const tip = element('title', {}, escapeXml(`layers[${l}].weights: ${rows} \u00d7 ${columns}, from ${low} to ${high}`));
  const data = { class: 'bundle', 'data-layer': String(l), 'data-rows': String(rows), 'data-columns': String(columns) };
  return element('g', data, tip + band + text(-22, `weights ${name}`) + text(-4, escapeXml(`${rows} \u00d7 ${columns}`)) + text(14, escapeXml(range)));
}

/** The summary's parts: the bundles first, then the boxes over them. */
export function summaryParts(d: Drawing): string[] {
  return [
    element('g', { class: 'bundles' }, d.weights.map((_, l) => bundle(d, l)).join('\n')),
    element('g', { class: 'layers' }, d.sizes.map((_, c) => columnBox(d, c)).join('\n')),
  ];
}
