/**
 * A strict TypeScript consumer (issue 9, item 15), compiled by `npm test`
 * with `tsc -p test/types/tsconfig.json`: `strict` and
 * `exactOptionalPropertyTypes` on. Every array the library returns is
 * assigned to a mutable type, options are written with explicit
 * `undefined` as `examples/iris.ts` writes them, and Float64Arrays are
 * passed as inputs. It only has to compile.
 */
import type { Matrix } from 'mathjs';
import {
  Activation, Data, FormatError, Network, type EpochInfo, type TrainOptions,
} from '../../src/index.js';

const net = Network.init([2, 3, 1], { seed: 1, activation: Activation.tanh, outputActivation: undefined });
const x = [[0, 1], [1, 0]];
const t = [[1], [1]];

const g = Network.gradient(net, x, t);
const weights: Matrix[] = g.weights;
const deltas: Matrix[] = g.deltas;
weights.push(deltas[0]);

const onEpoch: ((info: EpochInfo) => boolean | void) | undefined = undefined;
const validate = Math.random() > 2;
const options: TrainOptions = {
  learningRate: 0.1,
  epochs: 2,
  seed: 3,
  onEpoch,
  validation: validate ? { inputs: x, targets: t } : undefined,
};
const result = Network.train(net, x, t, options);
const losses: number[] = result.losses;
losses.push(0);
const validationLosses: number[] | undefined = result.validationLosses;

const split = Data.split(4, { testFraction: 0.5, seed: 1 });
const trainRows: number[] = split.train;

const one: Matrix = Network.predict(net, Float64Array.of(0.5, -1));
const batch: Matrix = Network.predict(net, [Float64Array.of(0.5, -1), Float64Array.of(1, 2)]);

try {
  Network.fromJSON('{}');
} catch (error) {
  if (error instanceof FormatError) {
    const path: string = error.path;
    void path;
  }
}

void [one, batch, trainRows, validationLosses];
