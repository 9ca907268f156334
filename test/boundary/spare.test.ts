/**
 * Tests of src/boundary/spare.ts: one spare buffer, taken whole by the next
 * caller that needs exactly its length, and of `Network.train`, which
 * converts its inputs into it: stale numbers in the spare never reach a
 * result, and a call nested in `onEpoch` does not share the buffer of the
 * call around it.
 */
import { describe, expect, it } from 'vitest';
import { giveSpare, takeSpare } from '../../src/boundary/spare.js';
import { Network, type TrainOptions } from '../../src/index.js';

describe('takeSpare and giveSpare', () => {
  it('lend the spare once, to a caller of exactly its length', () => {
    const buffer = new Float64Array(5);
    giveSpare(buffer);
    expect(takeSpare(4)).not.toBe(buffer);
    expect(takeSpare(5)).toBe(buffer);
    expect(takeSpare(5)).not.toBe(buffer);
  });
});

describe('Network.train with the spare', () => {
  const net = Network.init([2, 3, 1], { seed: 4 });
  const options: TrainOptions = { learningRate: 0.1, epochs: 3, seed: 2 };
  const a = [[1, 2], [3, -1], [0.5, 0.25]];
  const b = [[-2, 1], [0, 4], [1, 1]];
  const t = [[1], [0], [2]];
  const weights = (n: Network) => JSON.stringify(Network.toJSON(n));

  it('gives the network of a first call when it converts into the spare of a call on other data', () => {
    const first = weights(Network.train(net, b, t, options).network);
    Network.train(net, a, t, options);
    expect(weights(Network.train(net, b, t, options).network)).toBe(first);
  });

  it('gives the same networks when a call runs inside the onEpoch of another on the same data', () => {
    const inner = weights(Network.train(net, b, t, options).network);
    const outer = weights(Network.train(net, a, t, options).network);
    const nested: string[] = [];
    const around = Network.train(net, a, t, { ...options, onEpoch: () => { nested.push(weights(Network.train(net, b, t, options).network)); } });
    expect(weights(around.network)).toBe(outer);
    expect(nested).toEqual([inner, inner, inner]);
  });
});
