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
import { checkBoolean, checkFunction, checkOptionNames, checkPositiveInteger } from '../boundary/options.js';
import { checkSeed } from '../engine/random.js';
import { checkColumns, checkLearningRate } from '../boundary/validate.js';
import { checkLoss } from '../math/loss-type.js';
import { describeValue } from '../boundary/describe.js';

const WHERE = 'Network.train';
const OPTION_NAMES = ['learningRate', 'epochs', 'batchSize', 'shuffle', 'seed', 'loss', 'onEpoch', 'validation'];

/** Examples as the kernels take them: the inputs flat, the targets as row views. */
export interface Dataset {
  readonly x: Flat;
  readonly targetRows: readonly Float64Array[];
}

/** The options, checked, with their defaults filled in. */
export interface Settings {
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly loss: Loss;
  readonly onEpoch: ((info: EpochInfo) => unknown) | undefined;
  readonly validation: Dataset | undefined;
}

function matrixOf(value: MatrixLike, columns: number, what: string): Flat {
  const flat = toFlat(value, `${WHERE}: ${what}`);
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

export function datasetOf(inputs: MatrixLike, targets: MatrixLike, model: Model, prefix: string): Dataset {
  const x = matrixOf(inputs, model.sizes[0], `${prefix}inputs`);
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

export function settingsOf(options: TrainOptions, model: Model): Settings {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const { batchSize = 1, shuffle = true, seed = 0, loss, onEpoch, validation } = options;
  return {
    learningRate: checkLearningRate(options.learningRate, WHERE),
    epochs: checkPositiveInteger(options.epochs, 'epochs', WHERE),
    batchSize: checkPositiveInteger(batchSize, 'batchSize', WHERE),
    shuffle: checkBoolean(shuffle, 'shuffle', WHERE),
    seed: checkSeed(seed, WHERE),
    loss: loss === undefined ? squaredError : checkLoss(loss, WHERE),
    onEpoch: onEpoch === undefined ? undefined : checkFunction(onEpoch, 'onEpoch', WHERE),
    validation: validation === undefined ? undefined : validationOf(validation, model),
  };
}
