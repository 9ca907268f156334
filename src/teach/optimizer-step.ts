/**
 * For `Network.explain` with an optimiser: every number of one optimiser
 * step on each weight, computed by `stepFlat`, the same kernel as
 * `Optimizer.step` and `Network.train`, so the new weights are theirs bit
 * for bit. The buffers after the step come out per weight, laid out like
 * the weights, and for Adam and AdamW the bias-corrected `m̂ = m / (1 - β1^t)`
 * and `v̂ = v / (1 - β2^t)` too.
 */
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import type { Model } from '../engine/flat-model.js';
import { checkOptimizer } from '../optim/build.js';
import { stepFlat } from '../optim/step.js';
import { readState, stateOf, zeroBuffers } from '../optim/state.js';
import type {
  AdamOptimizer, AdamWOptimizer, AnyOptimizer, OptimizerState, RmspropOptimizer, SgdOptimizer,
} from '../optim/types.js';

/** One layer's part of an optimiser step, each matrix `(n + 1) × m` like the weights. */
export interface OptimizerLayerExplanation {
  /**
   * The gradient the optimiser worked with: the loss's gradient plus the
   * weight decay `λ · w` (bias row left out unless `decayBias`), or the
   * loss's gradient itself without decay (and for AdamW, which decays the
   * weights instead).
   */
  readonly gradient: number[][];
  /**
   * The optimiser's buffers after the step, by name: `momentum` (the
   * velocity `b`), `firstMoment` (`m`), `secondMoment` (`v`),
   * `squareAverage` (RMSprop's `v`).
   */
  readonly buffers: { readonly [name: string]: number[][] };
  /** The same buffers before the step (all zeros at the first step). */
  readonly previous: { readonly [name: string]: number[][] };
  /** Adam and AdamW: `m̂ = m / (1 - β1^t)`, the bias-corrected mean. */
  readonly firstMomentHat?: number[][];
  /** Adam and AdamW: `v̂ = v / (1 - β2^t)`, the bias-corrected mean square. */
  readonly secondMomentHat?: number[][];
}

/** The optimiser's part of an explanation: which one, which step, and the state after it. */
export interface OptimizerExplanation {
  /** The optimiser record, every field filled in. */
  readonly settings: SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer;
  /** The step count `t` of this step, from 1. */
  readonly step: number;
  /** Adam and AdamW: the bias corrections `1 - β1^t` and `1 - β2^t`. */
  readonly corrections?: {
    /** `1 - β1^t`, which divides `m`. */
    readonly beta1: number;
    /** `1 - β2^t`, which divides `v`. */
    readonly beta2: number;
  };
  /** The state after the step: pass it as `state` to explain the next step. */
  readonly state: OptimizerState;
}

/** What {@link explainOptimizerStep} returns: the global part, each layer's, and the new weights. */
export interface OptimizerStepNumbers {
  readonly optimizer: OptimizerExplanation;
  readonly layers: OptimizerLayerExplanation[];
  readonly updated: Float64Array[];
}

function rowsOf(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[r * cols + c]));
}

/**
 * One step of `o` on `model` with the loss gradients `grads` (not changed)
 * from `state` (checked; zero buffers at step 0 when undefined).
 */
export function explainOptimizerStep(
  o: AnyOptimizer, model: Model, grads: readonly Float64Array[], state: unknown, where: string,
): OptimizerStepNumbers {
  const start = state === undefined ? { step: 0, buffers: zeroBuffers(o, model) } : readState(state, o, model, where);
  const t = start.step + 1;
  const before = start.buffers.map((b) => Object.entries(b).map(([name, v]) => [name, v.slice()] as const));
  const g = grads.map((x) => x.slice());
  const updated = model.weights.map((w) => new Float64Array(w.length));
  stepFlat(o, model, g, start.buffers, t, updated);
  const adam = o.name === 'adam' || o.name === 'adamW';
  const c1 = adam ? 1 - Math.pow(o.beta1, t) : 1;
  const c2 = adam ? 1 - Math.pow(o.beta2, t) : 1;
  const layers = model.weights.map((_, l): OptimizerLayerExplanation => {
    const [rows, cols] = [model.sizes[l] + 1, model.sizes[l + 1]];
    const b = start.buffers[l];
    const buffers = Object.fromEntries(Object.entries(b).map(([name, v]) => [name, rowsOf(v, rows, cols)]));
    const previous = Object.fromEntries(before[l].map(([name, v]) => [name, rowsOf(v, rows, cols)]));
    const base = { gradient: rowsOf(g[l], rows, cols), buffers, previous };
    if (!adam) return base;
    return {
      ...base,
      firstMomentHat: rowsOf(b.firstMoment.map((m) => m / c1), rows, cols),
      secondMomentHat: rowsOf(b.secondMoment.map((v) => v / c2), rows, cols),
    };
  });
  const optimizer: OptimizerExplanation = {
    settings: o,
    step: t,
    ...(adam ? { corrections: { beta1: c1, beta2: c2 } } : {}),
    state: stateOf(o, t, model, start.buffers),
  };
  return { optimizer, layers, updated };
}

/**
 * The optimiser `explain` is asked for, checked, or null for plain gradient
 * descent at `learningRate`; refuses both at once, and a state without an
 * optimiser.
 */
export function explainedOptimizer(learningRate: unknown, optimizer: unknown, state: unknown, where: string): AnyOptimizer | null {
  if (optimizer === undefined) {
    if (state !== undefined) throw new ValueError(`${where}: state needs an optimizer, got state without one`);
    return null;
  }
  if (learningRate !== undefined) {
    throw new ValueError(
      `${where}: give learningRate or optimizer, not both (the optimizer has its own learningRate), got learningRate ${describeValue(learningRate)} and an optimizer`,
    );
  }
  return checkOptimizer(optimizer, where);
}
