/**
 * Optimiser states: made with zero buffers by `Optimizer.init`, read back
 * and checked by `Optimizer.step` (which may get one from JSON, or a
 * tampered one), and written out frozen after each step.
 */
import { modelOf, type Network } from '../model/network-record.js';
import { ShapeError, ValueError } from '../errors.js';
import { type Model } from '../engine/flat-model.js';
import { residentRoom, residentZeros } from '../engine/optim-kernels.js';
import { checkOptimizer } from './build.js';
import { describeValue } from '../boundary/describe.js';
import type {
  AdamOptimizer, AdamWOptimizer, AnyOptimizer, OptimizerLayerState, OptimizerState, RmspropOptimizer, SgdOptimizer,
} from './types.js';

/** The buffers of one layer while a step works on them: fresh copies. */
export type LayerBuffers = Record<string, Float64Array>;

/** The buffers an optimiser keeps per layer, by name. */
export function bufferNames(optimizer: AnyOptimizer): string[] {
  switch (optimizer.name) {
    case 'sgd': return optimizer.momentum > 0 ? ['momentum'] : [];
    case 'adam':
    case 'adamW': return ['firstMoment', 'secondMoment'];
    case 'rmsprop': return optimizer.momentum > 0 ? ['squareAverage', 'momentum'] : ['squareAverage'];
  }
}

/** Buffers of running squares, which can never be negative. */
const SQUARES = ['secondMoment', 'squareAverage'];

/** Writes `buffers` out as a frozen state; -0 becomes 0, as JSON would write it. */
export function stateOf(optimizer: AnyOptimizer, step: number, model: Model, buffers: readonly LayerBuffers[]): OptimizerState {
  const layers = buffers.map((layer, l): OptimizerLayerState => {
    const plain: Record<string, readonly number[]> = {};
    for (const name of Object.keys(layer)) {
      // NOTE: `x === 0 ? 0 : x` maps -0 to 0, so the state in memory and the one JSON gives back are the same bits.
      plain[name] = Object.freeze(Array.from(layer[name], (x) => (x === 0 ? 0 : x)));
    }
    return Object.freeze({ rows: model.sizes[l] + 1, columns: model.sizes[l + 1], buffers: Object.freeze(plain) });
  });
  return Object.freeze({ optimizer: optimizer.name, step, layers: Object.freeze(layers) });
}

/**
 * The starting state of `optimizer` on `net`: step count 0 and every buffer
 * all zeros, one per layer, shaped like that layer's weights. Plain JSON
 * data, frozen; pass it to the first `Optimizer.step`.
 *
 * @param optimizer - from `Optimizer.sgd`, `adam`, `adamW` or `rmsprop`.
 * @param net - the network the optimiser will train.
 * @throws {@link ValueError} if `optimizer` is not an optimiser (or one of
 *   its fields is out of range) or `net` is not a network.
 * @returns the state, frozen.
 *
 * @example
 * Adam keeps a running mean and a running mean square per weight:
 * ```ts
 * import { Network, Optimizer } from 'mathjs-backprop';
 * const net = Network.init([2, 1], { seed: 1 });
 * const state = Optimizer.init(Optimizer.adam(), net);
 * state.step; // => 0
 * state.layers[0].rows; // => 3
 * state.layers[0].buffers.firstMoment; // => [0, 0, 0]
 * Object.keys(state.layers[0].buffers); // => ['firstMoment', 'secondMoment']
 * ```
 */
export function init(
  optimizer: SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer,
  net: Network,
): OptimizerState {
  const where = 'Optimizer.init';
  const checked = checkOptimizer(optimizer, where);
  const model = modelOf(net, where);
  return stateOf(checked, 0, model, zeroBuffers(checked, model));
}

/** Every buffer of `optimizer` for each layer of `model`, all zeros: the buffers of step 0. */
export function zeroBuffers(optimizer: AnyOptimizer, model: Model): LayerBuffers[] {
  const names = bufferNames(optimizer);
  return model.weights.map((w) => Object.fromEntries(names.map((name) => [name, new Float64Array(w.length)])));
}

/** The numbers the buffers of `optimizer` take beside `weights` in an arena (0 for plain SGD). */
export function bufferRoom(optimizer: AnyOptimizer, weights: readonly Float64Array[]): number {
  return residentRoom(weights, bufferNames(optimizer).length);
}

/**
 * Buffers for training `weights` (the working copy), each beside its layer's
 * weights in their arena when it has the room of {@link bufferRoom}, so the
 * SIMD kernels update them where they lie; holding the values of `from`.
 */
export function residentBuffers(from: readonly LayerBuffers[], weights: readonly Float64Array[]): LayerBuffers[] {
  return from.map((layer, l) => Object.fromEntries(Object.entries(layer).map(([name, values]) => {
    const resident = residentZeros(weights[l], values.length);
    resident.set(values);
    return [name, resident];
  })));
}

/** A plain object's own keys, or a refusal naming `what`. */
function objectAt(value: unknown, what: string, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValueError(`${where}: ${what} must be an object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Refuses keys of `value` outside `known`. */
function onlyKeys(value: Record<string, unknown>, known: readonly string[], what: string, where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ValueError(`${where}: ${what} has an unknown field "${key}"; its fields are ${known.join(', ') || 'none'}`);
    }
  }
}

/** Copies one buffer, refusing a wrong length or an entry that is not finite (or negative, for squares). */
function readBuffer(value: unknown, length: number, square: boolean, what: string, where: string): Float64Array {
  if (!Array.isArray(value)) throw new ValueError(`${where}: ${what} must be an array of numbers, got ${describeValue(value)}`);
  if (value.length !== length) {
    throw new ShapeError(`${where}: ${what} must have ${length} entries, got ${value.length}`, [length], [value.length]);
  }
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    const x: unknown = value[k];
    if (typeof x !== 'number' || !Number.isFinite(x) || (square && x < 0)) {
      throw new ValueError(`${where}: ${what}[${k}] must be a finite number${square ? ' >= 0' : ''}, got ${describeValue(x)}`);
    }
    out[k] = x;
  }
  return out;
}

/** Checks one layer's state against the layer's shape and copies its buffers. */
function readLayer(value: unknown, l: number, model: Model, names: readonly string[], where: string): LayerBuffers {
  const what = `state.layers[${l}]`;
  const layer = objectAt(value, what, where);
  onlyKeys(layer, ['rows', 'columns', 'buffers'], what, where);
  const rows = model.sizes[l] + 1;
  const columns = model.sizes[l + 1];
  if (layer.rows !== rows || layer.columns !== columns) {
    const actual = [layer.rows, layer.columns].map((x) => (typeof x === 'number' ? x : NaN));
    const size = (x: unknown): string => (typeof x === 'number' ? String(x) : describeValue(x));
    throw new ShapeError(
      `${where}: ${what} is for weights of ${size(layer.rows)} × ${size(layer.columns)}, but layer ${l} of the network has ${rows} × ${columns}`,
      [rows, columns], actual,
    );
  }
  const given = objectAt(layer.buffers, `${what}.buffers`, where);
  onlyKeys(given, names, `${what}.buffers`, where);
  const buffers: LayerBuffers = {};
  for (const name of names) {
    if (!Object.hasOwn(given, name)) throw new ValueError(`${where}: ${what}.buffers.${name} is missing`);
    buffers[name] = readBuffer(given[name], rows * columns, SQUARES.includes(name), `${what}.buffers.${name}`, where);
  }
  return buffers;
}

/**
 * Checks `state` against the optimiser and the network, and copies it: the
 * step count and, per layer, fresh buffers the step may update in place.
 */
export function readState(
  state: unknown, optimizer: AnyOptimizer, model: Model, where: string,
): { step: number; buffers: LayerBuffers[] } {
  const s = objectAt(state, 'state', where);
  onlyKeys(s, ['optimizer', 'step', 'layers'], 'state', where);
  if (s.optimizer !== optimizer.name) {
    throw new ValueError(`${where}: state belongs to optimizer ${describeValue(s.optimizer)}, but the optimizer is "${optimizer.name}"; make one with Optimizer.init`);
  }
  const step = s.step;
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || step >= Number.MAX_SAFE_INTEGER) {
    throw new ValueError(`${where}: state.step must be a non-negative integer, got ${describeValue(step)}`);
  }
  const count = model.weights.length;
  if (!Array.isArray(s.layers)) throw new ValueError(`${where}: state.layers must be an array, got ${describeValue(s.layers)}`);
  if (s.layers.length !== count) {
    throw new ShapeError(`${where}: state has ${s.layers.length} layers, but the network has ${count}`, [count], [s.layers.length]);
  }
  const names = bufferNames(optimizer);
  return { step, buffers: Array.from(s.layers as unknown[], (layer, l) => readLayer(layer, l, model, names, where)) };
}
