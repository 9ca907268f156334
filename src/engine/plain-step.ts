/**
 * Plain SGD steps over a set of examples, with the two choices every such
 * step makes written once: one example or a batch (`sgdRows`), and, for
 * one example, the compiled straight-line step or the fused loops
 * (`stepExample`). `Network.sgdStep` and `Network.train` both step here.
 *
 * @module
 */
import type { Loss } from '../math/loss-type.js';
import { borrowWorkspace, createWorkspace, gradientModel, returnWorkspace, type Model, type StraightStep, type Workspace } from './flat-model.js';
import { compiledStepOf } from './compiled-step.js';
import { exampleStep } from './fused-step.js';
import { stepWeights } from './kernels.js';

/** The examples a run of steps reads, and the buffers it writes, made once. */
export interface ExampleSet {
  /** The model whose weights the steps update in place. */
  readonly model: Model;
  readonly loss: Loss;
  /** The inputs, `sizes[0]` numbers per example, one after another. */
  readonly x: Float64Array;
  /** The targets, one row view per example. */
  readonly targetRows: readonly Float64Array[];
  /** The straight-line step of a tiny network with squared error, or null: the loops. */
  readonly compiled: StraightStep | null;
  /**
   * `io[0]`: the rate of the compiled step; `io[1]`: the loss before the
   * last step. NOTE: the steps pass both here, not as arguments and results:
   * a double passed to or returned from a call that is not inlined takes a
   * new heap number, a tenth of a tiny network's step.
   */
  readonly io: Float64Array;
  /**
   * Where a batch's inputs and targets are gathered (`batch × sizes[0]`),
   * or, for a set that is always stepped whole and in order, `x` and
   * `targetRows` themselves.
   */
  readonly gather: Float64Array;
  readonly targets: Float64Array[];
}

/**
 * The example set over `x` (`sizes[0]` numbers per example) and
 * `targetRows` for steps on `model`. `batch` is the most rows a step
 * gathers, or null when every step takes the whole set in order (no
 * gathering, no copy).
 */
export function exampleSetOf(
  model: Model, loss: Loss, x: Float64Array, targetRows: readonly Float64Array[], batch: number | null,
): ExampleSet {
  const whole = batch === null;
  return {
    model, loss, x, targetRows,
    compiled: compiledStepOf(model, loss),
    io: new Float64Array(2),
    gather: whole ? x : new Float64Array(batch * model.sizes[0]),
    targets: whole ? (targetRows as Float64Array[]) : new Array<Float64Array>(batch).fill(targetRows[0]),
  };
}

/**
 * One SGD step on example `row` of the set, in place, by the fastest path
 * that computes it exactly: the compiled step, which reads the example
 * where it lies, else the fused loops on `ws` (one row; null: the model's
 * shared one). Leaves the loss before the step in `s.io[1]`.
 */
export function stepExample(s: ExampleSet, row: number, rate: number, ws: Workspace | null): void {
  const n = s.model.sizes[0];
  const target = s.targetRows[row];
  // NOTE: false, with no weight changed, means a z was not finite; the loops below then say where (and for a loss that overflowed).
  s.io[0] = rate;
  if (s.compiled !== null && s.compiled(s.model.weights, s.x, row * n, target, 0, s.io)) {
    const value = s.io[1];
    if (value - value === 0) return;
  }
  const input = inputRow(s, row);
  if (ws !== null) {
    s.io[1] = exampleStep(s.model, input, target, s.loss, rate, ws);
    return;
  }
  const borrowed = borrowWorkspace(s.model);
  try {
    s.io[1] = exampleStep(s.model, input, target, s.loss, rate, borrowed);
  } finally {
    returnWorkspace(s.model, borrowed);
  }
}

/** Example `row`'s input as an array of its own `sizes[0]` numbers: `x` itself, a view, or a copy in the batch buffer. */
function inputRow(s: ExampleSet, row: number): Float64Array {
  const n = s.model.sizes[0];
  if (s.x.length === n) return s.x;
  if (s.gather === s.x) return s.x.subarray(row * n, (row + 1) * n);
  const input = s.gather.length === n ? s.gather : s.gather.subarray(0, n);
  for (let i = 0; i < n; i++) input[i] = s.x[row * n + i];
  return input;
}

/** Copies the inputs and targets of the `rows` examples `order[start ..]` into the set's batch buffers. */
export function gatherRows(s: ExampleSet, order: Uint32Array, start: number, rows: number): void {
  const n = s.model.sizes[0];
  for (let r = 0; r < rows; r++) {
    const row = order[start + r];
    s.targets[r] = s.targetRows[row];
    for (let i = 0; i < n; i++) s.gather[r * n + i] = s.x[row * n + i];
  }
}

/**
 * One plain SGD step, in place, on the `rows` examples `order[start ..]`
 * (null: the whole set in order): one example by `stepExample`, a batch
 * by the batch-mean gradient and then `w - rate · gradient` for every
 * layer. `ws` holds `rows` rows (null: a new one, or for one example the
 * model's shared one). Leaves the loss (the batch mean) before the step
 * in `s.io[1]`.
 */
export function sgdRows(s: ExampleSet, order: Uint32Array | null, start: number, rows: number, rate: number, ws: Workspace | null): void {
  if (rows === 1) {
    stepExample(s, order === null ? start : order[start], rate, ws);
    return;
  }
  if (order !== null) gatherRows(s, order, start, rows);
  const space = ws ?? createWorkspace(s.model, rows);
  s.io[1] = gradientModel(s.model, s.gather, s.targets, s.loss, space);
  const weights = s.model.weights;
  for (let l = 0; l < weights.length; l++) stepWeights(weights[l], space.grads[l], rate, weights[l]);
}
