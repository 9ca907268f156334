/**
 * A gradient check as text: one sentence naming the layers and weights
 * that disagree, a hint where to look, the worst entries as a table, and
 * the warnings; and `assertGradients`, which throws that text.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { ValueError } from '../errors.js';
import { GradientCheckError } from './gradient-check-error.js';
import { gradientCheck } from './gradient-check.js';
import type { GradientCheckEntry, GradientCheckReport } from './check-report.js';
import type { GradientCheckOptions } from './check-options.js';
import type { MatrixLike } from '../boundary/convert.js';
import { shortNumber } from '../boundary/format.js';
import { neuronName } from '../boundary/names.js';
import { describeLayer, inputNameOf } from './weight-names.js';
import { describeValue } from '../boundary/describe.js';
import { optionalNumber } from '../boundary/options.js';

/** Options of {@link formatGradientReport}. */
export interface GradientReportFormat {
  /**
   * How many of the worst entries the table shows.
   * @defaultValue 10
   */
  readonly rows?: number | undefined;
  /**
   * How many warnings are listed.
   * @defaultValue 10
   */
  readonly warnings?: number | undefined;
}

/** `2, 1 and 0`. */
function listed(values: readonly number[]): string {
  return values.length === 1 ? `${values[0]}` : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** `weights`, or `sampled weights (of 101770)` with `sample`. */
function weightsWord(report: GradientCheckReport): string {
  const total = report.cost?.total.reduce((sum, n) => sum + n, 0) ?? report.entries.length;
  return total > report.entries.length ? `sampled weights (of ${total})` : 'weights';
}

/** With `inputs: true`: how many input entries disagree, as a clause; '' without. */
function inputsClause(report: GradientCheckReport): string {
  if (report.inputs === undefined) return '';
  const failing = report.inputs.filter((e) => !e.ok).length;
  const count = report.inputs.length;
  return failing === 0 ? `; all ${count} input entries agree` : `; ${failing} of ${count} input entries disagree`;
}

function agreeingLine(report: GradientCheckReport): string {
  const counted = report.entries.filter((e) => !e.kink);
  const maxRelative = counted.reduce((max, e) => Math.max(max, e.relativeError), 0);
  const reference = report.reference === 'bignumber' ? `exact reference with ${report.digits} digits, ` : '';
  const settings = `max relative error ${shortNumber(maxRelative)}, ${reference}epsilon ${shortNumber(report.epsilon)}, tolerance ${shortNumber(report.tolerance)}`;
  const kinks = report.entries.length - counted.length;
  const word = weightsWord(report);
  if (kinks === 0) return `gradientCheck: all ${counted.length} ${word} agree (${settings})`;
  return `gradientCheck: all ${counted.length} counted ${word} agree (${settings}); ` +
    `${kinks} of ${report.entries.length} not counted: their finite difference crosses a kink`;
}

/** The first line: which layers and weights disagree, the output side first. */
function headline(report: GradientCheckReport): string {
  const failing = report.entries.filter((e) => !e.ok);
  if (failing.length === 0) return agreeingLine(report) + inputsClause(report);
  return failingLine(report, failing) + inputsClause(report);
}

function failingLine(report: GradientCheckReport, failing: readonly GradientCheckEntry[]): string {
  const output = report.layers.length - 1;
  const layers = [...new Set(failing.map((e) => e.layer))].sort((a, b) => b - a);
  const describe = (l: number): string => describeLayer(failing.filter((e) => e.layer === l), report, l);
  const start = `gradientCheck: ${failing.length} of ${report.entries.length} ${weightsWord(report)} disagree`;
  if (layers.length === 1) {
    const l = layers[0];
    return `${start}, all in layer ${l + 1}${l === output ? ', the output layer' : ''} (${describe(l)})`;
  }
  const parts = layers.map((l) => `layer ${l + 1}${l === output ? ', the output' : ''}: ${describe(l)}`);
  return `${start}, in layers ${listed(layers.map((l) => l + 1))} (${parts.join('; ')})`;
}

/** Where to look first: the highest layer that disagrees. */
function hint(report: GradientCheckReport): string | undefined {
  const failing = report.entries.filter((e) => !e.ok);
  if (failing.length === 0) return undefined;
  const top = Math.max(...failing.map((e) => e.layer));
  const below = failing.some((e) => e.layer < top);
  const activation = `"${report.layers[top].activation}"`;
  if (top === report.layers.length - 1) {
    const reach = below ? ': an error in either reaches every layer below' : '';
    return `Look first at the gradient of the loss "${report.lossName}" and the derivative of the output activation ${activation}${reach}.`;
  }
  const reach = below ? ', and an error there is carried down to every layer below' : '';
  return `Look first at the derivative of layer ${top + 1}'s activation ${activation}: the layers above it agree${reach}.`;
}

function settingsLine(report: GradientCheckReport): string {
  const reference = report.reference === 'bignumber' ? `BigNumber (${report.digits} digits)` : 'float64';
  return `Central differences in ${reference} with epsilon ${shortNumber(report.epsilon)}; an entry passes when ` +
    `|analytic - numeric| <= ${shortNumber(report.absoluteTolerance, 3)} + ${shortNumber(report.tolerance)} · max(|analytic|, |numeric|). ` +
    `Loss ${report.lossName}: ${shortNumber(report.loss, 6)}.`;
}

/** Columns padded to their widest cell: text to the left, numbers to the right. */
function table(rows: readonly string[][], right: readonly boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

/** An entry's margin, its error over the error allowed: `x3.2e4`, `x1.0000001` for a near miss. */
function margin(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x > 0.9999 && x < 1.01) return `x${x.toPrecision(8)}`;
  return x === 0 ? 'x0' : `x${shortNumber(x, 2)}`;
}

function entryTable(report: GradientCheckReport, count: number): string[] {
  const value = (x: number): string => (x === 0 ? '0' : x.toPrecision(10));
  const error = (x: number): string => (x === 0 ? '0' : x.toExponential(2));
  const shown = report.worst.slice(0, count);
  const layers = report.layers.length;
  const outputs = report.layers[layers - 1].outputSize;
  // The weight from its input (the bias, x₁, or h₂ of the layer below) to its neuron (h₁, y), as the picture has it.
  const from = (e: GradientCheckEntry): string => (e.bias ? 'bias' : inputNameOf(e.layer, layers, e.row - 1));
  const rows = [
    ['layer', 'from', 'to', 'analytic', 'numeric', 'abs err', 'rel err', 'margin', 'status'],
    ...shown.map((e) => [
      `${e.layer + 1}`, from(e), neuronName(e.layer, e.column, layers, outputs), value(e.analytic), value(e.numeric),
      error(e.absoluteError), error(e.relativeError), margin(e.margin), e.kink ? 'kink' : e.ok ? 'ok' : 'FAIL',
    ]),
  ];
  const title = shown.length < report.worst.length ? `Worst ${shown.length} of ${report.worst.length} entries:` : 'Entries, worst first:';
  return [title, ...table(rows, [true, false, false, true, true, true, true, true, false]).map((line) => `  ${line}`)];
}

function warningLines(report: GradientCheckReport, count: number): string[] {
  if (report.warnings.length === 0) return [];
  const shown = report.warnings.slice(0, count).map((w) => `  - ${w.message}`);
  const more = report.warnings.length - count;
  return [`Warnings (${report.warnings.length}):`, ...shown, ...(more > 0 ? [`  ... and ${more} more`] : [])];
}

function countOption(value: unknown, name: string): number {
  return optionalNumber(value, 10, { integer: true, min: 0 }, name, 'formatGradientReport');
}

/**
 * A gradient check's report as readable text. The first line says in one
 * sentence whether every weight agrees or which layers and which weights
 * disagree, the layer nearest the output first (a wrong derivative in one
 * layer makes every layer below it disagree too, so the first layer named
 * is where to look); each layer's failing weights are grouped by neuron,
 * with rows named as bias and inputs. Then a hint, the ε and tolerances
 * used, the worst entries as a table (layer, the weight's input `from` and
 * neuron `to`, analytic, numeric, absolute and relative error, margin,
 * status `FAIL`, `ok` or `kink`), and the warnings. Layers, inputs and
 * neurons are named as the walkthrough and `networkToSVG` name them:
 * `layers[0]` is layer 1, its inputs `x₁, x₂, …` and the bias, its neurons
 * `h₁, h₂, …` (or `y`, `y₁, …` in the output layer); the report's entries
 * keep their 0-based `layer`, `row` and `column`. Pure; costs O(weights).
 *
 * @param report - what `gradientCheck` returned.
 * @param options - how many entries and warnings to list.
 * @throws {@link ValueError} if the report is not one, or a count is not an integer >= 0.
 * @returns the text, lines joined by `\n`, no trailing newline.
 *
 * @example
 * ```ts
 * import { formatGradientReport, gradientCheck, Activation, Layer, Network } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const text = formatGradientReport(gradientCheck(net, [1, 2], [5]));
 * text.split('\n')[0];
 * // => 'gradientCheck: all 13 weights agree (max relative error 2.2e-9, epsilon 1e-6, tolerance 1e-5)'
 * ```
 *
 * @example
 * A sigmoid whose derivative has the wrong sign, in the hidden layer:
 * ```ts
 * import { formatGradientReport, gradientCheck, Activation, Layer, Network } from 'mathjs-backprop';
 * const backwards = Activation.define({
 *   name: 'sigmoid-with-negated-derivative',
 *   apply: Activation.sigmoid.apply,
 *   derivative: (_z, a) => -a * (1 - a),
 * });
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], backwards),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const lines = formatGradientReport(gradientCheck(net, [1, 2], [5])).split('\n');
 * lines[0];
 * // => 'gradientCheck: 9 of 13 weights disagree, all in layer 1 (every weight: bias and inputs of neurons h₁ to h₃)'
 * lines[1];
 * // => 'Look first at the derivative of layer 1\'s activation "sigmoid-with-negated-derivative": the layers above it agree.'
 * ```
 */
export function formatGradientReport(report: GradientCheckReport, options: GradientReportFormat = {}): string {
  if (report == null || !Array.isArray(report.entries) || !Array.isArray(report.worst) || !Array.isArray(report.layers)) {
    throw new ValueError(`formatGradientReport: expected the report of gradientCheck, got ${describeValue(report)}`);
  }
  const rows = countOption(options?.rows, 'rows');
  const warnings = countOption(options?.warnings, 'warnings');
  const advice = hint(report);
  return [
    headline(report),
    ...(advice === undefined ? [] : [advice]),
    settingsLine(report),
    ...(rows > 0 ? entryTable(report, rows) : []),
    ...warningLines(report, warnings),
  ].join('\n');
}

/**
 * Runs `gradientCheck` and throws if any weight disagrees, for use inside
 * any test runner: the error's message is `formatGradientReport` of the
 * report, so the runner's failure output names the layers and weights.
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - as for `gradientCheck`.
 * @throws {@link GradientCheckError} if some weight disagrees; it carries the report.
 * @throws {@link ShapeError} or {@link ValueError} as `gradientCheck` does.
 * @returns the report, when every weight agrees.
 *
 * @example
 * ```ts
 * import { assertGradients, Activation, Layer, Network } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * assertGradients(net, [1, 2], [5], { reference: 'bignumber' }).ok; // => true
 * ```
 */
export function assertGradients(
  net: Network, input: MatrixLike, target: MatrixLike, options?: GradientCheckOptions,
): GradientCheckReport {
  const report = gradientCheck(net, input, target, options);
  if (!report.ok) throw new GradientCheckError(formatGradientReport(report), report);
  return report;
}
