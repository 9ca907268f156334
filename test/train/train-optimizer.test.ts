/**
 * Tests of `Network.train` with `optimizer` and `schedule`.
 *
 * Source of expected values: `Optimizer.step` (tested against PyTorch's
 * formulas in test/optim) called by hand with `Network.gradient` of the
 * same batches in the same order, with the learning rate of each epoch set
 * by hand as the schedule is documented. `train` must match bit for bit
 * (`toEqual` on weights and losses): both run the same kernels on the same
 * numbers in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network, Optimizer, Schedule, ValueError } from '../../src/index.js';
import {
  inOrder, optimizerArbitrary, OPTIMIZERS, problemArbitrary, shuffledOrders, weightsOf,
  type AnyOptimizer, type Problem,
} from '../support/train-problems.js';

const RUNS = { numRuns: 25, seed: 20240610 };

/** `epochs` passes of `Optimizer.step` over batches of `nextOrder()`, epoch `e` at rate `rateOf(e)`. */
function byHand(p: Problem, o: AnyOptimizer, epochs: number, batchSize: number, nextOrder: () => number[], rateOf: (e: number) => number) {
  let net = p.net;
  let state = Optimizer.init(o, net);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = nextOrder();
    const epochOptimizer = { ...o, learningRate: rateOf(epoch) } as AnyOptimizer;
    const batchLosses: number[] = [];
    for (let start = 0; start < order.length; start += batchSize) {
      const rows = order.slice(start, start + batchSize);
      const g = Network.gradient(net, rows.map((r) => p.inputs[r]), rows.map((r) => p.targets[r]));
      batchLosses.push(g.loss);
      ({ network: net, state } = Optimizer.step(epochOptimizer, net, g.weights, state));
    }
    losses.push(batchLosses.reduce((sum, loss) => sum + loss, 0) / batchLosses.length);
  }
  return { net, losses, state };
}

describe('Network.train with optimizer', () => {
  it('equals the same sequence of Optimizer.step calls, bit for bit, in order', () => {
    fc.assert(fc.property(problemArbitrary(), optimizerArbitrary, fc.integer({ min: 1, max: 4 }), (p, o, batchSize) => {
      const result = Network.train(p.net, p.inputs, p.targets, { optimizer: o, epochs: 3, batchSize, shuffle: false });
      const expected = byHand(p, o, 3, batchSize, inOrder(p.inputs.length), () => o.learningRate);
      expect(weightsOf(result.network)).toEqual(weightsOf(expected.net));
      expect(result.losses).toEqual(expected.losses);
      expect(result.checkpoint.optimizer).toEqual(expected.state);
    }), RUNS);
  });

  it('equals the same sequence of Optimizer.step calls in the seeded shuffled order', () => {
    fc.assert(fc.property(problemArbitrary(), optimizerArbitrary, fc.integer({ min: 1, max: 3 }), fc.nat(1000), (p, o, batchSize, seed) => {
      const result = Network.train(p.net, p.inputs, p.targets, { optimizer: o, epochs: 2, batchSize, seed });
      const expected = byHand(p, o, 2, batchSize, shuffledOrders(p.inputs.length, seed), () => o.learningRate);
      expect(weightsOf(result.network)).toEqual(weightsOf(expected.net));
      expect(result.losses).toEqual(expected.losses);
    }), RUNS);
  });

  it('with Optimizer.sgd({ learningRate }) gives the weights of plain learningRate on batches', () => {
    fc.assert(fc.property(problemArbitrary(), fc.integer({ min: 2, max: 4 }), (p, batchSize) => {
      const options = { epochs: 2, batchSize, seed: 3 };
      const plain = Network.train(p.net, p.inputs, p.targets, { ...options, learningRate: 0.1 });
      const sgd = Network.train(p.net, p.inputs, p.targets, { ...options, optimizer: Optimizer.sgd({ learningRate: 0.1 }) });
      expect(weightsOf(sgd.network)).toEqual(weightsOf(plain.network));
      expect(sgd.losses).toEqual(plain.losses);
    }), RUNS);
  });

  it('does not mutate the optimizer or the network', () => {
    const p: Problem = { net: Network.init([2, 3, 1], { seed: 2 }), inputs: [[0, 1], [1, 0]], targets: [[1], [0]] };
    const before = weightsOf(p.net);
    for (const o of OPTIMIZERS) {
      const copy = { ...o };
      Network.train(p.net, p.inputs, p.targets, { optimizer: o, epochs: 2 });
      expect(o).toEqual(copy);
      expect(Object.isFrozen(o)).toBe(true);
    }
    expect(weightsOf(p.net)).toEqual(before);
  });

  it('throws ValueError naming both when learningRate and optimizer are given', () => {
    const call = () => Network.train(Network.init([1, 1]), [[1]], [[1]], { learningRate: 0.1, optimizer: Optimizer.adam(), epochs: 1 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: give learningRate or optimizer, not both .*got learningRate 0\.1 and an optimizer$/);
  });

  it('throws ValueError for something that is not an optimizer', () => {
    const call = () => Network.train(Network.init([1, 1]), [[1]], [[1]], { optimizer: { name: 'lion' } as never, epochs: 1 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: optimizer must be one made by Optimizer\.sgd, adam, adamW or rmsprop, got an object with name "lion"/);
  });
});

describe('Network.train with schedule', () => {
  it('steps epoch e with schedule(e, base), base being the optimizer\'s rate', () => {
    fc.assert(fc.property(problemArbitrary(), optimizerArbitrary, fc.integer({ min: 1, max: 3 }), (p, o, batchSize) => {
      const schedule = Schedule.step({ every: 1, factor: 0.5 });
      const result = Network.train(p.net, p.inputs, p.targets, { optimizer: o, schedule, epochs: 3, batchSize, shuffle: false });
      // By hand: step({ every: 1, factor: 0.5 }) is base · 0.5^e.
      const expected = byHand(p, o, 3, batchSize, inOrder(p.inputs.length), (e) => o.learningRate * 0.5 ** e);
      expect(weightsOf(result.network)).toEqual(weightsOf(expected.net));
      expect(result.losses).toEqual(expected.losses);
    }), RUNS);
  });

  it('steps plain SGD epoch e with schedule(e, learningRate), as Network.sgdStep at that rate', () => {
    const p: Problem = { net: Network.init([2, 2, 1], { seed: 9 }), inputs: [[0, 1], [1, 0], [1, 1]], targets: [[1], [1], [0]] };
    const seen: [number, number][] = [];
    const schedule = (epoch: number, rate: number) => { seen.push([epoch, rate]); return rate / (epoch + 1); };
    const result = Network.train(p.net, p.inputs, p.targets, { learningRate: 0.3, schedule, epochs: 3, shuffle: false, batchSize: 2 });
    expect(seen).toEqual([[0, 0.3], [1, 0.3], [2, 0.3]]);
    let net = p.net;
    for (let e = 0; e < 3; e++) {
      net = Network.sgdStep(net, p.inputs.slice(0, 2), p.targets.slice(0, 2), { learningRate: 0.3 / (e + 1) });
      net = Network.sgdStep(net, p.inputs.slice(2), p.targets.slice(2), { learningRate: 0.3 / (e + 1) });
    }
    expect(weightsOf(result.network)).toEqual(weightsOf(net));
  });

  it.each([[0], [-1], [NaN], [Infinity], ['0.1']])('throws ValueError naming the epoch when the schedule returns %j', (bad) => {
    const schedule = (epoch: number, rate: number) => (epoch === 1 ? bad : rate) as number;
    const call = () => Network.train(Network.init([1, 1]), [[1]], [[1]], { learningRate: 0.1, schedule, epochs: 3 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: schedule must return a positive finite learning rate, got .* for epoch 1$/);
  });

  it('throws ValueError when the schedule is not a function', () => {
    const call = () => Network.train(Network.init([1, 1]), [[1]], [[1]], { learningRate: 0.1, schedule: 0.5 as never, epochs: 1 });
    expect(call).toThrow(/^Network\.train: schedule must be a function, got 0\.5/);
  });
});
