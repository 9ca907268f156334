/**
 * Random training problems for the tests of `Network.train`'s optimiser,
 * resume and early-stopping options: a network from `Network.init`, data
 * that fits it, and each optimiser with small non-default settings.
 */
import fc from 'fast-check';
import { Activation, Network, Optimizer } from '../../src/index.js';
import { createRandom, shuffleInPlace } from '../../src/engine/random.js';

export interface Problem {
  readonly net: Network;
  readonly inputs: number[][];
  readonly targets: number[][];
}

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });

/** A network of 2 to 3 layers of 1 to 4 neurons and 1 to `maxRows` examples for it. */
export function problemArbitrary(maxRows = 9): fc.Arbitrary<Problem> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
      rows: fc.integer({ min: 1, max: maxRows }),
      seed: fc.integer({ min: 0, max: 1000 }),
      activation: fc.constantFrom(Activation.sigmoid, Activation.tanh, Activation.softplus),
    })
    .chain(({ sizes, rows, seed, activation }) => {
      const matrixOf = (cols: number) =>
        fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
      return fc.record({
        net: fc.constant(Network.init(sizes, { seed, activation })),
        inputs: matrixOf(sizes[0]),
        targets: matrixOf(sizes[sizes.length - 1]),
      });
    });
}

/** Every optimiser, each with settings that exercise its buffers. */
export const OPTIMIZERS = [
  Optimizer.sgd({ learningRate: 0.1 }),
  Optimizer.sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  Optimizer.sgd({ learningRate: 0.05, momentum: 0.5, dampening: 0.1 }),
  Optimizer.adam({ learningRate: 0.01 }),
  Optimizer.adam({ learningRate: 0.01, weightDecay: 0.1, decayBias: true }),
  Optimizer.adamW({ learningRate: 0.01 }),
  Optimizer.rmsprop({ learningRate: 0.01 }),
  Optimizer.rmsprop({ learningRate: 0.01, momentum: 0.5, weightDecay: 0.01 }),
] as const;

export type AnyOptimizer = (typeof OPTIMIZERS)[number];

export const optimizerArbitrary: fc.Arbitrary<AnyOptimizer> = fc.constantFrom(...OPTIMIZERS);

export function weightsOf(net: Network): number[][][] {
  return net.layers.map((layer) => layer.weights.toArray() as number[][]);
}

/** The documented shuffle: Fisher–Yates of the previous order, seeded once. */
export function shuffledOrders(rows: number, seed: number): () => number[] {
  const random = createRandom(seed);
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  return () => {
    shuffleInPlace(order, random);
    return Array.from(order);
  };
}

export const inOrder = (rows: number) => (): number[] => Array.from({ length: rows }, (_, i) => i);
