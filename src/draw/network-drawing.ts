/**
 * The parts of a network drawing (`networkToSVG`): the edges, the weight on
 * each, the neurons and the headings, from the network and the options.
 */
import { ShapeError, ValueError } from '../errors.js';
import type { Explanation } from '../teach/explain.js';
import type { Network } from '../model/network-record.js';
import { checkExplanation } from '../teach/explanation-check.js';
import { placeLabels, type Box } from './label-placement.js';
import { GEOMETRY, layoutNetwork, type EdgePosition, type Layout, type NodePosition } from './network-layout.js';
import { modelOf } from '../model/network-record.js';
import { checkDecimals, element, escapeXml, svgNumber, textWidth } from './svg.js';
import { checkBoolean, checkChoice, checkOptionNames } from '../boundary/options.js';
import { NOTATIONS } from '../teach/notation.js';

/** Options of {@link networkToSVG}. */
export interface NetworkSVGOptions {
  /**
   * How many decimals the numbers are rounded to, trailing zeros dropped:
   * an integer from 0 to 12.
   * @defaultValue 3
   */
  readonly decimals?: number | undefined;
  /**
   * One step on one example, from `Network.explain` on this same network:
   * each neuron then shows its sum `z` (`o` at the output in the notebook's
   * letters), activation `a` (`y` at the output) and delta `δ = ∂L/∂z`; each
   * input its value, the output its target, and a caption the loss.
   * @defaultValue none
   */
  readonly explanation?: Explanation | undefined;
  /**
   * The names of the weight matrices: the notebook's `V` and `W`
   * (`'notebook'`), `W(1)`, `W(2)`, … (`'layers'`), or `'auto'`: the
   * notebook's for two layers, else numbered.
   * @defaultValue `'auto'`
   */
  readonly notation?: 'auto' | 'notebook' | 'layers' | undefined;
  /**
   * The picture's title, written above it and read by screen readers.
   * @defaultValue `"A 2-3-1 network"`, with the network's sizes
   */
  readonly title?: string | undefined;
  /**
   * Whether each weight is written on its edge; `false` draws the edges only.
   * @defaultValue true
   */
  readonly weights?: boolean | undefined;
  /**
   * Whether to draw a summary instead of every neuron: each layer a box
   * with its neuron count, each weight matrix a bundle with its size and
   * range, no per-weight labels. Cannot show an explanation.
   * @defaultValue true when a layer has more than 32 neurons (or inputs)
   */
  readonly summary?: boolean | undefined;
}

export const WHERE = 'networkToSVG';
export const LABEL_FONT = 11;
export const COLOURS = Object.freeze({ positive: '#1f5fa8', negative: '#c0392b', zero: '#888888', text: '#222222' });

/** What the drawing needs from the network and options. */
export interface Drawing {
  readonly sizes: readonly number[];
  readonly weights: readonly Float64Array[];
  readonly activations: readonly string[];
  readonly decimals: number;
  readonly notebook: boolean;
  readonly pass: Explanation | undefined;
  /** The neuron-by-neuron layout; empty (no columns, no edges) for a summary. */
  readonly layout: Layout;
  /** Whether the weights are written on the edges. */
  readonly labels: boolean;
  /** Whether this is the summary picture. */
  readonly summary: boolean;
}

/** The colour of a weight as written: blue when positive, red when negative, grey when 0. */
export function colourOf(w: number, decimals: number): string {
  const text = svgNumber(w, decimals);
  return text === '0' ? COLOURS.zero : text.startsWith('\u2212') ? COLOURS.negative : COLOURS.positive;
}

/** `base` with a subscript (and superscript) as SVG text. */
export function symbol(base: string, sub?: number | string, sup?: string): string {
  const low = sub === undefined ? '' : element('tspan', { 'baseline-shift': 'sub', 'font-size': '70%' }, escapeXml(String(sub)));
  const high = sup === undefined ? '' : element('tspan', { 'baseline-shift': 'super', 'font-size': '70%' }, escapeXml(sup));
  return `${escapeXml(base)}${high}${low}`;
}

/** Refuses an explanation that is not of a network of these sizes and weights. */
function checkPass(value: unknown, sizes: readonly number[], weights: readonly Float64Array[]): Explanation {
  const e = checkExplanation(value, WHERE);
  const given = [e.input.length, ...e.layers.map((layer) => layer.z.length)];
  if (given.join() !== sizes.join()) {
    throw new ShapeError(`${WHERE}: the explanation is of a network of sizes [${given.join(', ')}], not [${sizes.join(', ')}]`, sizes, given);
  }
  e.layers.forEach((layer, l) => {
    const m = sizes[l + 1];
    if (layer.weights.some((row, i) => row.some((w, j) => w !== weights[l][i * m + j]))) {
      throw new ValueError(`${WHERE}: the explanation's weights of layer ${l} are not the network's; explain this network`);
    }
  });
  return e;
}

/** The weight that edge `e` stands for. */
export function weightOf(d: Drawing, e: EdgePosition): number {
  return d.weights[e.layer][e.row * d.sizes[e.layer + 1] + e.column];
}

const OPTION_NAMES = ['decimals', 'explanation', 'notation', 'title', 'weights', 'summary'];

/** Layers wider than this are drawn as a summary unless `summary: false`. */
const SUMMARY_NEURONS = 32;

/** Checks the network and the options once, and lays the drawing out. */
export function drawingOf(net: Network, options: NetworkSVGOptions): Drawing {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const model = modelOf(net, WHERE);
  const decimals = checkDecimals(options.decimals ?? 3, WHERE);
  const notation = checkChoice(options.notation ?? 'auto', NOTATIONS, 'notation', WHERE);
  if (notation === 'notebook' && model.weights.length !== 2) {
    throw new ValueError(`${WHERE}: the notebook notation is for networks of 2 layers, this one has ${model.weights.length}`);
  }
  const pass = options.explanation === undefined ? undefined : checkPass(options.explanation, model.sizes, model.weights);
  const labels = options.weights === undefined ? true : checkBoolean(options.weights, 'weights', WHERE);
  const wide = Math.max(...model.sizes) > SUMMARY_NEURONS;
  const summary = options.summary === undefined ? wide && pass === undefined : checkBoolean(options.summary, 'summary', WHERE);
  if (summary && pass !== undefined) {
    throw new ValueError(`${WHERE}: a summary picture cannot show an explanation; pass summary: false to draw every neuron`);
  }
  const empty: Layout = { width: 0, height: 0, columns: [], edges: [], bottomOfNodes: 0 };
  return {
    labels,
    summary,
    sizes: model.sizes,
    weights: model.weights,
    activations: model.activations.map((a) => a.name),
    decimals,
    notebook: notation === 'notebook' || (notation === 'auto' && model.weights.length === 2),
    pass,
    layout: summary ? empty : layoutNetwork(model.sizes, pass !== undefined),
  };
}

/** Every edge line, coloured by the sign of its weight. */
export function edgeLines(d: Drawing): string {
  const lines = d.layout.edges.map((e) => {
    const w = weightOf(d, e);
    const data = { 'data-layer': String(e.layer), 'data-row': String(e.row), 'data-column': String(e.column) };
    return element('line', { ...data, x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, stroke: colourOf(w, d.decimals), 'stroke-width': 1.2, 'stroke-opacity': 0.75 });
  });
  return element('g', { class: 'edges' }, lines.join(''));
}

/** The numbers written under neuron `index` of layer `layer`: its sum, activation and delta. */
export function passLines(d: Drawing, layer: number, index: number): string[] {
  const pass = d.pass!.layers[layer];
  const output = layer === d.sizes.length - 2;
  const [sum, act] = [d.notebook && output ? 'o' : 'z', output ? 'y' : 'a'];
  return [`${sum} = `, `${act} = `, '\u03b4 = '].map((name, k) => name + svgNumber([pass.z, pass.a, pass.delta][k][index], d.decimals));
}

/** The box of the numbers under a neuron, by its centre. */
export function passBox(node: NodePosition, lines: readonly string[]): Box {
  const height = lines.length * GEOMETRY.passLine + GEOMETRY.passPadding;
  const width = Math.max(...lines.map((line) => textWidth(line, LABEL_FONT))) + 2 * GEOMETRY.passPadding;
  return { x: node.x, y: node.y + GEOMETRY.radius + GEOMETRY.passGap + height / 2, width, height };
}

/** The boxes no weight label may cover: the circles, and the numbers under them. */
function obstaclesOf(d: Drawing): Box[] {
  const r = GEOMETRY.radius;
  return d.layout.columns.flat().flatMap((node) => {
    const circle = { x: node.x, y: node.y, width: 2 * r + 4, height: 2 * r + 4 };
    if (d.pass === undefined || node.column === 0 || node.index < 0) return [circle];
    return [circle, passBox(node, passLines(d, node.column - 1, node.index))];
  });
}

/** The weight on every edge, placed along it so that labels do not collide. */
export function weightLabels(d: Drawing): string {
  const texts = d.layout.edges.map((e) => svgNumber(weightOf(d, e), d.decimals));
  const boxes = placeLabels(
    d.layout.edges.map((e, k) => ({ ...e, width: textWidth(texts[k], LABEL_FONT) + 6, height: LABEL_FONT + 4 })),
    obstaclesOf(d),
  );
  const labels = d.layout.edges.map((e, k) => {
    const w = weightOf(d, e);
    const box = boxes[k];
    const data = { class: 'weight', 'data-layer': String(e.layer), 'data-row': String(e.row), 'data-column': String(e.column) };
    const title = element('title', {}, escapeXml(`layers[${e.layer}].weights[${e.row}][${e.column}] = ${w}`));
    const background = element('rect', { x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height, rx: 3, fill: 'white', 'fill-opacity': 0.9 });
    const text = element('text', { x: box.x, y: box.y, dy: '0.35em', 'text-anchor': 'middle', 'font-size': LABEL_FONT, fill: colourOf(w, d.decimals) }, escapeXml(texts[k]));
    return element('g', data, title + background + text);
  });
  return element('g', { class: 'weights' }, labels.join('\n'));
}

/** The name written in a circle: −1, x₁, h₁, y or y₁. */
function nodeName(d: Drawing, node: NodePosition): string {
  const last = d.sizes.length - 1;
  if (node.index < 0) return escapeXml('\u22121');
  if (node.column === 0) return symbol('x', node.index + 1);
  if (node.column === last) return d.sizes[last] === 1 ? symbol('y') : symbol('y', node.index + 1);
  return symbol('h', node.index + 1);
}

/** Every neuron as a circle with its name; the bias neurons grey and dashed. */
export function nodeCircles(d: Drawing): string {
  const nodes = d.layout.columns.flat().map((node) => {
    const bias = node.index < 0;
    const circle = element('circle', { cx: node.x, cy: node.y, r: GEOMETRY.radius, fill: bias ? '#eeeeee' : '#fdf6e3', stroke: '#444444', 'stroke-width': 1.5, 'stroke-dasharray': bias ? '3 2' : undefined });
    const text = element('text', { x: node.x, y: node.y, dy: '0.35em', 'text-anchor': 'middle', 'font-size': 14, fill: COLOURS.text }, nodeName(d, node));
    const data = { class: bias ? 'bias' : 'neuron', 'data-column': String(node.column), 'data-index': String(node.index) };
    return element('g', data, circle + text);
  });
  return element('g', { class: 'neurons' }, nodes.join('\n'));
}

/** The column headings (input, hidden layer, output layer, with the activations) and the matrix names. */
export function headings(d: Drawing): string {
  const last = d.sizes.length - 1;
  const texts = d.layout.columns.map((column, c) => {
    const name = c === 0 ? 'input' : c === last ? 'output layer' : last === 2 ? 'hidden layer' : `hidden layer ${c}`;
    const kind = c === 0 ? `${d.sizes[0]} value${d.sizes[0] === 1 ? '' : 's'}` : d.activations[c - 1];
    const title = element('text', { x: column[0].x, y: 24, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold', fill: COLOURS.text }, escapeXml(name));
    return title + element('text', { x: column[0].x, y: 42, 'text-anchor': 'middle', 'font-size': 12, 'font-style': 'italic', fill: '#555555' }, escapeXml(kind));
  });
  const y = d.layout.height - (d.pass === undefined ? 20 : 20 + GEOMETRY.caption);
  const matrices = d.weights.map((_, l) => {
    const name = d.notebook ? symbol(l === 0 ? 'V' : 'W') : symbol('W', undefined, `(${l + 1})`);
    const x = (d.layout.columns[l][0].x + d.layout.columns[l + 1][0].x) / 2;
    return element('text', { x, y, 'text-anchor': 'middle', 'font-size': 13, 'font-style': 'italic', fill: '#555555' }, `weights ${name}`);
  });
  return element('g', { class: 'headings' }, [...texts, ...matrices].join('\n'));
}

