/**
 * Worked examples as Markdown with LaTeX: one step of backpropagation,
 * written out number by number in the order of the notebook's pen-and-paper
 * walkthrough.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import type { Explanation } from './explain.js';
import { checkExplanation } from './explanation-check.js';
import { latexNumber, markdownCode } from './latex.js';
import { NOTATIONS, notationOf } from './notation.js';
import { capitalised, deltaSection, forwardSection, layerName, lossSection, updateSection, type Context } from './walkthrough.js';
import { optimizerIntro, optimizerUpdateSection } from './optimizer-markdown.js';
import { checkChoice, checkOptionNames, optionalNumber } from '../boundary/options.js';

/** Options of {@link explanationToMarkdown}. */
export interface MarkdownOptions {
  /**
   * How many significant digits numbers are rounded to: an integer from 1
   * to 17. Trailing zeros are dropped (`0.5`, `2.5595`).
   * @defaultValue 6
   */
  readonly digits?: number | undefined;
  /**
   * The letters. `'notebook'`, for networks of two layers only, uses the
   * notebook's: inputs `x_i`, first-layer weights `V_{i,j}`, hidden sums
   * `z_j`, activations `a_j` and deltas `δ_h(j)`, output weights `W_{j,k}`,
   * the output's sum `o`, output `y` and delta `δ_o`. `'layers'`, for any
   * depth, numbers the layers from 1: weights `W^(l)_{i,j}`, sums `z^(l)_j`,
   * activations `a^(l)_j`, deltas `δ^(l)_j`, input `x`, output `y`.
   * `'auto'` takes the notebook's letters for two layers, else layer numbers.
   * Either way the bias input is index 0 and neurons count from 1.
   * @defaultValue `'auto'`
   */
  readonly notation?: 'auto' | 'notebook' | 'layers' | undefined;
}

const WHERE = 'explanationToMarkdown';

function contextOf(e: Explanation, options: MarkdownOptions): Context {
  checkOptionNames(options, ['digits', 'notation'], WHERE);
  const digits = optionalNumber(options.digits, 6, { integer: true, min: 1, max: 17 }, 'digits', WHERE);
  const notation = checkChoice(options.notation ?? 'auto', NOTATIONS, 'notation', WHERE);
  const layers = e.layers.length;
  if (notation === 'notebook' && layers !== 2) {
    throw new ValueError(`${WHERE}: the notebook notation is for networks of 2 layers, this one has ${layers}`);
  }
  const name = notation === 'auto' ? (layers === 2 ? 'notebook' : 'layers') : notation;
  return { e, d: digits, n: notationOf(name, layers, e.output.length), last: layers - 1 };
}

/** A vector as `(1, 2)`, or the number itself when it has one entry. */
function tuple(values: readonly number[], d: number): string {
  const text = values.map((v) => latexNumber(v, d)).join(', ');
  return values.length === 1 ? text : `(${text})`;
}

/** "3 `sigmoid` neurons", "1 `identity` neuron". */
function neurons(m: number, activation: string): string {
  return `${m} ${markdownCode(activation)} neuron${m === 1 ? '' : 's'}`;
}

function intro(c: Context): string {
  const { e, d } = c;
  const layers = e.layers.map((layer) => `a layer of ${neurons(layer.z.length, layer.activation)}`);
  const chain = layers.length === 1 ? layers[0] : `${layers.slice(0, -1).join(', ')} and ${layers[layers.length - 1]}`;
  const [x, t] = [e.input.length === 1 ? 'x' : '\\mathbf{x}', e.target.length === 1 ? 't' : '\\mathbf{t}'];
  return [
    `One step of gradient descent on one example, worked out number by number. The network has ${e.input.length} ` +
      `input${e.input.length === 1 ? '' : 's'}, then ${chain}; the loss is ${markdownCode(e.lossName)} and the learning rate ` +
      `$\\eta = ${latexNumber(e.learningRate, d)}$. Every layer sees its input with a constant $-1$ in front, the bias input, ` +
      'whose weights are row 0 of its weight matrix.',
    `Numbers are rounded to ${d} significant digits, without trailing zeros.`,
    `The input is $${x} = ${tuple(e.input, d)}$ and the target $${t} = ${tuple(e.target, d)}$.`,
  ].join('\n\n');
}

/** One bullet per input row of layer `l`'s weights, before or after the step. */
function weightList(c: Context, l: number, field: 'weights' | 'updatedWeights'): string {
  return c.e.layers[l][field]
    .map((row, i) => {
      const from = i === 0 ? 'the bias input $-1$' : `$${c.n.input(l, i)}$`;
      const entries = row.map((w, j) => `$${c.n.weight(l, i, j)} = ${latexNumber(w, c.d)}$`);
      return `- from ${from}: ${entries.join(', ')}`;
    })
    .join('\n');
}

/** Every layer's weights, before or after the step, as lists. */
function weightsSection(c: Context, title: string, field: 'weights' | 'updatedWeights'): string {
  const parts = c.e.layers.map((layer, l) => {
    const what = `${capitalised(layerName(c, l))}: ${neurons(layer.z.length, layer.activation)}; $${c.n.matrix(l)}_{i,j}$ is the weight`;
    return `${what} from input $i$ to neuron $j$:\n\n${weightList(c, l, field)}`;
  });
  return [`## ${title}`, ...parts].join('\n\n');
}

/**
 * Writes an {@link Explanation} as Markdown with LaTeX math (`$…$` inline,
 * `$$…$$` displays with `aligned`), laid out like the notebook's
 * pen-and-paper walkthrough: the weights; the forward pass, layer by layer
 * (`z_j = -1 · V_{0,j} + x_1 · V_{1,j} + … = value`, `a_j = σ(z_j) = value`);
 * the loss; then from the output layer down, the deltas of each layer
 * (`δ_o = 2 (y - t)`; a hidden `δ_h(j) = (Σ_k δ_k W_{j,k}) · f'(z_j)`, with
 * the sum and the slope written out) and the update of each of its weights
 * (`W_{j,1} ← W_{j,1} - η · δ_o · a_j = old - η · gradient = new`); and the
 * new weights. Every formula is written in symbols, then with the numbers
 * put in, then as its value. Any number of layers and neurons; meant for
 * small networks, since every weight gets a line. Pure: the same explanation
 * and options give the same text.
 *
 * @param explanation - what `Network.explain` returned, or that after a
 *   round trip through JSON.
 * @param options - the significant digits and the notation.
 * @throws {@link ValueError} if the explanation is not one (a missing field
 *   or a number that is not finite), or an option is out of range.
 * @throws {@link ShapeError} if the explanation's arrays do not fit together.
 * @returns the Markdown text, ending with a newline.
 *
 * @example
 * One identity neuron, `y = -w_0 + w_1 x`, with x = 3 and t = 4:
 * ```ts
 * import { Network, Layer, Activation, explanationToMarkdown } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
 * const text = explanationToMarkdown(Network.explain(net, [3], [4], { learningRate: 0.1 }));
 * text.includes('z^{(1)}_{1} &= -1 \\cdot W^{(1)}_{0,1} + x_{1} \\cdot W^{(1)}_{1,1} = -1 \\cdot 1 + 3 \\cdot 2 = 5'); // => true
 * text.includes('\\mathcal{L} = (y - t)^2 = (5 - 4)^2 = 1'); // => true
 * text.includes('= 2 - 0.1 \\cdot 6 = 1.4'); // => true
 * ```
 */
export function explanationToMarkdown(explanation: Explanation, options: MarkdownOptions = {}): string {
  const c = contextOf(checkExplanation(explanation, WHERE), options);
  const update = c.e.optimizer === undefined ? updateSection : optimizerUpdateSection;
  const backward = c.e.layers.map((_, k) => c.last - k).flatMap((l) => [deltaSection(c, l), update(c, l)]);
  return [
    intro(c),
    ...(c.e.optimizer === undefined ? [] : [optimizerIntro(c)]),
    weightsSection(c, 'The network', 'weights'),
    forwardSection(c),
    lossSection(c),
    ...backward,
    weightsSection(c, 'The weights after the step', 'updatedWeights'),
  ].join('\n\n') + '\n';
}
