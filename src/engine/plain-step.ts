/**
 * Plain SGD steps over a set of examples, with the two choices every such
 * step makes written once: one example or a batch (`sgdPass`), and, for
 * one example, the compiled straight-line step or the fused loops
 * (`stepExamples`). `Network.sgdStep` and `Network.train` both step here.
 *
 * @module
 */
import type { Loss } from '../math/loss-type.js';
import { borrowWorkspace, createWorkspace, gradientModel, returnWorkspace, type Model, type StraightStep, type Workspace } from './flat-model.js';
import { compiledStepOf } from './compiled-step.js';
import { exampleStep } from './fused-step.js';
import { stepWeights } from './kernels.js';

/**
 * `IO[0]`: the rate of a compiled run of steps; `IO[1]`: the sum of losses it adds to.
 * NOTE: the compiled run takes both here, not as an argument and a
 * result: a double passed to or returned from a call that is not inlined
 * takes a new heap number. One array serves every call, and every run
 * that uses it writes it just before the call and reads it just after:
 * the compiled run calls no other code.
 */
const IO = new Float64Array(2);

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
  /** The position in the order of the step in progress, set before a step that may throw. */
  at: number;
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
 * gathering, no copy). `compile` false leaves the straight-line step
 * out, for a set that is never stepped one example at a time by plain SGD.
 */
export function exampleSetOf(
  model: Model, loss: Loss, x: Float64Array, targetRows: readonly Float64Array[], batch: number | null, compile = true,
): ExampleSet {
  const whole = batch === null;
  return {
    model, loss, x, targetRows,
    compiled: compile ? compiledStepOf(model, loss) : null,
    at: 0,
    gather: whole ? x : new Float64Array(batch * model.sizes[0]),
    targets: whole ? (targetRows as Float64Array[]) : new Array<Float64Array>(batch).fill(targetRows[0]),
  };
}

/**
 * One SGD step on each example `order[start ..]` before `end` (null:
 * rows `start ..` in turn), in place, by the fastest path that computes
 * it exactly: the compiled run of steps, which reads the examples where they lie,
 * else the fused loops on `ws` (one row; null: the model's shared one).
 * Returns the sum of the losses, each before its step.
 */
function stepExamples(s: ExampleSet, order: Uint32Array | null, start: number, end: number, rate: number, ws: Workspace | null): number {
  const { compiled } = s;
  let total = 0;
  for (let k = start; k < end; k++) {
    if (compiled !== null) {
      IO[0] = rate;
      IO[1] = total;
      k = compiled(s.model.weights, s.x, s.targetRows, order, k, end, IO);
      total = IO[1];
      if (k === end) break;
    }
    // NOTE: the compiled run stops, with this example unstepped, at a z, loss or delta that is not finite: the loops then say where.
    s.at = k;
    total += fusedExample(s, order === null ? k : order[k], rate, ws);
  }
  return total;
}

/**
 * The compiled step of a tiny network on the one example `x` with target
 * `t`, in place on `weights`; returns its loss, or NaN, with no weight
 * changed, when a `z`, the loss or a delta is not finite (the loops then
 * say where).
 */
export function compiledExample(compiled: StraightStep, weights: readonly Float64Array[], x: Float64Array, t: Float64Array, rate: number): number {
  IO[0] = rate;
  IO[1] = 0;
  return compiled(weights, x, [t], null, 0, 1, IO) === 1 ? IO[1] : NaN;
}

/** The fused loops' step on example `row`; returns its loss. */
function fusedExample(s: ExampleSet, row: number, rate: number, ws: Workspace | null): number {
  const input = inputRow(s, row);
  const target = s.targetRows[row];
  if (ws !== null) return exampleStep(s.model, input, target, s.loss, rate, ws);
  const borrowed = borrowWorkspace(s.model);
  try {
    return exampleStep(s.model, input, target, s.loss, rate, borrowed);
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

/** The batch-mean gradient of the `rows` examples `order[start ..]` (null: the whole set), then `w - rate · gradient` for every layer; returns the mean loss. */
function batchStep(s: ExampleSet, order: Uint32Array | null, start: number, rows: number, rate: number, ws: Workspace | null): number {
  if (order !== null) gatherRows(s, order, start, rows);
  const space = ws ?? createWorkspace(s.model, rows);
  const value = gradientModel(s.model, s.gather, s.targets, s.loss, space);
  const weights = s.model.weights;
  for (let l = 0; l < weights.length; l++) stepWeights(weights[l], space.grads[l], rate, weights[l]);
  return value;
}

/**
 * Plain SGD, in place, over the examples `order[start ..]` before `end`
 * (null: the set's rows in turn), in steps of `size` examples, the last
 * one smaller when they do not divide evenly: one example by the compiled
 * or fused step, a batch by its mean gradient. `full` and `partial` hold
 * `size` and the last step's rows (null: made, or for one example the
 * model's shared one). Returns the sum of the steps' losses (a batch's is
 * its mean), each before its step; after a throw, `s.at` is the position
 * in `order` of the step that threw.
 */
export function sgdPass(
  s: ExampleSet, order: Uint32Array | null, start: number, end: number, size: number, rate: number,
  full: Workspace | null, partial: Workspace | null,
): number {
  if (size === 1) return stepExamples(s, order, start, end, rate, full);
  let total = 0;
  for (let k = start; k < end; k += size) {
    s.at = k;
    total += k + size <= end ? batchStep(s, order, k, size, rate, full) : batchStep(s, order, k, end - k, rate, partial);
  }
  return total;
}
