/**
 * XOR, the classic that one layer cannot learn: a 2-4-1 network with a
 * sigmoid hidden layer and a sigmoid output, trained per example with the
 * binary cross-entropy, classifies all four points.
 *
 * Run with `npx tsx examples/xor.ts`.
 */
import { Activation, Loss, Network } from '../src/index.js';
import { isMain } from './data.js';

/** What {@link trainXor} returns. */
export interface XorResult {
  /** The trained network. */
  readonly network: Network;
  /** The mean loss of each epoch. */
  readonly losses: readonly number[];
  /** The output, the probability of class 1, for each of the four points. */
  readonly outputs: readonly number[];
  /** How many of the four points are classified right (output above 0.5 means 1). */
  readonly correct: number;
}

/** The four points and their XOR. */
export const XOR_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]];
export const XOR_TARGETS = [[0], [1], [1], [0]];

/** Trains 2-4-1 on XOR from the weights of `seed`. */
export function trainXor(seed = 1): XorResult {
  const net = Network.init([2, 4, 1], { seed, activation: Activation.sigmoid, outputActivation: Activation.sigmoid });
  const { network, losses } = Network.train(net, XOR_INPUTS, XOR_TARGETS, {
    learningRate: 1,
    epochs: 1000,
    seed,
    loss: Loss.binaryCrossEntropy,
  });
  const outputs = (Network.predict(network, XOR_INPUTS).toArray() as number[][]).map(([y]) => y);
  const correct = outputs.filter((y, i) => (y > 0.5 ? 1 : 0) === XOR_TARGETS[i][0]).length;
  return { network, losses, outputs, correct };
}

if (isMain(import.meta.url)) {
  const { losses, outputs, correct } = trainXor();
  XOR_INPUTS.forEach(([a, b], i) => console.log(`${a} xor ${b} = ${XOR_TARGETS[i][0]}: output ${outputs[i].toFixed(4)}`));
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)}; ${correct}/4 right`);
}
