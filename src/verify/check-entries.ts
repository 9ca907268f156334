/**
 * The entries of a gradient check: each weight's analytic gradient against
 * its central difference, the warnings for differences that crossed a
 * kink, and the order of the worst first.
 */
import { layerName, neuronName } from '../boundary/names.js';
import { ValueError } from '../errors.js';
import { agreement } from '../math/agreement.js';
import type { GradientCheckEntry, GradientCheckInputEntry, GradientCheckKinkWarning } from './check-report.js';
import type { CheckSettings } from './check-settings.js';
import type { Difference, Differencer, KinkCrossing } from './difference.js';
import { shortNumber } from '../boundary/format.js';
import type { Model } from '../engine/flat-model.js';

/** The errors of `analytic` against `d.numeric`, its margin and the one-sided slopes of a kink. */
function compared(analytic: number, d: Difference, tolerance: number, absoluteTolerance: number) {
  const { numeric } = d;
  const { absoluteError, relativeError, excess, ok: agrees } = agreement(analytic, numeric, tolerance, absoluteTolerance);
  const kink = d.kink !== undefined;
  const result = { analytic, numeric, absoluteError, relativeError, margin: excess, ok: kink || agrees, kink };
  if (d.oneSided === undefined) return result;
  const { left, right } = d.oneSided;
  const slack = absoluteTolerance + tolerance * Math.max(Math.abs(left), Math.abs(right), Math.abs(analytic));
  const between = analytic >= Math.min(left, right) - slack && analytic <= Math.max(left, right) + slack;
  return { ...result, oneSided: { left, right, between } };
}

function entryOf(
  layer: number, row: number, column: number, analytic: number, d: Difference, tolerance: number, absoluteTolerance: number,
): GradientCheckEntry {
  return { layer, row, column, bias: row === 0, ...compared(analytic, d, tolerance, absoluteTolerance) };
}

/** Refuses a step that does not move the weight or gives a loss that is not finite. */
function checkDifference(d: Difference, epsilon: number, where: string, weight: number, reference: string): void {
  if (!d.moved) {
    const advice = reference === 'float64' ? "use a larger epsilon, or reference: 'bignumber'" : 'use a larger epsilon or more digits';
    throw new ValueError(`gradientCheck: epsilon ${epsilon} is too small to change the weight at ${where} (${weight}) in ${reference}; ${advice}`);
  }
  if (!Number.isFinite(d.numeric)) {
    throw new ValueError(
      `gradientCheck: epsilon ${epsilon} gives a loss that is not finite at ${where} (L(w + ε) = ${d.lossUp}, L(w - ε) = ${d.lossDown}); use a smaller epsilon`,
    );
  }
}

function kinkWarning(entry: GradientCheckEntry, crossing: KinkCrossing, model: Model, settings: CheckSettings, rows: number): GradientCheckKinkWarning {
  const { layer, row, column } = entry;
  const example = rows > 1 ? ` (example ${crossing.example})` : '';
  const name = model.activations[crossing.layer].name;
  const message =
    `layers[${layer}].weights[${row}][${column}]: w ± ${shortNumber(settings.epsilon)} moves z = ${shortNumber(crossing.z, 3)} ` +
    `of neuron ${neuronName(crossing.layer, crossing.neuron, model.weights.length, model.sizes[model.weights.length])} ` +
    `in ${layerName(crossing.layer, model.weights.length)}${example} across the kink of ${name} at ${crossing.kink}; ` +
    'the central difference is meaningless there, so this weight is not counted';
  const neuron = { layer: crossing.layer, index: crossing.neuron, example: crossing.example };
  const oneSided = entry.oneSided!;
  const slopes = `the analytic value ${shortNumber(entry.analytic, 6)} lies ${oneSided.between ? 'between' : 'outside'} ` +
    `the one-sided slopes ${shortNumber(oneSided.left, 6)} and ${shortNumber(oneSided.right, 6)}` +
    (oneSided.between ? '' : ': the derivative is wrong on both sides of the kink');
  // NOTE: `+ 0` turns a -0 (from -w[0] with w[0] = 0) into 0, which is what the message prints.
  return { kind: 'kink', layer, row, column, neuron, z: crossing.z + 0, kink: crossing.kink, oneSided, message: `${message}; ${slopes}` };
}

/**
 * The entries of the chosen weights (`chosen[l]`, row-major indices of
 * layer `l`), and a warning for each whose difference crossed a kink.
 */
export function compareAll(
  model: Model, analytic: readonly Float64Array[], difference: Differencer, settings: CheckSettings, absoluteTolerance: number, rows: number,
  chosen: readonly (readonly number[])[],
): { entries: GradientCheckEntry[]; warnings: GradientCheckKinkWarning[] } {
  const entries: GradientCheckEntry[] = [];
  const warnings: GradientCheckKinkWarning[] = [];
  model.weights.forEach((w, layer) => {
    const columns = model.sizes[layer + 1];
    for (const k of chosen[layer]) {
      const row = Math.floor(k / columns);
      const column = k - row * columns;
      const d = difference(layer, k);
      checkDifference(d, settings.epsilon, `layers[${layer}].weights[${row}][${column}]`, w[k], settings.reference);
      const entry = entryOf(layer, row, column, analytic[layer][k], d, settings.tolerance, absoluteTolerance);
      entries.push(entry);
      if (d.kink !== undefined) warnings.push(kinkWarning(entry, d.kink, model, settings, rows));
    }
  });
  return { entries, warnings };
}

/** The entries of the chosen input entries (row-major over the batch) against `∂L/∂x`. */
export function compareInputs(
  x: Float64Array, inputGrad: Float64Array, columns: number, difference: Differencer, settings: CheckSettings,
  absoluteTolerance: number, chosen: readonly number[],
): GradientCheckInputEntry[] {
  return chosen.map((k) => {
    const example = Math.floor(k / columns);
    const index = k - example * columns;
    const d = difference(-1, k);
    checkDifference(d, settings.epsilon, `input ${index} of example ${example}`, x[k], settings.reference);
    return { example, index, ...compared(inputGrad[k], d, settings.tolerance, absoluteTolerance) };
  });
}


/** The entries, failing ones first, each group by margin (error over the error allowed), largest first. */
export function worstFirst(entries: readonly GradientCheckEntry[]): GradientCheckEntry[] {
  const descending = (a: number, b: number): number => (a > b ? -1 : a < b ? 1 : 0);
  return entries
    .map((entry, index) => ({ entry, index, excess: entry.margin }))
    .sort((p, q) => Number(p.entry.ok) - Number(q.entry.ok) || descending(p.excess, q.excess) ||
      descending(p.entry.relativeError, q.entry.relativeError) || p.index - q.index)
    .map(({ entry }) => entry);
}
