/**
 * Pictures of networks: an SVG drawing in the notebook's style, with every
 * weight written on its edge and, optionally, each neuron's numbers from one
 * forward and backward pass.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import type { Explanation } from '../teach/explain.js';
import type { Network } from '../model/network-record.js';
import {
  COLOURS, LABEL_FONT, drawingOf, edgeLines, headings, nodeCircles, passBox, passLines, symbol, weightLabels, type Drawing,
  type NetworkSVGOptions,
} from './network-drawing.js';
import { GEOMETRY } from './network-layout.js';
import { element, escapeXml, svgDocument, svgNumber, textWidth } from './svg.js';
import { SUMMARY, summaryParts, summaryWidth } from './network-summary.js';

/** The height of the band the title is written in, above the picture. */
const TITLE_SPACE = 30;
import { describeValue } from '../boundary/describe.js';


/** The numbers of the pass: under each neuron, beside each input and the output. */
function passNumbers(d: Drawing, pass: Explanation): string {
  const r = GEOMETRY.radius;
  const last = d.sizes.length - 1;
  const small = { 'font-size': LABEL_FONT, fill: COLOURS.text };
  const parts = d.layout.columns.flat().map((node) => {
    if (node.index < 0) return '';
    if (node.column === 0) {
      const value = `${symbol('x', node.index + 1)} = ${escapeXml(svgNumber(pass.input[node.index], d.decimals))}`;
      return element('text', { ...small, x: node.x - r - 6, y: node.y, dy: '0.35em', 'text-anchor': 'end' }, value);
    }
    const lines = passLines(d, node.column - 1, node.index);
    const box = passBox(node, lines);
    const top = box.y - box.height / 2;
    const rect = element('rect', { x: box.x - box.width / 2, y: top, width: box.width, height: box.height, rx: 4, fill: '#fffdf5', stroke: '#bbbbbb' });
    const texts = lines.map((line, k) =>
      element('text', { ...small, x: box.x, y: top + GEOMETRY.passPadding / 2 + (k + 0.5) * GEOMETRY.passLine, dy: '0.35em', 'text-anchor': 'middle' }, escapeXml(line)),
    );
    const target = node.column === last
      ? element('text', { ...small, x: node.x + r + 6, y: node.y, dy: '0.35em' }, `${symbol('t', d.sizes[last] === 1 ? undefined : node.index + 1)} = ${escapeXml(svgNumber(pass.target[node.index], d.decimals))}`)
      : '';
    return element('g', { class: 'pass', 'data-layer': String(node.column - 1), 'data-index': String(node.index) }, rect + texts.join('') + target);
  });
  const caption = `loss (${pass.lossName}) = ${svgNumber(pass.loss, d.decimals)};  \u03b4 = \u2202L/\u2202z, the delta of each neuron`;
  const y = d.layout.height - 18;
  return element('g', { class: 'passes' }, parts.join('\n') + element('text', { ...small, x: d.layout.width / 2, y, 'text-anchor': 'middle' }, escapeXml(caption)));
}

/**
 * Draws a network as an SVG picture in the style of the notebook's figure:
 * the inputs, each hidden layer and the output layer as columns of neurons,
 * a `−1` bias neuron (dashed) at the top of every column but the output,
 * and an edge for every weight with its value written on it (blue when
 * positive, red when negative). Each label sits on its own edge, slid along
 * it where it would cover another label or a neuron. Column headings name
 * each layer and its activation; the weight matrices are named under the
 * edges (`V` and `W` as in the notebook, or `W(1)`, `W(2)`, …).
 *
 * With an `explanation` (from `Network.explain` on the same network), it
 * also writes the forward and backward pass: each input's value, under
 * each neuron its `z`, `a` and `δ`, the target beside the output, and the
 * loss in a caption.
 *
 * Every edge and label carries `data-layer`, `data-row` and `data-column`
 * (the weight is `net.layers[layer].weights[row][column]`) and a tooltip
 * with the weight's full value. All text is escaped. Plain SVG, no scripts,
 * no fonts to load; the size grows with the network (about 230 px per
 * layer, 76 px per neuron, 118 with a pass). Pure: does not change its
 * arguments.
 *
 * @param net - the network.
 * @param options - decimals, an explanation to show, the notation and a title.
 * @throws {@link ValueError} if an option is out of range, or the
 *   explanation is not one or has other weights than the network.
 * @throws {@link ShapeError} if the explanation is of a network of other sizes.
 * @returns the SVG document as a string, ending with a newline.
 *
 * @example
 * The notebook's network, with each weight on its edge:
 * ```ts
 * import { Network, Layer, Activation, networkToSVG } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const svg = networkToSVG(net);
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // => true
 * svg.includes('<title>layers[1].weights[3][0] = -1</title>'); // => true
 * const step = Network.explain(net, [1, 2], [5], { learningRate: 0.1 });
 * networkToSVG(net, { explanation: step }).includes('δ = −11.19'); // => true
 * ```
 */
export function networkToSVG(net: Network, options: NetworkSVGOptions = {}): string {
  const d = drawingOf(net, options);
  const title = options.title ?? `A ${d.sizes.join('-')} network`;
  if (typeof title !== 'string') throw new ValueError(`networkToSVG: title must be a string, got ${describeValue(title)}`);
  const heading = element('text', { x: 12, y: 22, 'font-size': 15, 'font-weight': 'bold', fill: COLOURS.text, class: 'title' }, escapeXml(title));
  if (d.summary) {
    const width = Math.max(summaryWidth(d.sizes.length), textWidth(title, 15) + 24);
    const parts = summaryParts(d);
    return svgDocument(width, SUMMARY.height + TITLE_SPACE, title, [heading, element('g', { transform: `translate(0, ${TITLE_SPACE})` }, parts.join('\n'))]);
  }
  const body = [edgeLines(d), d.labels ? weightLabels(d) : '', nodeCircles(d), headings(d)];
  if (d.pass !== undefined) body.push(passNumbers(d, d.pass));
  const width = Math.max(d.layout.width, textWidth(title, 15) + 24);
  const shifted = element('g', { transform: `translate(0, ${TITLE_SPACE})` }, body.filter((part) => part !== '').join('\n'));
  return svgDocument(width, d.layout.height + TITLE_SPACE, title, [heading, shifted]);
}
