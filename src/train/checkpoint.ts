/**
 * The checkpoint of `Network.train`: written as plain JSON data after a
 * run, read back and checked field by field when a run resumes from it.
 * What it holds is exactly what the loop carries from one epoch to the
 * next besides the weights: the epoch count, the shuffle generator's state
 * and the order it shuffles, the optimiser's state and early stopping's
 * watch (with, under `restoreBest`, the last epoch's weights, since the
 * network returned is the best epoch's).
 */
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import { checkNumber } from '../boundary/options.js';
import type { Model } from '../engine/flat-model.js';
import { MAX_SEED, randomFromState, type Random } from '../engine/random.js';
import { readState, stateOf, zeroBuffers, type LayerBuffers } from '../optim/state.js';
import type { AnyOptimizer } from '../optim/types.js';
import type { TrainCheckpoint } from './options.js';
import type { EarlyStopping } from './settings.js';
import { createWatch, readWatch, watchCheckpoint, type Watch } from './early-stop.js';

const WHERE = 'Network.train';
const FIELDS = ['version', 'epochs', 'sizes', 'random', 'order', 'optimizer', 'earlyStopping'];

/** What the loop carries between epochs, but the weights: the checkpoint in working form. */
export interface Progress {
  /** Epochs done in all. */
  epochs: number;
  /** The shuffle generator, or null without shuffling. */
  readonly random: Random | null;
  /** The order of the examples, shuffled in place each epoch. */
  readonly order: Uint32Array;
  /** The optimiser's step count. */
  step: number;
  /** The optimiser's buffers, updated in place; empty for plain SGD. */
  buffers: LayerBuffers[];
  /** Early stopping's watch, or null without early stopping. */
  readonly watch: Watch | null;
  /** The weights to go on from when the checkpoint has them (see `readWatch`), else null: the network's. */
  readonly weights: Float64Array[] | null;
}

/** Refuses `value` unless it is an array; names it `resume.<what>`. */
function arrayAt(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ValueError(`${WHERE}: resume.${what} must be an array, got ${describeValue(value)}`);
  return value;
}

/** The sizes must be the network's, entry by entry. */
function checkSizes(value: unknown, model: Model): void {
  const sizes = arrayAt(value, 'sizes');
  if (sizes.length !== model.sizes.length || sizes.some((s, i) => s !== model.sizes[i])) {
    throw new ValueError(
      `${WHERE}: resume.sizes is [${sizes.map((s) => describeValue(s)).join(', ')}], but the network's sizes are [${model.sizes.join(', ')}]; resume with the network the checkpoint's run returned`,
    );
  }
}

/** Four state words, each an integer from 0 to 2^32 - 1. */
function randomOf(value: unknown): Random {
  const words = arrayAt(value, 'random');
  if (words.length !== 4) throw new ValueError(`${WHERE}: resume.random must have 4 state words, got ${words.length}`);
  const checked = words.map((w, i) => checkNumber(w, { integer: true, min: 0, max: MAX_SEED }, `resume.random[${i}]`, WHERE));
  return randomFromState([checked[0], checked[1], checked[2], checked[3]]);
}

/** A permutation of `0 .. rows - 1`. */
function orderOf(value: unknown, rows: number): Uint32Array {
  const order = arrayAt(value, 'order');
  if (order.length !== rows) {
    throw new ValueError(`${WHERE}: resume.order must have one entry per example, ${rows}, got ${order.length}; resume on the same data`);
  }
  const seen = new Uint8Array(rows);
  const out = new Uint32Array(rows);
  order.forEach((r, i) => {
    const row = checkNumber(r, { integer: true, min: 0, max: rows - 1 }, `resume.order[${i}]`, WHERE);
    if (seen[row] === 1) throw new ValueError(`${WHERE}: resume.order must list every example once, got ${row} twice`);
    seen[row] = 1;
    out[i] = row;
  });
  return out;
}

/** The optimiser state of the checkpoint, which must belong to `optimizer`; none for plain SGD. */
function optimizerOf(value: unknown, optimizer: AnyOptimizer, plain: boolean, model: Model): { step: number; buffers: LayerBuffers[] } {
  if (plain !== (value === null)) {
    const made = value === null ? 'plain SGD (learningRate)' : 'an optimizer';
    const given = plain ? 'learningRate' : 'an optimizer';
    throw new ValueError(`${WHERE}: resume.optimizer says the checkpoint was made with ${made}, but this run is given ${given}`);
  }
  if (plain) return { step: 0, buffers: [] };
  return readState(value, optimizer, model, `${WHERE}: resume.optimizer`);
}

/** The progress of a fresh run: no epochs, the generator from `seed`, the rows in order, zero buffers, a fresh watch. */
export function freshProgress(
  optimizer: AnyOptimizer, plain: boolean, model: Model, rows: number, random: Random | null, rule: EarlyStopping | undefined,
): Progress {
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  return { epochs: 0, random, order, step: 0, buffers: plain ? [] : zeroBuffers(optimizer, model), watch: rule ? createWatch() : null, weights: null };
}

/**
 * Checks `resume` against the network, the data and the options, and
 * returns the progress to go on from. Every field is checked, unknown
 * fields refused, each named in its message.
 */
export function readCheckpoint(
  resume: unknown, optimizer: AnyOptimizer, plain: boolean, shuffle: boolean, model: Model, rows: number, rule: EarlyStopping | undefined,
): Progress {
  if (resume === null || typeof resume !== 'object' || Array.isArray(resume)) {
    throw new ValueError(`${WHERE}: resume must be a checkpoint from TrainResult.checkpoint, got ${describeValue(resume)}`);
  }
  const c = resume as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (!FIELDS.includes(key)) throw new ValueError(`${WHERE}: resume has an unknown field "${key}"; its fields are ${FIELDS.join(', ')}`);
  }
  if (c.version !== 1) throw new ValueError(`${WHERE}: resume.version must be 1, got ${describeValue(c.version)}`);
  const epochs = checkNumber(c.epochs, { integer: true, min: 0 }, 'resume.epochs', WHERE);
  checkSizes(c.sizes, model);
  if (shuffle !== (c.random !== null)) {
    throw new ValueError(
      `${WHERE}: resume.random is ${c.random === null ? 'null: the checkpoint was made without' : 'set: the checkpoint was made with'} shuffle, but this run has shuffle ${shuffle}`,
    );
  }
  const random = shuffle ? randomOf(c.random) : null;
  if (!shuffle && c.order !== null) throw new ValueError(`${WHERE}: resume.order must be null without shuffle, got ${describeValue(c.order)}`);
  const order = shuffle ? orderOf(c.order, rows) : Uint32Array.from({ length: rows }, (_, i) => i);
  return { epochs, random, order, ...optimizerOf(c.optimizer, optimizer, plain, model), ...readWatch(c.earlyStopping, rule, epochs, model) };
}

/**
 * The checkpoint of `progress` and the loop's `weights` as they are now:
 * plain JSON data, frozen, made the first time the returned function is
 * called.
 *
 * NOTE: writing the optimiser's buffers out as frozen arrays of numbers
 * costs about 13 ms per 100,000 numbers, which for Adam on MNIST's
 * 784-128-10 was half again the time of an epoch, in every call, read or
 * not. So the end of a run only copies what the checkpoint needs (the
 * buffers, the order and, with `restoreBest`, the last weights: one memory
 * copy each), and the arrays are written when `checkpoint` is first read.
 */
export function checkpointLater(
  progress: Progress, optimizer: AnyOptimizer, plain: boolean, model: Model, rule: EarlyStopping | undefined, weights: readonly Float64Array[],
): () => TrainCheckpoint {
  const { epochs, step } = progress;
  const random = progress.random === null ? null : Object.freeze(progress.random.state());
  const order = progress.random === null ? null : progress.order.slice();
  const buffers = plain ? [] : progress.buffers.map((layer) => copyBuffers(layer));
  const watch = progress.watch === null || rule === undefined ? null : { ...progress.watch };
  const last = watch !== null && rule?.restoreBest === true ? weights.map((w) => w.slice()) : [];
  let made: TrainCheckpoint | undefined;
  return () => {
    made ??= Object.freeze({
      version: 1,
      epochs,
      sizes: Object.freeze([...model.sizes]),
      random,
      order: order === null ? null : Object.freeze(Array.from(order)),
      optimizer: plain ? null : stateOf(optimizer, step, model, buffers),
      ...(watch !== null && rule !== undefined ? { earlyStopping: watchCheckpoint(watch, rule, last) } : {}),
    });
    return made;
  };
}

/** A copy of each of a layer's optimiser buffers. */
function copyBuffers(layer: LayerBuffers): LayerBuffers {
  const copy: Record<string, Float64Array> = {};
  for (const name of Object.keys(layer)) copy[name] = layer[name].slice();
  return copy;
}
