/**
 * Float64Array inputs (issue 9, item 15): one Float64Array is one example,
 * an array of them a batch, and they give what the same numbers in plain
 * arrays give. Option objects with explicit `undefined` values are taken
 * as absent. (The types are checked by test/types/consumer.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network } from '../../src/index.js';

const net = Network.create([Layer.create([[1], [2], [3]], Activation.identity)]);

describe('Float64Array inputs', () => {
  it('takes a Float64Array as one example (by hand: -1 + 2·0.5 + 3·-1 = -3)', () => {
    expect(Network.predict(net, Float64Array.of(0.5, -1)).toArray()).toEqual([-3]);
  });

  it('takes an array of Float64Arrays as a batch (by hand: -3 and -1 + 2 + 6 = 7)', () => {
    expect(Network.predict(net, [Float64Array.of(0.5, -1), Float64Array.of(1, 2)]).toArray()).toEqual([[-3], [7]]);
  });

  it('does not change the Float64Array it reads', () => {
    const input = Float64Array.of(0.5, -1);
    Network.sgdStep(net, input, [0], { learningRate: 0.1 });
    expect(Array.from(input)).toEqual([0.5, -1]);
  });
});

describe('options with explicit undefined', () => {
  it('trains with onEpoch: undefined and validation: undefined as without them', () => {
    const data = [[0, 1], [1, 0]];
    const targets = [[1], [0]];
    const plain = Network.train(net, data, targets, { learningRate: 0.1, epochs: 2, seed: 1 });
    const explicit = Network.train(net, data, targets, { learningRate: 0.1, epochs: 2, seed: 1, onEpoch: undefined, validation: undefined });
    expect(explicit.losses).toEqual(plain.losses);
  });
});
