/**
 * One step of `Network.explain` as plain text for a terminal: per layer
 * its z, a and delta, then the loss and the new weights, numbers rounded
 * to 6 decimals. No LaTeX: the Markdown with the formulas is what
 * `explanationToMarkdown` writes, for a reader to open.
 */
import type { Explanation } from '../src/index.js';

/** `x` with 6 decimals, trailing zeros dropped (`0.5`, `-11.189931`). */
export function six(x: number): string {
  const text = x.toFixed(6).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

const list = (values: readonly number[]): string => values.map(six).join(', ');

/** The layer's name: "hidden layer 1", "output layer". */
function layerName(l: number, count: number): string {
  return l === count - 1 ? 'output layer' : `hidden layer ${l + 1}`;
}

/** The lines of the explanation, each indented by two spaces. */
export function explanationToText(e: Explanation): string[] {
  const count = e.layers.length;
  const forward = e.layers.map((layer, l) =>
    `  ${layerName(l, count)} (${layer.activation}): z = (${list(layer.z)}), a = (${list(layer.a)})`);
  const backward = [...e.layers.keys()].reverse().map((l) =>
    `  ${layerName(l, count)}: delta = dL/dz = (${list(e.layers[l].delta)})`);
  const updates = e.layers.map((layer, l) =>
    `  ${layerName(l, count)}: new weights [${layer.updatedWeights.map((row) => `[${list(row)}]`).join(', ')}]`);
  return [
    `  input x = (${list(e.input)}), target t = (${list(e.target)}), learning rate ${six(e.learningRate)}`,
    'Forward (z = [-1, x] . W, a = f(z)):',
    ...forward,
    `  output y = (${list(e.output)}), loss ${e.lossName} = ${six(e.loss)}`,
    'Backward (the output delta is dL/dy times f\'(z); a hidden one sums the deltas above through W):',
    ...backward,
    `Step (W - ${six(e.learningRate)} . dL/dW):`,
    ...updates,
  ];
}
