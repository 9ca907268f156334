/**
 * The networks test/engine/hosts.test.ts trains in every host: a 2-3-1
 * sigmoid network (the compiled step's size) per example, and a 20-33-7 tanh
 * network (the SIMD kernels' size) per example and in batches of 5.
 */
import type { Activation as ActivationNs, Network as NetworkNs } from '../../src/index.js';

/** Seeded numbers in [-1, 1): a small linear congruential generator, the same in every process. */
function numbers(count: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

function rows(values: number[], width: number): number[][] {
  return Array.from({ length: values.length / width }, (_, r) => values.slice(r * width, (r + 1) * width));
}

const hex = (x: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16);
};

/** The trained weights of every case, as hexadecimal bits. */
export function trainedBits(Network: typeof NetworkNs, Activation: typeof ActivationNs): string[][] {
  const cases = [
    { sizes: [2, 3, 1], activation: Activation.sigmoid, batchSize: 1 },
    { sizes: [20, 33, 7], activation: Activation.tanh, batchSize: 1 },
    { sizes: [20, 33, 7], activation: Activation.sigmoid, batchSize: 5 },
  ];
  return cases.map(({ sizes, activation, batchSize }, c) => {
    const net = Network.init(sizes, { activation, seed: 7 + c });
    const x = rows(numbers(sizes[0] * 40, 11 + c), sizes[0]);
    const t = rows(numbers(sizes[2] * 40, 13 + c), sizes[2]);
    const trained = Network.train(net, x, t, { learningRate: 0.05, epochs: 3, batchSize, seed: 1 }).network;
    return trained.layers.flatMap((layer) => (layer.weights.toArray() as number[][]).flat().map(hex));
  });
}
