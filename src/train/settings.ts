/**
 * The options and data of `Network.train`, checked once before training
 * starts, with the defaults filled in.
 */
import { ShapeError, ValueError } from '../errors.js';
import type { Loss } from '../math/loss-type.js';
import { squaredError } from '../math/losses.js';
import type { EpochInfo, TrainOptions, ValidationData } from './options.js';
import { toFlat, type Flat, type MatrixLike } from '../boundary/convert.js';
import { rowViews, type Model } from '../engine/flat-model.js';
import {
  checkBoolean, checkFunction, checkNumber, checkOptionNames, checkPositiveInteger, NON_NEGATIVE,
} from '../boundary/options.js';
import { checkSeed } from '../engine/random.js';
import { checkColumns, checkLearningRate } from '../boundary/validate.js';
import { checkLoss } from '../math/loss-type.js';
import { describeValue } from '../boundary/describe.js';
import { checkOptimizer, sgdOf } from '../optim/build.js';
import type { AnyOptimizer } from '../optim/types.js';

const WHERE = 'Network.train';
const OPTION_NAMES = [
  'learningRate', 'epochs', 'batchSize', 'shuffle', 'seed', 'loss', 'onEpoch', 'validation',
  'optimizer', 'schedule', 'earlyStopping', 'resume',
];

/** Examples as the kernels take them: the inputs flat, the targets as row views. */
export interface Dataset {
  readonly x: Flat;
  readonly targetRows: readonly Float64Array[];
}

/** The options, checked, with their defaults filled in. */
export interface Settings {
  /** The optimiser: the one given, or plain SGD at `learningRate`. */
  readonly optimizer: AnyOptimizer;
  /** Whether `learningRate` was given: the fused steps of plain SGD, today's bits. */
  readonly plain: boolean;
  readonly schedule: ((epoch: number, learningRate: number) => number) | undefined;
  readonly earlyStopping: EarlyStopping | undefined;
  /** The checkpoint to go on from, unchecked yet (checkpoint.ts reads it against the data). */
  readonly resume: unknown;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly loss: Loss;
  readonly onEpoch: ((info: EpochInfo) => unknown) | undefined;
  readonly validation: Dataset | undefined;
}

function matrixOf(value: MatrixLike, columns: number, what: string, allocate?: (n: number) => Float64Array): Flat {
  const flat = toFlat(value, `${WHERE}: ${what}`, allocate);
  if (flat.rank !== 2) {
    throw new ShapeError(
      `${WHERE}: ${what} must be a matrix with one example per row, got a vector of ${flat.cols}; write one example as [[...]]`,
      [1, flat.cols],
      [flat.cols],
    );
  }
  checkColumns(flat, columns, WHERE, what);
  return flat;
}

/** The inputs and targets checked against `model`; `allocate` makes the buffer of the inputs (by default a new one). */
export function datasetOf(inputs: MatrixLike, targets: MatrixLike, model: Model, prefix: string, allocate?: (n: number) => Float64Array): Dataset {
  const x = matrixOf(inputs, model.sizes[0], `${prefix}inputs`, allocate);
  const outputs = model.sizes[model.sizes.length - 1];
  const t = matrixOf(targets, outputs, `${prefix}targets`);
  if (t.rows !== x.rows) {
    throw new ShapeError(
      `${WHERE}: ${prefix}targets must have a row for each of the ${x.rows} rows of ${prefix}inputs, got ${t.rows}`,
      [x.rows, outputs],
      [t.rows, outputs],
    );
  }
  return { x, targetRows: rowViews(t.data, t.rows) };
}

function validationOf(validation: unknown, model: Model): Dataset {
  const v = validation as Partial<ValidationData> | null;
  if (v === null || typeof v !== 'object' || v.inputs === undefined || v.targets === undefined) {
    throw new ValueError(`${WHERE}: validation must be an object { inputs, targets }, got ${describeValue(validation)}`);
  }
  return datasetOf(v.inputs, v.targets, model, 'validation.');
}

/** Early stopping, checked, its defaults filled in. */
export interface EarlyStopping {
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBest: boolean;
}

function earlyStoppingOf(value: unknown): EarlyStopping {
  const where = `${WHERE}: earlyStopping`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValueError(`${where} must be an object { patience, minDelta?, restoreBest? }, got ${describeValue(value)}`);
  }
  const { patience, minDelta = 0, restoreBest = true } = checkOptionNames(value as Record<string, unknown>, ['patience', 'minDelta', 'restoreBest'], where);
  return {
    patience: checkPositiveInteger(patience, 'earlyStopping.patience', WHERE),
    minDelta: checkNumber(minDelta, NON_NEGATIVE, 'earlyStopping.minDelta', WHERE),
    restoreBest: checkBoolean(restoreBest, 'earlyStopping.restoreBest', WHERE),
  };
}

/** The optimiser of the options: `optimizer`, or plain SGD at `learningRate`; never both. */
function optimizerOf(options: TrainOptions): { optimizer: AnyOptimizer; plain: boolean } {
  if (options.optimizer === undefined) {
    const learningRate = checkLearningRate(options.learningRate, WHERE);
    return { optimizer: sgdOf({ learningRate }, WHERE), plain: true };
  }
  if (options.learningRate !== undefined) {
    throw new ValueError(
      `${WHERE}: give learningRate or optimizer, not both (the optimizer has its own learningRate), got learningRate ${describeValue(options.learningRate)} and an optimizer`,
    );
  }
  return { optimizer: checkOptimizer(options.optimizer, WHERE), plain: false };
}

export function settingsOf(options: TrainOptions, model: Model): Settings {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const { batchSize = 1, shuffle = true, seed = 0, loss, onEpoch, validation, schedule, earlyStopping } = options;
  const { optimizer, plain } = optimizerOf(options);
  return {
    optimizer, plain,
    schedule: schedule === undefined ? undefined : checkFunction(schedule, 'schedule', WHERE),
    earlyStopping: earlyStopping === undefined ? undefined : earlyStoppingOf(earlyStopping),
    resume: options.resume,
    epochs: checkPositiveInteger(options.epochs, 'epochs', WHERE),
    batchSize: checkPositiveInteger(batchSize, 'batchSize', WHERE),
    shuffle: checkBoolean(shuffle, 'shuffle', WHERE),
    seed: checkSeed(seed, WHERE),
    loss: loss === undefined ? squaredError : checkLoss(loss, WHERE),
    onEpoch: onEpoch === undefined ? undefined : checkFunction(onEpoch, 'onEpoch', WHERE),
    validation: validation === undefined ? undefined : validationOf(validation, model),
  };
}
