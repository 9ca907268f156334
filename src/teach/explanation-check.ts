/**
 * Checks that a value is an `Explanation` as `Network.explain` makes them:
 * it may have come through JSON or been written by hand, so every field is
 * checked once before anything is rendered from it.
 */
import { ShapeError, ValueError } from '../errors.js';
import type { Explanation, LayerExplanation } from './explain.js';
import { describeValue } from '../boundary/describe.js';
import { BUILT_IN_LOSS_FORMULAS } from './loss-identity.js';
import { checkOptimizer } from '../optim/build.js';
import { bufferNames } from '../optim/state.js';
import { checkNumber } from '../boundary/options.js';

/** Refuses anything but an array of `length` finite numbers (any length when undefined). */
function checkVector(value: unknown, length: number | undefined, path: string, where: string): readonly number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValueError(`${where}: ${path} must be a non-empty array of numbers, got ${describeValue(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new ShapeError(`${where}: ${path} must have ${length} entries, got ${value.length}`, [length], [value.length]);
  }
  value.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new ValueError(`${where}: ${path}[${i}] must be a finite number, got ${describeValue(x)}`);
    }
  });
  return value;
}

/** Refuses anything but `rows` arrays of `cols` finite numbers. */
function checkRows(value: unknown, rows: number, cols: number, path: string, where: string): void {
  if (!Array.isArray(value) || value.length !== rows) {
    if (!Array.isArray(value)) throw new ValueError(`${where}: ${path} must be an array of rows, got ${describeValue(value)}`);
    const actual = [value.length, Array.isArray(value[0]) ? value[0].length : 0];
    throw new ShapeError(`${where}: ${path} must have ${rows} rows of ${cols}, got ${value.length} rows`, [rows, cols], actual);
  }
  value.forEach((row, i) => checkVector(row, cols, `${path}[${i}]`, where));
}

/** Checks layer `l`, which takes `n` inputs; returns its number of neurons. */
function checkLayer(layer: LayerExplanation, l: number, n: number, where: string): number {
  const path = `explanation.layers[${l}]`;
  if (layer === null || typeof layer !== 'object' || typeof layer.activation !== 'string') {
    throw new ValueError(`${where}: ${path} must be an object with an activation name, got ${describeValue(layer)}`);
  }
  const input = checkVector(layer.input, n + 1, `${path}.input`, where);
  if (input[0] !== -1) throw new ValueError(`${where}: ${path}.input[0] must be the bias input -1, got ${input[0]}`);
  const m = checkVector(layer.z, undefined, `${path}.z`, where).length;
  for (const field of ['a', 'upstream', 'derivative', 'delta'] as const) checkVector(layer[field], m, `${path}.${field}`, where);
  for (const field of ['weights', 'gradient', 'updatedWeights'] as const) checkRows(layer[field], n + 1, m, `${path}.${field}`, where);
  return m;
}

/**
 * Refuses a value that is not a complete, consistent explanation; `where`
 * starts the message (the public function's name).
 */
export function checkExplanation(value: unknown, where: string): Explanation {
  const e = value as Explanation;
  if (e === null || typeof e !== 'object' || !Array.isArray(e.layers) || e.layers.length === 0) {
    throw new ValueError(`${where}: expected an Explanation from Network.explain, got ${describeValue(value)}`);
  }
  if (typeof e.lossName !== 'string' || typeof e.loss !== 'number' || !Number.isFinite(e.loss)) {
    throw new ValueError(`${where}: explanation.lossName must be a string and explanation.loss a finite number`);
  }
  if (e.builtInLoss !== undefined && !BUILT_IN_LOSS_FORMULAS.includes(e.builtInLoss)) {
    throw new ValueError(`${where}: explanation.builtInLoss must be absent or one of ${BUILT_IN_LOSS_FORMULAS.join(', ')}, got ${describeValue(e.builtInLoss)}`);
  }
  if (typeof e.learningRate !== 'number' || !Number.isFinite(e.learningRate) || e.learningRate <= 0) {
    throw new ValueError(`${where}: explanation.learningRate must be a positive finite number, got ${describeValue(e.learningRate)}`);
  }
  let n = checkVector(e.input, undefined, 'explanation.input', where).length;
  e.layers.forEach((layer, l) => {
    n = checkLayer(layer, l, n, where);
  });
  checkVector(e.output, n, 'explanation.output', where);
  checkVector(e.target, n, 'explanation.target', where);
  if (e.optimizer !== undefined) checkOptimizerParts(e, where);
  return e;
}

/** With an optimiser: its settings, step count and corrections, and each layer's buffers, shaped like the weights. */
function checkOptimizerParts(e: Explanation, where: string): void {
  const o = e.optimizer!;
  if (o === null || typeof o !== 'object') throw new ValueError(`${where}: explanation.optimizer must be an object, got ${describeValue(o)}`);
  const settings = checkOptimizer(o.settings, `${where}: explanation.optimizer.settings`);
  checkNumber(o.step, { integer: true, min: 1 }, 'explanation.optimizer.step', where);
  const adam = settings.name === 'adam' || settings.name === 'adamW';
  if (adam) {
    checkVector([o.corrections?.beta1, o.corrections?.beta2], 2, 'explanation.optimizer.corrections (beta1, beta2)', where);
  }
  e.layers.forEach((layer, l) => {
    const path = `explanation.layers[${l}].optimizer`;
    const part = layer.optimizer;
    if (part === null || typeof part !== 'object') throw new ValueError(`${where}: ${path} must be an object, got ${describeValue(part)}`);
    const [rows, cols] = [layer.weights.length, layer.z.length];
    checkRows(part.gradient, rows, cols, `${path}.gradient`, where);
    for (const name of bufferNames(settings)) {
      checkRows(part.buffers?.[name], rows, cols, `${path}.buffers.${name}`, where);
      checkRows(part.previous?.[name], rows, cols, `${path}.previous.${name}`, where);
    }
    if (adam) {
      checkRows(part.firstMomentHat, rows, cols, `${path}.firstMomentHat`, where);
      checkRows(part.secondMomentHat, rows, cols, `${path}.secondMomentHat`, where);
    }
  });
}
