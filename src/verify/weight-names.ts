/**
 * The failing weights of a gradient check in words, by the names the
 * walkthrough and the picture give them: layer 1 for `layers[0]`, the bias
 * and inputs `x₁, x₂` (or the neurons `h₁, …` of the layer below), neurons
 * `h₂, h₃` or `y`. One naming rule for text, from `boundary/names.ts`; the
 * report's data keeps its 0-based indices.
 *
 * @module
 */
import type { GradientCheckEntry, GradientCheckReport } from './check-report.js';
import { ranges } from '../boundary/format.js';
import { inputName, neuronName } from '../boundary/names.js';

/**
 * Neurons (or inputs) by the picture's names, `h₂, h₃` or `h₂ to h₅` for a
 * run of more than two; `name` maps a 0-based index to its name.
 */
function namesOf(indices: readonly number[], name: (i: number) => string): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let k = 0; k < sorted.length;) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    runs.push(end - k >= 2 ? `${name(sorted[k])} to ${name(sorted[end])}` : sorted.slice(k, end + 1).map(name).join(', '));
    k = end + 1;
  }
  return runs.join(', ');
}

/** The name of input `i` (0-based) of layer `l`: `x₁` for the first layer, else the neuron below, `h₁`. */
export function inputNameOf(l: number, layers: number, i: number): string {
  return l === 0 ? inputName(i) : neuronName(l - 1, i, layers, 0);
}

/** What the failing rows of one column are: `bias and inputs`, `bias`, `inputs x₁, x₂`. */
function rowsMeaning(rows: readonly number[], inputSize: number, inputNames: (i: number) => string): string {
  const inputs = rows.filter((row) => row > 0);
  const named = () => `${inputs.length === 1 ? 'input' : 'inputs'} ${namesOf(inputs.map((row) => row - 1), inputNames)}`;
  if (!rows.includes(0)) return named();
  if (inputs.length === 0) return 'bias';
  return inputs.length === inputSize ? 'bias and inputs' : `bias and ${named()}`;
}

/**
 * The failing weights of layer `l`, grouped by the neurons (columns) that
 * fail on the same rows, each group in the picture's names: the bias and
 * inputs `x₁, x₂` (or the neurons `h₁, …` below) of neurons `h₂, h₃` or
 * `y`. The 0-based rows and columns stay in the data, not in the text.
 */
export function describeLayer(failing: readonly GradientCheckEntry[], report: GradientCheckReport, l: number): string {
  const { inputSize, outputSize } = report.layers[l];
  const layers = report.layers.length;
  const outputs = report.layers[layers - 1].outputSize;
  const neurons = (cs: readonly number[]) => `${cs.length === 1 ? 'neuron' : 'neurons'} ${namesOf(cs, (j) => neuronName(l, j, layers, outputs))}`;
  const all = (inputSize + 1) * outputSize;
  const everyColumn = Array.from({ length: outputSize }, (_, j) => j);
  if (failing.length === all) return `every weight: bias and inputs of ${neurons(everyColumn)}`;
  const rowsOf = new Map<number, number[]>();
  for (const e of failing) rowsOf.set(e.column, [...(rowsOf.get(e.column) ?? []), e.row]);
  const groups = new Map<string, { rows: number[]; columns: number[] }>();
  for (const [column, rows] of [...rowsOf].sort((p, q) => p[0] - q[0])) {
    const key = ranges(rows);
    groups.set(key, { rows, columns: [...(groups.get(key)?.columns ?? []), column] });
  }
  const parts = [...groups.values()].map(({ rows, columns: cs }) =>
    `${rowsMeaning(rows, inputSize, (i) => inputNameOf(l, layers, i))} of ${neurons(cs)}`);
  return parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, 2).join(' and ')} and ${parts.length - 2} more groups`;
}
