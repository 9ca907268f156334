/**
 * Straight-line code for tiny networks. For a network whose layers are all
 * small (the notebook's 2-3-1, say), loops cost more than the arithmetic:
 * this writes out a run of SGD steps, one example after another, as a
 * JavaScript function with every weight a local, every index a constant
 * and every activation inlined, and compiles it once with `new Function`.
 * The weights are read into locals before the first example and written
 * back after the last, so a run of steps makes no call per example and
 * reads and writes no array for the weights.
 *
 * Each step does what `exampleStep` does, term by term in the same order,
 * so it gives the same bits (up to the sign of zero). It is used only for
 * the squared-error loss and the built-in activations it can inline;
 * anything else, or a host that forbids `new Function`, takes the loops.
 * When some `z`, the loss or some delta of an example is not finite, the
 * run stops before that example changes any weight and says where it
 * stopped, and the caller takes the loops for it, which name the neuron.
 *
 * NOTE: the run reads its rate from an array and adds its losses to the
 * sum there: a double passed to or returned from a call that is not
 * inlined takes a new heap number.
 */
import type { Activation } from '../math/activation-type.js';
import { ACTIVATION_ROWS, type ActivationInline } from '../math/activation-table.js';
import { sigmoidOf } from '../math/activations.js';
import type { Loss } from '../math/loss-type.js';
import { squaredError } from '../math/losses.js';
import type { Model, StraightStep } from './flat-model.js';

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

/** Whether `compileStraightStep` writes out this model. */
export function canCompile(model: Model): boolean {
  let total = 0;
  for (const w of model.weights) total += w.length;
  return total <= MAX_COMPILED_WEIGHTS && model.weights.every((w, l) => w.length <= MAX_LAYER_WEIGHTS && INLINE.has(model.activations[l]));
}

/**
 * The source of the step's body, for `model`'s sizes and activations: a
 * loop over the examples `order[start ..]` before `end` (null: rows
 * `start ..` in turn) that keeps every weight in a local and writes them
 * back once at the end.
 */
export function stepSource(model: Model): string {
  const L = model.weights.length;
  const n = model.sizes[0];
  const lines: string[] = [];
  const inputs = (l: number) => Array.from({ length: model.sizes[l] }, (_, i) => (l === 0 ? `x${i}` : `a${l - 1}_${i}`));
  const weightNames = model.weights.flatMap((w, l) => Array.from({ length: w.length }, (_, k) => [l, k] as const));
  model.weights.forEach((_, l) => lines.push(`const w${l} = weights[${l}];`));
  weightNames.forEach(([l, k]) => lines.push(`let w${l}_${k} = w${l}[${k}];`));
  lines.push('let total = io[1];', 'let k = start;', 'for (; k < end; k++) {', 'const row = order === null ? k : order[k];');
  lines.push(`const xo = row * ${n};`, 'const t = targets[row];');
  inputs(0).forEach((name, i) => lines.push(`const ${name} = x[xo + ${i}];`));
  for (let l = 0; l < L; l++) lines.push(...forwardLines(model, l, inputs(l)));
  const m = model.sizes[L];
  lines.push('let loss = 0;');
  for (let k = 0; k < m; k++) {
    lines.push(`const e${k} = a${L - 1}_${k} - t[${k}];`, `loss += e${k} * e${k};`, `const u${L - 1}_${k} = 2 * e${k};`);
  }
  for (let l = L - 1; l >= 0; l--) lines.push(...deltaLines(model, l, inputs(l)));
  // v · 0 is 0 for a finite v and NaN otherwise: one sum says whether any z, the loss or any delta is not finite.
  const checked = model.weights.flatMap((_, l) => Array.from({ length: model.sizes[l + 1] }, (_, j) => [`z${l}_${j} * 0`, `d${l}_${j} * 0`]));
  lines.push(`if (${[...checked.map(([z]) => z), 'loss * 0', ...checked.map(([, d]) => d)].join(' + ')} !== 0) break;`);
  for (let l = L - 1; l >= 0; l--) lines.push(...updateLines(model, l, inputs(l)));
  lines.push('total += loss;', '}');
  weightNames.forEach(([l, k]) => lines.push(`w${l}[${k}] = w${l}_${k};`));
  lines.push('io[1] = total;', 'return k;');
  return lines.join('\n');
}

function forwardLines(model: Model, l: number, inputs: string[]): string[] {
  const m = model.sizes[l + 1];
  const inline = INLINE.get(model.activations[l])!;
  const lines: string[] = [];
  for (let j = 0; j < m; j++) {
    const terms = inputs.map((x, i) => ` + ${x} * w${l}_${(i + 1) * m + j}`).join('');
    lines.push(`const z${l}_${j} = -w${l}_${j}${terms};`, `const a${l}_${j} = ${inline.apply(`z${l}_${j}`)};`);
  }
  return lines;
}

/** Layer `l`'s deltas and, above the first layer, the upstream gradient of the layer below, with the old weights. */
function deltaLines(model: Model, l: number, inputs: string[]): string[] {
  const m = model.sizes[l + 1];
  const inline = INLINE.get(model.activations[l])!;
  const lines: string[] = [];
  for (let j = 0; j < m; j++) {
    lines.push(`const d${l}_${j} = u${l}_${j} * ${inline.derivative(`z${l}_${j}`, `a${l}_${j}`)};`);
  }
  if (l > 0) {
    inputs.forEach((_, i) => {
      const terms = Array.from({ length: m }, (_, j) => ` + w${l}_${(i + 1) * m + j} * d${l}_${j}`).join('');
      lines.push(`const u${l - 1}_${i} = 0${terms};`);
    });
  }
  return lines;
}

/** Layer `l`'s update `w - rate · [-1, x]ᵀ · delta`. */
function updateLines(model: Model, l: number, inputs: string[]): string[] {
  const m = model.sizes[l + 1];
  const lines: string[] = [];
  for (let j = 0; j < m; j++) lines.push(`w${l}_${j} = w${l}_${j} - rate * (0 - d${l}_${j});`);
  inputs.forEach((x, i) => {
    for (let j = 0; j < m; j++) {
      const k = (i + 1) * m + j;
      lines.push(`w${l}_${k} = w${l}_${k} - rate * (${x} * d${l}_${j});`);
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
    const factory = new Function('sigmoid', `return function steps(weights, x, targets, order, start, end, io) {\nconst rate = io[0];\n${source}\n};`);
    return factory(sigmoidOf) as StraightStep;
  } catch {
    // NOTE: a Content-Security-Policy without 'unsafe-eval' forbids new Function; the loops still work.
    return null;
  }
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
