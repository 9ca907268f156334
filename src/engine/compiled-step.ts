/**
 * Straight-line code for tiny networks. For a network whose layers are all
 * small (the notebook's 2-3-1, say), loops cost more than the arithmetic:
 * this writes out one example's SGD step as a JavaScript function with
 * every weight index a constant and every activation inlined, and compiles
 * it once with `new Function`.
 *
 * The generated step does what `exampleStep` does, term by term in the same
 * order, so it gives the same bits (up to the sign of zero). It is used only
 * for the squared-error loss and the built-in activations it can inline;
 * anything else, or a host that forbids `new Function`, takes the loops.
 * When some `z` is not finite it returns false before changing any weight,
 * and the caller takes the loops, which name the neuron.
 *
 * NOTE: the step reads its rate from an array and writes its loss there,
 * and returns a boolean: a double passed to or returned from a call that
 * is not inlined takes a new heap number, which for the notebook's network
 * cost more than a tenth of the step.
 */
import type { Activation } from '../math/activation-type.js';
import { ACTIVATION_ROWS, type ActivationInline } from '../math/activation-table.js';
import { sigmoidOf } from '../math/activations.js';
import type { Loss } from '../math/loss-type.js';
import { squaredError } from '../math/losses.js';
import type { CompiledStep, Model, StraightStep } from './flat-model.js';

/** The largest `(n + 1) · m` of a layer written out in full. */
const MAX_LAYER_WEIGHTS = 64;
/**
 * The most weights of a whole network written out: the step's locals grow
 * with them, and one function with too many (4e4 tiny layers, say)
 * overflows the stack when it runs. Above this the loops run.
 */
export const MAX_COMPILED_WEIGHTS = 1024;


/** The inline forms of the activations the step can write out, from the activation table. */
const INLINE: ReadonlyMap<Activation, ActivationInline> = new Map(
  ACTIVATION_ROWS.flatMap((row) => (row.inline === null ? [] : [[row.activation, row.inline] as const])),
);

/** Whether `compileStep` writes out this model. */
export function canCompile(model: Model): boolean {
  let total = 0;
  for (const w of model.weights) total += w.length;
  return total <= MAX_COMPILED_WEIGHTS && model.weights.every((w, l) => w.length <= MAX_LAYER_WEIGHTS && INLINE.has(model.activations[l]));
}

/** The source of the step's body, for `model`'s sizes and activations. */
export function stepSource(model: Model): string {
  const L = model.weights.length;
  const lines: string[] = [];
  const inputs = (l: number) => Array.from({ length: model.sizes[l] }, (_, i) => (l === 0 ? `x${i}` : `a${l - 1}_${i}`));
  model.weights.forEach((_, l) => lines.push(`const w${l} = weights[${l}];`));
  inputs(0).forEach((name, i) => lines.push(`const ${name} = x[xOffset + ${i}];`));
  for (let l = 0; l < L; l++) lines.push(...forwardLines(model, l, inputs(l)));
  // z · 0 is 0 for a finite z and NaN otherwise: one sum says whether any z is not finite.
  const zs = model.weights.flatMap((_, l) => Array.from({ length: model.sizes[l + 1] }, (_, j) => `z${l}_${j} * 0`));
  lines.push(`if (${zs.join(' + ')} !== 0) return false;`);
  const m = model.sizes[L];
  lines.push('let loss = 0;');
  for (let k = 0; k < m; k++) {
    lines.push(`const e${k} = a${L - 1}_${k} - t[tOffset + ${k}];`, `loss += e${k} * e${k};`, `const u${L - 1}_${k} = 2 * e${k};`);
  }
  for (let l = L - 1; l >= 0; l--) lines.push(...backwardLines(model, l, inputs(l)));
  lines.push('io[1] = loss;', 'return true;');
  return lines.join('\n');
}

function forwardLines(model: Model, l: number, inputs: string[]): string[] {
  const m = model.sizes[l + 1];
  const inline = INLINE.get(model.activations[l])!;
  const lines: string[] = [];
  for (let j = 0; j < m; j++) {
    const terms = inputs.map((x, i) => ` + ${x} * w${l}[${(i + 1) * m + j}]`).join('');
    lines.push(`const z${l}_${j} = -w${l}[${j}]${terms};`, `const a${l}_${j} = ${inline.apply(`z${l}_${j}`)};`);
  }
  return lines;
}

function backwardLines(model: Model, l: number, inputs: string[]): string[] {
  const m = model.sizes[l + 1];
  const inline = INLINE.get(model.activations[l])!;
  const lines: string[] = [];
  for (let j = 0; j < m; j++) {
    lines.push(`const d${l}_${j} = u${l}_${j} * ${inline.derivative(`z${l}_${j}`, `a${l}_${j}`)};`);
  }
  if (l > 0) {
    inputs.forEach((_, i) => {
      const terms = Array.from({ length: m }, (_, j) => ` + w${l}[${(i + 1) * m + j}] * d${l}_${j}`).join('');
      lines.push(`const u${l - 1}_${i} = 0${terms};`);
    });
  }
  for (let j = 0; j < m; j++) lines.push(`w${l}[${j}] = w${l}[${j}] - rate * (0 - d${l}_${j});`);
  inputs.forEach((x, i) => {
    for (let j = 0; j < m; j++) {
      const k = (i + 1) * m + j;
      lines.push(`w${l}[${k}] = w${l}[${k}] - rate * (${x} * d${l}_${j});`);
    }
  });
  return lines;
}

/**
 * The steps made so far, by their source: networks of one architecture
 * share one function. So a new network costs no compilation, and a call
 * site that steps networks of one architecture sees one function (which
 * V8 can inline) however many networks there are.
 */
const STEPS = new Map<string, StraightStep | null>();
/** At most this many architectures keep their step (each is a few kilobytes of code); the oldest goes first. */
const MAX_STEPS = 64;

/** The straight-line step for `model`, or null when it cannot be written out here. */
export function compileStraightStep(model: Model): StraightStep | null {
  if (!canCompile(model)) return null;
  const source = stepSource(model);
  let step = STEPS.get(source);
  if (step === undefined) {
    step = stepFrom(source);
    // The oldest architecture makes room (a Map keeps the order in which keys were set).
    if (STEPS.size >= MAX_STEPS) STEPS.delete(STEPS.keys().next().value as string);
    STEPS.set(source, step);
  }
  return step;
}

/** The function of a step's source, or null where the host forbids making one. */
function stepFrom(source: string): StraightStep | null {
  try {
    const factory = new Function('sigmoid', `return function step(weights, x, xOffset, t, tOffset, io) {\nconst rate = io[0];\n${source}\n};`);
    return factory(sigmoidOf) as StraightStep;
  } catch {
    // NOTE: a Content-Security-Policy without 'unsafe-eval' forbids new Function; the loops still work.
    return null;
  }
}

/**
 * The straight-line step for `model` as a function that returns the loss
 * (NaN, with no weight changed, when a z is not finite), or null.
 */
export function compileStep(model: Model): CompiledStep | null {
  const step = compileStraightStep(model);
  if (step === null) return null;
  const io = new Float64Array(2);
  return (weights, x, xOffset, t, tOffset, rate) => {
    io[0] = rate;
    return step(weights, x, xOffset, t, tOffset, io) ? io[1] : NaN;
  };
}

/**
 * The straight-line step of a tiny network, made once per architecture,
 * when the loss is the squared error it is written for; else null.
 */
export function compiledStepOf(model: Model, loss: Loss): StraightStep | null {
  if (loss !== squaredError) return null;
  const shared = model.shared;
  if (shared === undefined) return compileStraightStep(model);
  if (shared.compiled === undefined) shared.compiled = compileStraightStep(model);
  return shared.compiled;
}
