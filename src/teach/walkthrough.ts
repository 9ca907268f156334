/**
 * The sections of a worked example in Markdown with LaTeX, in the order of
 * the notebook's walkthrough: the forward pass, the loss, and from the
 * output down, each layer's deltas and the update of its weights.
 */
import type { Explanation } from './explain.js';
import { activationFormula, dLossBy, lossFormula, lossGradientFormula, type LossSymbols } from './formulas.js';
import { alignedBlock, latexFactor, latexNumber, markdownCode } from './latex.js';
import type { Notation } from './notation.js';

/** What every section needs: the data, the digits and the letters. */
export interface Context {
  readonly e: Explanation;
  /** Significant digits. */
  readonly d: number;
  readonly n: Notation;
  /** The index of the output layer. */
  readonly last: number;
}

/** `left &= part = part = …`: one line of an aligned block. */
function line(left: string, parts: readonly string[]): string {
  return `${left} &= ${parts.join(' = ')}`;
}

/** The layer's name in prose: "the hidden layer", "layer 3 (the output layer)". */
export function layerName(c: Context, l: number): string {
  if (c.n.name === 'notebook') return l === 0 ? 'the hidden layer' : 'the output layer';
  return l === c.last ? `layer ${l + 1} (the output layer)` : `layer ${l + 1}`;
}

/** `text` with its first letter in capitals. */
export function capitalised(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** `z_j = -1 · w_0j + x_1 · w_1j + … = the same in numbers = value`. */
function sumLine(c: Context, l: number, j: number): string {
  const layer = c.e.layers[l];
  const symbols = layer.input.map((_, i) => `${i === 0 ? '-1' : c.n.input(l, i)} \\cdot ${c.n.weight(l, i, j)}`);
  const numbers = layer.input.map((x, i) => `${latexFactor(x, c.d)} \\cdot ${latexFactor(layer.weights[i][j], c.d)}`);
  numbers[0] = numbers[0].replace(/^\(-1\)/, '-1');
  return line(c.n.z(l, j), [symbols.join(' + '), numbers.join(' + '), latexNumber(layer.z[j], c.d)]);
}

/** `a_j = f(z_j) = f(number) = value`, or `y = o = value` without an activation. */
function activationLine(c: Context, l: number, j: number): string {
  const layer = c.e.layers[l];
  const f = activationFormula(layer.activation);
  const value = latexNumber(layer.a[j], c.d);
  if (f.identity) return line(c.n.a(l, j), [c.n.z(l, j), value]);
  return line(c.n.a(l, j), [f.apply(c.n.z(l, j)), f.apply(latexNumber(layer.z[j], c.d)), value]);
}

/** The forward pass through every layer: sums, then activations. */
export function forwardSection(c: Context): string {
  const parts = c.e.layers.map((layer, l) => {
    const js = layer.z.map((_, j) => j);
    const name = capitalised(layerName(c, l));
    const f = activationFormula(layer.activation);
    const then = f.identity
      ? `applies no activation (${markdownCode(layer.activation)}): each neuron passes its sum on.`
      : `applies the activation ${markdownCode(layer.activation)} to each sum:`;
    return [
      `### ${name}`,
      'The sum into each neuron, every input times its weight, the bias input $-1$ first:',
      alignedBlock(js.map((j) => sumLine(c, l, j))),
      `${name} ${then}`,
      alignedBlock(js.map((j) => activationLine(c, l, j))),
    ].join('\n\n');
  });
  return ['## The forward pass', ...parts].join('\n\n');
}

function lossSymbols(c: Context): LossSymbols {
  return { y: c.e.output.map((_, k) => c.n.a(c.last, k)), t: c.e.target.map((_, k) => c.n.target(k)) };
}

/** The loss of the output, symbolically, in numbers and its value. */
export function lossSection(c: Context): string {
  const s = lossSymbols(c);
  const parts = lossFormula(c.e.builtInLoss, c.e.lossName, s, c.e.output, c.e.target, c.d);
  const equation = ['\\mathcal{L}', ...parts, latexNumber(c.e.loss, c.d)].join(' = ');
  return [
    '## The loss',
    `The loss ${markdownCode(c.e.lossName)} of the output $${s.y.join(', ')}$ against the target $${s.t.join(', ')}$:`,
    `$$\n${equation}\n$$`,
  ].join('\n\n');
}

/** Output neuron `k`'s delta: `∂L/∂y_k`, times the activation's slope unless it is the identity. */
function outputDeltaLines(c: Context, k: number): string[] {
  const layer = c.e.layers[c.last];
  const f = activationFormula(layer.activation);
  const s = lossSymbols(c);
  const gradient = lossGradientFormula(c.e.builtInLoss, s, k, c.e.output[k], c.e.target[k], c.d);
  const delta = c.n.delta(c.last, k);
  const value = latexNumber(layer.delta[k], c.d);
  if (f.identity) return [line(delta, [...(gradient.length > 0 ? gradient : [dLossBy(s.y[k])]), value])];
  const slope = f.slope(c.n.z(c.last, k), s.y[k]);
  const slopeNumbers = f.slopeNumbers(layer.z[k], layer.a[k], c.d);
  return [
    line(dLossBy(s.y[k]), [...gradient, latexNumber(layer.upstream[k], c.d)]),
    line(delta, [`${dLossBy(s.y[k])} \\cdot ${slope}`, `${latexFactor(layer.upstream[k], c.d)} \\cdot ${slopeNumbers}`, value]),
  ];
}

/**
 * Hidden neuron `j`'s delta: the deltas of the layer above, each times the
 * old weight from `j` to it, summed, times the slope of the activation.
 */
function hiddenDeltaLine(c: Context, l: number, j: number): string {
  const [layer, above] = [c.e.layers[l], c.e.layers[l + 1]];
  const f = activationFormula(layer.activation);
  const terms = above.delta.map((_, k) => `${c.n.delta(l + 1, k)} ${c.n.weight(l + 1, j + 1, k)}`);
  const numbers = above.delta.map((dk, k) => `${latexFactor(dk, c.d)} \\cdot ${latexFactor(above.weights[j + 1][k], c.d)}`);
  const [sum, sumNumbers] = terms.length === 1 ? [terms[0], numbers[0]] : [`(${terms.join(' + ')})`, `(${numbers.join(' + ')})`];
  return line(c.n.delta(l, j), [
    `${sum} \\cdot ${f.slope(c.n.z(l, j), c.n.a(l, j))}`,
    `${sumNumbers} \\cdot ${f.slopeNumbers(layer.z[j], layer.a[j], c.d)}`,
    `${latexFactor(layer.upstream[j], c.d)} \\cdot ${latexFactor(layer.derivative[j], c.d)}`,
    latexNumber(layer.delta[j], c.d),
  ]);
}

/** The deltas of layer `l`: how much the loss changes with each neuron's sum. */
export function deltaSection(c: Context, l: number): string {
  const js = c.e.layers[l].z.map((_, j) => j);
  const title = c.n.name === 'notebook' ? (l === c.last ? 'The output delta' : 'The hidden deltas') : `The deltas of layer ${l + 1}`;
  const slope = activationFormula(c.e.layers[l].activation).identity
    ? 'and as the output activation is the identity, whose slope is 1, that is all:'
    : 'times the slope of the output activation:';
  const how =
    l === c.last
      ? `The delta of an output neuron, $\\delta = \\partial \\mathcal{L} / \\partial z$, is how much the loss changes with the sum into it: the derivative of the loss with respect to the output, ${slope}`
      : `The delta of each neuron of ${layerName(c, l)} is the deltas of ${layerName(c, l + 1)}, each times the weight from this neuron to it (the weight before the update), summed, times the slope of the activation at this neuron:`;
  const lines = l === c.last ? js.flatMap((k) => outputDeltaLines(c, k)) : js.map((j) => hiddenDeltaLine(c, l, j));
  return [`## ${title}`, how, alignedBlock(lines)].join('\n\n');
}

/** `w_ij ← w_ij - η · δ_j · input_i = numbers = old - η · gradient = new`. */
function updateLine(c: Context, l: number, i: number, j: number): string {
  const layer = c.e.layers[l];
  const [w, eta] = [c.n.weight(l, i, j), latexNumber(c.e.learningRate, c.d)];
  const input = i === 0 ? '(-1)' : c.n.input(l, i);
  const old = latexNumber(layer.weights[i][j], c.d);
  return `${w} &\\leftarrow ${[
    `${w} - \\eta \\cdot ${c.n.delta(l, j)} \\cdot ${input}`,
    `${old} - ${eta} \\cdot ${latexFactor(layer.delta[j], c.d)} \\cdot ${latexFactor(layer.input[i], c.d)}`,
    `${old} - ${eta} \\cdot ${latexFactor(layer.gradient[i][j], c.d)}`,
    latexNumber(layer.updatedWeights[i][j], c.d),
  ].join(' = ')}`;
}

/** The step of every weight of layer `l`, row by row. */
export function updateSection(c: Context, l: number): string {
  const layer = c.e.layers[l];
  const title = c.n.name === 'notebook' ? (l === c.last ? 'The new output weights' : 'The new hidden-layer weights') : `The new weights of layer ${l + 1}`;
  const lines = layer.weights.flatMap((row, i) => row.map((_, j) => updateLine(c, l, i, j)));
  const w = `${c.n.matrix(l)}_{i,j}`;
  const parts = [
    `## ${title}`,
    `Each weight $${w}$ takes a step against its gradient $\\partial \\mathcal{L} / \\partial ${w}$, which is the delta of neuron $j$ times input $i$ ($-1$ for the bias), with the learning rate $\\eta = ${latexNumber(c.e.learningRate, c.d)}$:`,
    alignedBlock(lines),
  ];
  if (l > 0) parts.push(`These are the new weights of ${layerName(c, l)}, but the deltas of ${layerName(c, l - 1)} below are computed with the old ones.`);
  return parts.join('\n\n');
}
