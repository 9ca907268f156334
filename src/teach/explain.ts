/**
 * Worked examples: every number of one step of backpropagation on one
 * example, as plain data, for printing, rendering or checking by hand.
 *
 * @module
 */
import { withName } from '../boundary/pass-fault.js';
import { ShapeError } from '../errors.js';
import type { Loss } from '../math/loss-type.js';
import type { Network } from '../model/network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import { batchOf, type Batch } from '../model/arguments.js';
import { stepWeights } from '../engine/kernels.js';
import { createWorkspace, gradientModel, type Workspace } from '../engine/flat-model.js';
import { checkLearningRate, checkResult } from '../boundary/validate.js';
import { checkOptionNames } from '../boundary/options.js';
import { builtInLossOf, type BuiltInLossFormula } from './loss-identity.js';
import type { AdamOptimizer, AdamWOptimizer, OptimizerState, RmspropOptimizer, SgdOptimizer } from '../optim/types.js';
import { explainedOptimizer, explainOptimizerStep, type OptimizerExplanation, type OptimizerLayerExplanation, type OptimizerStepNumbers } from './optimizer-step.js';

/** Options of `Network.explain`. */
export interface ExplainOptions {
  /**
   * The step size η of a plain gradient-descent update: positive and
   * finite. Give either this or `optimizer`.
   * @defaultValue none
   */
  readonly learningRate?: number | undefined;
  /**
   * The optimiser whose step to explain, from `Optimizer.sgd`, `adam`,
   * `adamW` or `rmsprop`, instead of `learningRate`.
   * @defaultValue none
   */
  readonly optimizer?: SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer | undefined;
  /**
   * With `optimizer`: the state before the step (from `Optimizer.init`,
   * `Optimizer.step` or the `optimizer.state` of an earlier explanation).
   * @defaultValue `Optimizer.init(optimizer, net)`: the first step
   */
  readonly state?: OptimizerState | undefined;
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss | undefined;
}

/**
 * One layer's part of an {@link Explanation}. With `n` inputs and `m`
 * neurons, index `i` runs over the `n + 1` entries of `input` (0 is the
 * bias) and `j` over the `m` neurons; matrices are `(n + 1) × m`, laid out
 * like `Layer.weights`.
 */
export interface LayerExplanation {
  /** The name of the layer's activation, e.g. `"sigmoid"`. */
  readonly activation: string;
  /** The layer's input with the bias first: `[-1, x_1, …, x_n]`. */
  readonly input: number[];
  /** The weights before the step: `weights[i][j]` connects input `i` to neuron `j`. */
  readonly weights: number[][];
  /** The pre-activations `z_j = Σ_i input[i] · weights[i][j]`. */
  readonly z: number[];
  /** The activations `a_j = f(z_j)`. */
  readonly a: number[];
  /**
   * `∂L/∂a_j`: for the output layer the loss's gradient `∂L/∂y_j`; for a
   * hidden layer `Σ_k W[j + 1][k] · δ_k` over the neurons `k` of the layer
   * above, with its weights `W` before the step.
   */
  readonly upstream: number[];
  /** The slopes `f'(z_j)` of the activation. */
  readonly derivative: number[];
  /** The deltas `δ_j = ∂L/∂z_j = upstream_j · f'(z_j)`. */
  readonly delta: number[];
  /** The weight gradients `∂L/∂weights[i][j] = input[i] · δ_j`. */
  readonly gradient: number[][];
  /** The weights after the step: `weights[i][j] - η · gradient[i][j]`, or the optimiser's step. */
  readonly updatedWeights: number[][];
  /** With an optimiser: its numbers for this layer, weight by weight. */
  readonly optimizer?: OptimizerLayerExplanation;
}

/**
 * Every number of one forward pass, backward pass and gradient-descent step
 * on one example: what `Network.explain` returns. Plain data (numbers,
 * strings and arrays), so `JSON.stringify` keeps all of it exactly.
 *
 * @example
 * One identity neuron `y = -w_0 + w_1 x` with weights (1, 2), x = 3, t = 4:
 * y = 5, L = (5 - 4)^2 = 1, δ = 2 (y - t) = 2, gradient `[-1, 3] · 2`.
 * ```ts
 * import { Network, Layer, Activation, type Explanation } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
 * const step: Explanation = Network.explain(net, [3], [4], { learningRate: 0.1 });
 * [step.output, step.loss, step.layers[0].delta]; // => [[5], 1, [2]]
 * step.layers[0].gradient; // => [[-2], [6]]
 * JSON.parse(JSON.stringify(step)).layers[0].updatedWeights; // => [[1.2], [1.4]]
 * ```
 */
export interface Explanation {
  /** The example's input `x`, without the bias. */
  readonly input: number[];
  /** The target `t`. */
  readonly target: number[];
  /** The network's output `y`: the last layer's `a`. */
  readonly output: number[];
  /** The name of the loss, e.g. `"squaredError"`. */
  readonly lossName: string;
  /**
   * Which built-in loss this is, found by identity (the loss object is
   * `Loss.squaredError`, ...), never by name; absent for a custom loss.
   * `explanationToMarkdown` writes a built-in loss's formula only when it
   * is set, and a custom loss as `name(y, t)`.
   */
  readonly builtInLoss?: BuiltInLossFormula;
  /** The loss `L(y, t)` before the step. */
  readonly loss: number;
  /** The step size η (the optimiser's, with one). */
  readonly learningRate: number;
  /** Each layer's numbers, from the input side. */
  readonly layers: LayerExplanation[];
  /** With an optimiser: which one, the step count `t` and the state after the step. */
  readonly optimizer?: OptimizerExplanation;
}

const WHERE = 'Network.explain';

/** The rows of `data` (`rows × cols`, row-major) as nested arrays. */
function rowsOf(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[r * cols + c]));
}

/** Refuses a batch: explain works one example at a time. */
function checkOneExample(batch: Batch): void {
  const { input } = batch;
  if (input.rank !== 1) {
    throw new ShapeError(
      `${WHERE}: input must be one example, a vector of ${input.cols} numbers; got a batch of size [${input.rows}, ${input.cols}] (explain one row at a time)`,
      [input.cols],
      [input.rows, input.cols],
    );
  }
}

/** Layer `l`'s part of the explanation, from a filled one-row workspace. */
function explainLayer(batch: Batch, ws: Workspace, l: number, rate: number, step: OptimizerStepNumbers | null): LayerExplanation {
  const { model } = batch;
  const n = model.sizes[l];
  const m = model.sizes[l + 1];
  const activation = model.activations[l];
  const input = [-1, ...(l === 0 ? batch.input.data : ws.a[l - 1])];
  let updated: Float64Array = new Float64Array(model.weights[l].length);
  if (step === null) stepWeights(model.weights[l], ws.grads[l], rate, updated);
  else updated = step.updated[l];
  return {
    ...(step === null ? {} : { optimizer: step.layers[l] }),
    activation: activation.name,
    input,
    weights: rowsOf(model.weights[l], n + 1, m),
    z: Array.from(ws.z[l]),
    a: Array.from(ws.a[l]),
    upstream: Array.from(ws.upstream[l]),
    derivative: Array.from(ws.z[l], (z, j) => activation.derivative(z, ws.a[l][j])),
    delta: Array.from(ws.delta[l]),
    gradient: rowsOf(ws.grads[l], n + 1, m),
    updatedWeights: rowsOf(updated, n + 1, m),
  };
}

/** Refuses an explanation holding a number that is not finite (an overflow), naming where. */
function checkFinite(explanation: Explanation): void {
  checkResult([explanation.loss], WHERE, 'the loss');
  explanation.layers.forEach((layer, l) => {
    for (const field of ['z', 'a', 'upstream', 'derivative', 'delta', 'gradient', 'updatedWeights'] as const) {
      checkResult((layer[field] as readonly (number | readonly number[])[]).flat(), WHERE, `layers[${l}].${field}`);
    }
  });
}

/**
 * Every number of one step of backpropagation on one example, as plain
 * data (numbers, strings and arrays, no matrices), for teaching and
 * checking by hand: the forward pass, the loss, the backward pass and the
 * update, computed by the same code as `Network.gradient` and
 * `Network.sgdStep`, so these are the library's own numbers (the updated
 * weights are bit for bit those of `Network.sgdStep`). For each layer,
 * with the bias input first (`input[0] = -1`):
 * `z_j = Σ_i input[i] · weights[i][j]`, `a_j = f(z_j)`;
 * `upstream_j = ∂L/∂a_j`, which is `∂L/∂y_j` at the output and
 * `Σ_k W[j + 1][k] · δ_k` below it (`W`, `δ`: the layer above, old weights);
 * `δ_j = upstream_j · f'(z_j)`; `gradient[i][j] = input[i] · δ_j`;
 * `updatedWeights[i][j] = weights[i][j] - η · gradient[i][j]`.
 * Only one example (a 1-D input): for a batch, explain its rows one at a
 * time. Render the result with `explanationToMarkdown`, or draw it with
 * `networkToSVG(net, { explanation })`. Costs about one gradient; does
 * not change its arguments.
 *
 * @param net - the network; not changed.
 * @param input - one example: a vector of `n` numbers.
 * @param target - a vector shaped like the output.
 * With `optimizer` (instead of `learningRate`) the update is that
 * optimiser's step from `state` (its first step without one), computed by
 * the kernel of `Optimizer.step`, bit for bit; each layer then also has
 * `optimizer`: the gradient it used, its buffers before and after, and
 * for Adam the bias-corrected `m̂` and `v̂`; the explanation's `optimizer`
 * has the step count and the state to explain the next step from.
 *
 * @param options - the learning rate η or the optimiser (and its state), and the loss.
 * @throws {@link ShapeError} if the input is a batch (2-D), or the input
 *   or target does not fit the network.
 * @throws {@link ValueError} if the learning rate is not positive and
 *   finite, both `learningRate` and `optimizer` are given, the state does
 *   not belong to the optimiser or the network, a number is not finite, or the loss is not one; also if a
 *   result overflows (a weight or input too large).
 * @returns an {@link Explanation}, JSON-serialisable.
 *
 * @example
 * The notebook's example: the hidden sums and deltas, the loss, and the
 * new weight V_{0,1}.
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const step = Network.explain(net, [1, 2], [5], { learningRate: 0.1 });
 * step.layers[0].input; // => [-1, 1, 2]
 * step.layers[0].z; // => [0, -2, 3]
 * step.loss; // => 31.303637388
 * step.layers[1].delta; // => [-11.189930722]
 * step.layers[0].derivative[0]; // => 0.25
 * step.layers[0].updatedWeights[0][0]; // => 0.440503464
 * ```
 *
 * @example
 * With an optimiser, each layer also shows its buffers. Adam's first step
 * on one identity neuron with weights (1, 2), x = 3, t = 4, gradient
 * g = (-2, 6): `m = 0.1 · g`, `v = 0.001 · g²`, the corrections make
 * `m̂ = g` and `v̂ = g²`, and each weight moves by `η · g / (|g| + ε)`, 0.1 · 2 / (2 + 1e-8) and 0.1 · 6 / (6 + 1e-8).
 * ```ts
 * import { Network, Layer, Activation, Optimizer } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[1], [2]], Activation.identity)]);
 * const step = Network.explain(net, [3], [4], { optimizer: Optimizer.adam({ learningRate: 0.1 }) });
 * step.layers[0].optimizer.buffers.firstMoment; // => [[-0.2], [0.6]]
 * step.layers[0].optimizer.secondMomentHat; // => [[4], [36]]
 * step.layers[0].updatedWeights; // => [[1.0999999995], [1.9000000001666666]]
 * step.optimizer.step; // => 1
 * const next = Network.explain(net, [3], [4], { optimizer: Optimizer.adam({ learningRate: 0.1 }), state: step.optimizer.state });
 * next.optimizer.step; // => 2
 * ```
 */
export function explain(net: Network, input: MatrixLike, target: MatrixLike, options: ExplainOptions): Explanation {
  const checked = checkOptionNames(options ?? {}, ['learningRate', 'loss', 'optimizer', 'state'], WHERE);
  const optimizer = explainedOptimizer(checked.learningRate, checked.optimizer, checked.state, WHERE);
  const rate = optimizer === null ? checkLearningRate(checked.learningRate, WHERE) : optimizer.learningRate;
  const batch = batchOf(net, input, target, checked.loss, WHERE);
  checkOneExample(batch);
  const ws = createWorkspace(batch.model, 1);
  const loss = withName(WHERE, () => gradientModel(batch.model, batch.input.data, batch.targetRows, batch.loss, ws));
  const step = optimizer === null ? null : explainOptimizerStep(optimizer, batch.model, ws.grads, checked.state, WHERE);
  const layers = batch.model.weights.map((_, l) => explainLayer(batch, ws, l, rate, step));
  const explanation: Explanation = {
    input: Array.from(batch.input.data),
    target: Array.from(batch.target.data),
    output: [...layers[layers.length - 1].a],
    lossName: batch.loss.name,
    ...builtInLossOf(batch.loss),
    loss,
    learningRate: rate,
    layers,
    ...(step === null ? {} : { optimizer: step.optimizer }),
  };
  checkFinite(explanation);
  return explanation;
}
