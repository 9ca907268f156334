/**
 * A small real regression: miles per gallon of 392 cars (the cars.json of the
 * npm package vega-datasets, rows with a missing value dropped) from six
 * numbers: cylinders, displacement, horsepower, weight, acceleration and
 * model year. A seeded 80/20 split (`Data.split`); inputs and target
 * standardised with the training split's statistics (`Data.fitStandardizer`,
 * `Data.standardize`); a 6-8-1 network (tanh hidden, identity
 * output, squared error) against a linear least-squares baseline fitted to
 * the same training split. Both are scored by the test RMSE in mpg.
 *
 * Run with `npx tsx examples/mpg.ts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lusolve, matrix, multiply, transpose, type Matrix } from 'mathjs';
import { Activation, Data, Network, type TrainOptions } from '../src/index.js';
import { isMain, pick, unstandardize } from './data.js';

/** The input columns of cars.json; `Year` ("1970-01-01") is read as its year. */
export const FEATURES = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year'];
const TARGET = 'Miles_per_Gallon';

/** What {@link trainMpg} returns. */
export interface MpgResult {
  /** The trained network: 6 standardised inputs, 1 standardised output. */
  readonly network: Network;
  /** The mean training loss of each epoch (standardised units). */
  readonly losses: readonly number[];
  /** The number of cars in each split. */
  readonly trainSize: number;
  readonly testSize: number;
  /** Test root-mean-square errors in miles per gallon. */
  readonly networkRmse: number;
  readonly linearRmse: number;
}

type Car = Record<string, number | string | null>;

/** The cars with every used field present, as inputs and targets. */
export function loadCars(): { inputs: number[][]; targets: number[][] } {
  // vega-datasets exports only its fetch helpers, so the JSON file is read from the package folder.
  const file = join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data', 'cars.json');
  const cars = (JSON.parse(readFileSync(file, 'utf8')) as Car[]).filter((car) =>
    [...FEATURES, TARGET].every((key) => car[key] !== null && car[key] !== undefined),
  );
  const value = (car: Car, key: string) => (key === 'Year' ? Number(String(car[key]).slice(0, 4)) : Number(car[key]));
  return {
    inputs: cars.map((car) => FEATURES.map((key) => value(car, key))),
    targets: cars.map((car) => [Number(car[TARGET])]),
  };
}

/** Least squares with an intercept: solves the normal equations `(AᵀA) β = Aᵀy` with `A = [1, x]`. */
export function fitLinear(inputs: number[][], targets: number[][]): (rows: number[][]) => number[][] {
  const a = matrix(inputs.map((row) => [1, ...row]));
  const at = transpose(a);
  const beta = (lusolve(multiply(at, a) as Matrix, multiply(at, matrix(targets)) as Matrix) as Matrix).toArray() as number[][];
  return (rows) => rows.map((row) => [row.reduce((sum, v, k) => sum + v * beta[k + 1][0], beta[0][0])]);
}

/** The root-mean-square error of one-column predictions. */
export function rmse(predicted: number[][], actual: number[][]): number {
  return Math.sqrt(predicted.reduce((sum, [p], i) => sum + (p - actual[i][0]) ** 2, 0) / predicted.length);
}

/** Trains 6-8-1 on 80 % of the cars; scores it and the linear baseline on the rest. */
export function trainMpg(seed = 1, step: Pick<TrainOptions, 'learningRate' | 'optimizer'> = { learningRate: 0.01 }): MpgResult {
  const { inputs, targets } = loadCars();
  const split = Data.split(inputs.length, { testFraction: 0.2, seed });
  const inputStandardizer = Data.fitStandardizer(pick(inputs, split.train));
  const targetStandardizer = Data.fitStandardizer(pick(targets, split.train));
  const trainX = Data.standardize(pick(inputs, split.train), inputStandardizer).toArray() as number[][];
  const trainY = Data.standardize(pick(targets, split.train), targetStandardizer).toArray() as number[][];
  const testX = Data.standardize(pick(inputs, split.test), inputStandardizer).toArray() as number[][];
  const testY = pick(targets, split.test);
  const net = Network.init([6, 8, 1], { seed, activation: Activation.tanh });
  const { network, losses } = Network.train(net, trainX, trainY, { ...step, epochs: 200, batchSize: 8, seed });
  const predicted = unstandardize(Network.predict(network, testX).toArray() as number[][], targetStandardizer);
  const linear = unstandardize(fitLinear(trainX, trainY)(testX), targetStandardizer);
  return {
    network,
    losses,
    trainSize: split.train.length,
    testSize: split.test.length,
    networkRmse: rmse(predicted, testY),
    linearRmse: rmse(linear, testY),
  };
}

if (isMain(import.meta.url)) {
  const result = trainMpg();
  console.log(`${result.trainSize} cars to train, ${result.testSize} to test`);
  console.log(`test RMSE: network ${result.networkRmse.toFixed(3)} mpg, linear baseline ${result.linearRmse.toFixed(3)} mpg`);
}
