/**
 * fast-check arbitraries of a network's data: inputs, targets, and both
 * together as one example or a batch.
 *
 * @module
 */
import * as fc from 'fast-check';
import { ValueError, type Network } from '../index.js';
import { vectorArbitrary } from './numbers.js';
import { checkKeys, checkSize, sizeRange, valueRange, type Bounds, type SizeRange, type ValueRange } from './options.js';

/** Options of {@link targetArbitrary}. */
export interface TargetOptions extends ValueRange {
  /**
   * What a target is: `'values'`, numbers from `min` to `max` (for the
   * squared error); `'one-hot'`, a single 1 among 0s; or `'probabilities'`,
   * numbers from 0 to 1 that sum to 1 (within rounding), as for
   * `Loss.softmaxCrossEntropy`. `min` and `max` go with `'values'` only.
   * @defaultValue `'values'`, from -1 to 1
   */
  readonly kind?: 'values' | 'one-hot' | 'probabilities' | undefined;
}

/** Options of {@link batchArbitrary}. */
export interface BatchOptions {
  /**
   * One example (a 1-D input and target), a batch (2-D, one example per
   * row), or either, drawn.
   * @defaultValue `'either'`
   */
  readonly shape?: 'example' | 'batch' | 'either' | undefined;
  /**
   * How many rows a batch has.
   * @defaultValue `{ min: 1, max: 4 }`
   */
  readonly rows?: SizeRange | undefined;
  /**
   * The range of every input.
   * @defaultValue `{ min: -1, max: 1 }`
   */
  readonly input?: ValueRange | undefined;
  /**
   * The kind and range of the targets; see {@link TargetOptions}.
   * @defaultValue `{ kind: 'values', min: -1, max: 1 }`
   */
  readonly target?: TargetOptions | undefined;
}

/**
 * An input with a matching target: both 1-D for one example, or both 2-D
 * (`B × inputs` and `B × outputs`) for a batch. Plain arrays, ready for
 * `Network.gradient`, `gradientCheck` and the rest.
 */
export interface NetworkData {
  /** The input: `inputs` numbers, or one row of them per example. */
  readonly input: number[] | number[][];
  /** The target, shaped like the network's output for `input`. */
  readonly target: number[] | number[][];
}

/** The checked batch options. */
export interface BatchSettings {
  readonly shape: 'example' | 'batch' | 'either';
  readonly rows: Bounds;
  readonly input: Bounds;
  readonly target: TargetSettings;
}

/** The checked target options. */
export interface TargetSettings {
  readonly kind: 'values' | 'one-hot' | 'probabilities';
  readonly range: Bounds;
}

/** The keys of {@link BatchOptions}. */
export const BATCH_KEYS = ['shape', 'rows', 'input', 'target'] as const;

const UNIT: Bounds = { min: -1, max: 1 };
const KINDS = ['values', 'one-hot', 'probabilities'];
const SHAPES = ['example', 'batch', 'either'];

/**
 * Random inputs for one example: `size` numbers, each drawn on its own from
 * the range. fast-check favours the ends of the range and 0, where bugs
 * (and relu's kink) live. Deterministic given fast-check's seed.
 *
 * @param size - how many inputs: a positive integer.
 * @param options - the range.
 * @defaultValue `options` is `{ min: -1, max: 1 }`
 * @throws {@link mathjs-backprop!ValueError | ValueError} if `size` is not a positive
 *   integer or the range is not finite with `min <= max`.
 * @returns an arbitrary of `number[]` of length `size`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { inputArbitrary } from 'mathjs-backprop/testing';
 * const [x] = fc.sample(inputArbitrary(4), { seed: 3, numRuns: 1 });
 * x.length; // => 4
 * x.every((v) => v >= -1 && v <= 1); // => true
 * ```
 */
export function inputArbitrary(size: number, options: ValueRange = {}): fc.Arbitrary<number[]> {
  const where = 'inputArbitrary';
  const n = checkSize(size, 'size', where);
  checkKeys(options, ['min', 'max'], where);
  return vectorArbitrary(n, valueRange(options, UNIT, 'options', where));
}

/**
 * Checks target options and fills in the defaults; `path` is how messages
 * name them: `''` for `targetArbitrary`'s own options, `'target.'` inside
 * another function's.
 */
export function targetSettings(options: unknown, where: string, path = ''): TargetSettings {
  const { kind = 'values', min, max } = checkKeys(options, ['kind', 'min', 'max'], path === '' ? where : `${where}: ${path.slice(0, -1)}`);
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    throw new ValueError(`${where}: ${path}kind must be one of ${KINDS.join(', ')}, got ${String(kind)}`);
  }
  if (kind !== 'values' && (min !== undefined || max !== undefined)) {
    throw new ValueError(`${where}: ${path}min and ${path}max go with kind 'values' only, not '${kind}'`);
  }
  return { kind: kind as TargetSettings['kind'], range: valueRange({ min, max }, UNIT, path === '' ? 'options' : path.slice(0, -1), where) };
}

/** One target of `size` entries, of the checked kind. */
export function targetOf(size: number, target: TargetSettings): fc.Arbitrary<number[]> {
  if (target.kind === 'one-hot') {
    return fc.integer({ min: 0, max: size - 1 }).map((hot) => Array.from({ length: size }, (_, k) => (k === hot ? 1 : 0)));
  }
  if (target.kind === 'probabilities') {
    return vectorArbitrary(size, { min: 0, max: 1 }).map((weights) => {
      const sum = weights.reduce((s, w) => s + w, 0);
      return weights.map((w) => (sum > 0 ? w / sum : 1 / size));
    });
  }
  return vectorArbitrary(size, target.range);
}

/**
 * Random targets for one example: `size` numbers from a range, a one-hot
 * row, or class probabilities. Deterministic given fast-check's seed.
 *
 * @param size - how many outputs: a positive integer.
 * @param options - the kind of target, and the range of `'values'`.
 * @throws {@link mathjs-backprop!ValueError | ValueError} if `size` is not a positive
 *   integer, `kind` is unknown, or the range is not finite with
 *   `min <= max`, or is given with another kind than `'values'`.
 * @returns an arbitrary of `number[]` of length `size`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { targetArbitrary } from 'mathjs-backprop/testing';
 * const [t] = fc.sample(targetArbitrary(3, { kind: 'one-hot' }), { seed: 5, numRuns: 1 });
 * t.length; // => 3
 * [...t].sort(); // => [0, 0, 1]
 * const [p] = fc.sample(targetArbitrary(3, { kind: 'probabilities' }), { seed: 5, numRuns: 1 });
 * Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-12; // => true
 * ```
 */
export function targetArbitrary(size: number, options: TargetOptions = {}): fc.Arbitrary<number[]> {
  const where = 'targetArbitrary';
  const n = checkSize(size, 'size', where);
  return targetOf(n, targetSettings(options, where));
}

/** Checks batch options and fills in the defaults. */
export function batchSettings(options: BatchOptions, where: string): BatchSettings {
  const { shape = 'either' } = options;
  if (typeof shape !== 'string' || !SHAPES.includes(shape)) {
    throw new ValueError(`${where}: shape must be one of ${SHAPES.join(', ')}, got ${String(shape)}`);
  }
  return {
    shape,
    rows: sizeRange(options.rows, { min: 1, max: 4 }, 'rows', where),
    input: valueRange(options.input, UNIT, 'input', where),
    target: targetSettings(options.target ?? {}, where, 'target.'),
  };
}

/** An input and target for a network of `inputs` inputs and `outputs` outputs. */
export function dataArbitrary(inputs: number, outputs: number, settings: BatchSettings): fc.Arbitrary<NetworkData> {
  const batch = settings.shape === 'either' ? fc.boolean() : fc.constant(settings.shape === 'batch');
  return fc.tuple(batch, fc.integer(settings.rows)).chain(([isBatch, count]) => {
    const rows = isBatch ? count : 1;
    const pair = fc.tuple(vectorArbitrary(inputs, settings.input), targetOf(outputs, settings.target));
    return fc.array(pair, { minLength: rows, maxLength: rows }).map((examples) => ({
      input: isBatch ? examples.map(([x]) => x) : examples[0][0],
      target: isBatch ? examples.map(([, t]) => t) : examples[0][1],
    }));
  });
}

/** The input and output sizes of a network, checked. */
function endsOf(net: Network, where: string): [number, number] {
  const layers = (net as Partial<Network> | null)?.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new ValueError(`${where}: expected a Network with at least one layer, got ${String(net)}`);
  }
  return [layers[0].inputSize, layers[layers.length - 1].outputSize];
}

/**
 * Random data that fits a network: an input of its input size and a target
 * of its output size, as one example (1-D) or a batch of rows (2-D).
 * Deterministic given fast-check's seed. To draw the network too, chain:
 * `networkArbitrary().chain((net) => batchArbitrary(net).map((data) => ({ net, ...data })))`,
 * or use {@link gradientCase}.
 *
 * @param net - the network the data is for; only its sizes are read.
 * @param options - one example or a batch, the rows, and the ranges.
 * @throws {@link mathjs-backprop!ValueError | ValueError} if `net` has no layers or an
 *   option is unknown or out of range.
 * @returns an arbitrary of `{ input, target }`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Network } from 'mathjs-backprop';
 * import { batchArbitrary } from 'mathjs-backprop/testing';
 * const net = Network.init([2, 3, 1], { seed: 1 });
 * const [batch] = fc.sample(batchArbitrary(net, { shape: 'batch', rows: 5 }), { seed: 1, numRuns: 1 });
 * [batch.input.length, (batch.input as number[][])[0].length]; // => [5, 2]
 * Network.predict(net, batch.input).size(); // => [5, 1]
 * const [one] = fc.sample(batchArbitrary(net, { shape: 'example' }), { seed: 1, numRuns: 1 });
 * [one.input.length, one.target.length]; // => [2, 1]
 * ```
 */
export function batchArbitrary(net: Network, options: BatchOptions = {}): fc.Arbitrary<NetworkData> {
  const where = 'batchArbitrary';
  const [inputs, outputs] = endsOf(net, where);
  checkKeys(options, BATCH_KEYS, where);
  return dataArbitrary(inputs, outputs, batchSettings(options, where));
}
