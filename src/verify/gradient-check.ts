/**
 * Checking backpropagation against the definition of the derivative: every
 * analytic weight gradient compared with a central finite difference, in
 * float64 or, for an exact reference, in BigNumber arithmetic.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { batchOf } from '../model/arguments.js';
import { bigDifferencer } from './big-difference.js';
import { compareAll, compareInputs, worstFirst } from './check-entries.js';
import { bigOperations, sampleInputs, sampleWeights } from './sampling.js';
import { shortNumber } from '../boundary/format.js';
import { checkSettingsOf, type CheckSettings } from './check-settings.js';
import type { MatrixLike } from '../boundary/convert.js';
import { floatDifferencer } from './difference.js';
import { createWorkspace, gradientModel, type Model } from '../engine/flat-model.js';
import { ValueError } from '../errors.js';
import { PassFault, describeFault } from '../boundary/pass-fault.js';
import type { GradientCheckCost, GradientCheckReport } from './check-report.js';
import type { GradientCheckOptions } from './check-options.js';

/**
 * The largest BigNumber check run without `sample`: 1e7 multiply-adds.
 * Measured at about 3 µs each at 50 digits (the 784-32-10 check, 5.6e7 of
 * them, took 150 s), so about 30 s.
 */
export const BIG_LIMIT = 1e7;
const SECONDS_PER_OPERATION = 2.7e-6;

/**
 * Compares `Network.gradient` with central finite differences for every
 * weight: `numeric = (L(w + ε) - L(w - ε)) / (2ε)`, with the other weights
 * fixed. Run it on custom activations, losses and shapes to see that
 * backpropagation computes what the definition says. Costs two forward
 * passes per weight, so keep the networks small; the BigNumber reference
 * costs about a hundred times more (0.3 s for the 130 weights of a
 * 4-8-8-2 network on two examples).
 *
 * The report points at what disagrees: `worst` lists the failing weights
 * first, each with its layer, row, column and whether it is a bias, and
 * `formatGradientReport` turns it into a table whose first line names the
 * layers and weights. A weight whose step `w ± ε` moves a pre-activation
 * across a declared kink (relu's at 0) is not counted (`kink: true`) and
 * gets a warning naming the neuron and its z.
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - ε, the tolerances, the loss and the reference arithmetic.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if ε or a tolerance is not a positive finite
 *   number, an option is unknown, `reference` or `digits` is not allowed,
 *   the loss is not finite, or ε is too small to move a weight or so large
 *   that the loss overflows.
 * @returns the report: `ok`, the largest errors, one entry per weight
 *   naming its layer, row and column, the worst first, the ε and
 *   tolerances used, and warnings.
 *
 * @example
 * ```ts
 * import { gradientCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = gradientCheck(net, [1, 2], [5]);
 * report.ok; // => true
 * report.entries.length; // => 13
 * report.epsilon; // => 1e-6
 * report.worst[0].ok; // => true
 * ```
 *
 * @example
 * The exact reference: differences in 50-digit BigNumbers, checked at 1e-10.
 * ```ts
 * import { gradientCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const exact = gradientCheck(net, [1, 2], [5], { reference: 'bignumber' });
 * exact.ok; // => true
 * [exact.reference, exact.digits, exact.epsilon, exact.tolerance]; // => ['bignumber', 50, 1e-17, 1e-10]
 * exact.entries[0].numeric; // => 5.59496536075608
 * exact.maxRelativeError < 1e-14; // => true
 * ```
 *
 * @example
 * A relu whose z sits on its kink: the weight is not counted, and a warning says why.
 * ```ts
 * import { gradientCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[0], [1]], Activation.relu), // z = -0 + 1 · x = 0 at x = 0
 *   Layer.create([[0], [1]], Activation.identity),
 * ]);
 * const report = gradientCheck(net, [0], [1]);
 * report.ok; // => true
 * report.entries[0].kink; // => true
 * report.warnings[0].kind; // => 'kink'
 * ```
 */
export function gradientCheck(
  net: Network, input: MatrixLike, target: MatrixLike, options: GradientCheckOptions = {},
): GradientCheckReport {
  const opts = options ?? {};
  const batch = batchOf(net, input, target, opts.loss, 'gradientCheck');
  const { model, targetRows, loss } = batch;
  const settings = checkSettingsOf(opts, model, loss);
  const { data: x, rows } = batch.input;
  const ws = createWorkspace(model, rows);
  const inputGrad = new Float64Array(x.length);
  const value = atGivenWeights(() => gradientModel(model, x, targetRows, loss, ws, inputGrad));
  if (!Number.isFinite(value)) {
    throw new ValueError(`gradientCheck: the loss at the given weights is ${value}, not a finite number; check the activations and the loss`);
  }
  const chosen = sampleWeights(model, settings.sample, settings.seed);
  const chosenInputs = settings.inputs ? sampleInputs(x.length, settings.sample, settings.seed) : [];
  const cost = costOf(model, rows, chosen, chosenInputs.length, settings);
  const absoluteTolerance = settings.absoluteToleranceFor(value);
  const difference = settings.reference === 'bignumber'
    ? bigDifferencer(model, x, rows, targetRows, loss, settings.epsilon, settings.digits!)
    : floatDifferencer(model, x, rows, targetRows, loss, settings.epsilon);
  const { entries, warnings } = compareAll(model, ws.grads, difference, settings, absoluteTolerance, rows, chosen);
  const inputs = settings.inputs ? compareInputs(x, inputGrad, model.sizes[0], difference, settings, absoluteTolerance, chosenInputs) : undefined;
  return {
    ok: entries.every((entry) => entry.ok) && (inputs ?? []).every((entry) => entry.ok),
    maxAbsoluteError: entries.reduce((max, entry) => Math.max(max, entry.absoluteError), 0),
    maxRelativeError: entries.reduce((max, entry) => Math.max(max, entry.relativeError), 0),
    entries,
    worst: worstFirst(entries),
    reference: settings.reference,
    ...(settings.digits === undefined ? {} : { digits: settings.digits }),
    epsilon: settings.epsilon,
    tolerance: settings.tolerance,
    absoluteTolerance,
    loss: value,
    lossName: loss.name,
    layers: model.activations.map((a, l) => ({ activation: a.name, inputSize: model.sizes[l], outputSize: model.sizes[l + 1] })),
    warnings: [...settings.warnings, ...warnings],
    ...(inputs === undefined ? {} : { inputs }),
    ...(settings.sample === undefined ? {} : { seed: settings.seed }),
    cost,
  };
}

/**
 * The cost of the check before it starts; refuses a BigNumber check above
 * {@link BIG_LIMIT} multiply-adds unless `sample` was given.
 */
function costOf(model: Model, rows: number, chosen: readonly (readonly number[])[], inputs: number, settings: CheckSettings): GradientCheckCost {
  const checked = chosen.map((c) => c.length);
  const entries = checked.reduce((sum, c) => sum + c, 0) + inputs;
  const operations = settings.reference === 'bignumber' ? bigOperations(model, rows, chosen, inputs) : 0;
  if (operations > BIG_LIMIT && settings.sample === undefined) {
    throw new ValueError(
      `gradientCheck: the BigNumber check of all ${entries} entries would take ${shortNumber(operations, 3)} BigNumber multiply-adds ` +
      `(about ${Math.round(operations * SECONDS_PER_OPERATION)} s), above the limit of ${shortNumber(BIG_LIMIT)}; ` +
      "give sample (at most that many weights per layer, e.g. { sample: 200 }), or use reference: 'float64', directionalCheck or taylorTest",
    );
  }
  return { forwardPasses: 2 * entries, bigOperations: operations, checked, total: model.weights.map((w) => w.length) };
}

/** Runs the pass at the given weights, naming a fault from inside it as `gradientCheck`'s. */
function atGivenWeights(compute: () => number): number {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof PassFault)) throw error;
    throw new PassFault(error.fault, `gradientCheck: the loss at the given weights cannot be computed: ${describeFault(error.fault)}`);
  }
}
