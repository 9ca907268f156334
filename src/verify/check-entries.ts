/**
 * The entries of a gradient check: each weight's analytic gradient against
 * its central difference, the warnings for differences that crossed a
 * kink, and the order of the worst first.
 */
import { ValueError } from '../errors.js';
import { agreement } from '../math/agreement.js';
import type { GradientCheckEntry, GradientCheckKinkWarning } from './check-report.js';
import type { CheckSettings } from './check-settings.js';
import type { Difference, Differencer, KinkCrossing } from './difference.js';
import { shortNumber } from '../boundary/format.js';
import type { Model } from '../engine/flat-model.js';

function entryOf(
  layer: number, row: number, column: number, analytic: number, numeric: number,
  tolerance: number, absoluteTolerance: number, kink: boolean,
): GradientCheckEntry {
  const { absoluteError, relativeError, ok: agrees } = agreement(analytic, numeric, tolerance, absoluteTolerance);
  const ok = kink || agrees;
  return { layer, row, column, bias: row === 0, analytic, numeric, absoluteError, relativeError, ok, kink };
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
    `layer ${layer}, row ${row}, column ${column}: w ± ${shortNumber(settings.epsilon)} moves z = ${shortNumber(crossing.z, 3)} ` +
    `of neuron ${crossing.neuron} in layer ${crossing.layer}${example} across the kink of ${name} at ${crossing.kink}; ` +
    'the central difference is meaningless there, so this weight is not counted';
  const neuron = { layer: crossing.layer, index: crossing.neuron, example: crossing.example };
  // NOTE: `+ 0` turns a -0 (from -w[0] with w[0] = 0) into 0, which is what the message prints.
  return { kind: 'kink', layer, row, column, neuron, z: crossing.z + 0, kink: crossing.kink, message };
}

/** The entries of every weight, and a warning for each whose difference crossed a kink. */
export function compareAll(
  model: Model, analytic: readonly Float64Array[], difference: Differencer, settings: CheckSettings, absoluteTolerance: number, rows: number,
): { entries: GradientCheckEntry[]; warnings: GradientCheckKinkWarning[] } {
  const entries: GradientCheckEntry[] = [];
  const warnings: GradientCheckKinkWarning[] = [];
  model.weights.forEach((w, layer) => {
    const columns = model.sizes[layer + 1];
    for (let k = 0; k < w.length; k++) {
      const row = Math.floor(k / columns);
      const column = k - row * columns;
      const d = difference(layer, k);
      checkDifference(d, settings.epsilon, `layer ${layer}, row ${row}, column ${column}`, w[k], settings.reference);
      const entry = entryOf(layer, row, column, analytic[layer][k], d.numeric, settings.tolerance, absoluteTolerance, d.kink !== undefined);
      entries.push(entry);
      if (d.kink !== undefined) warnings.push(kinkWarning(entry, d.kink, model, settings, rows));
    }
  });
  return { entries, warnings };
}

/** How far past its tolerance an entry is: its error over the error allowed (above 1 fails). */
function excess(entry: GradientCheckEntry, tolerance: number, absoluteTolerance: number): number {
  return agreement(entry.analytic, entry.numeric, tolerance, absoluteTolerance).excess;
}

export function worstFirst(entries: readonly GradientCheckEntry[], tolerance: number, absoluteTolerance: number): GradientCheckEntry[] {
  const descending = (a: number, b: number): number => (a > b ? -1 : a < b ? 1 : 0);
  return entries
    .map((entry, index) => ({ entry, index, excess: excess(entry, tolerance, absoluteTolerance) }))
    .sort((p, q) => Number(p.entry.ok) - Number(q.entry.ok) || descending(p.excess, q.excess) ||
      descending(p.entry.relativeError, q.entry.relativeError) || p.index - q.index)
    .map(({ entry }) => entry);
}
