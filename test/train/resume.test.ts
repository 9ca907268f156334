/**
 * Tests of `Network.train`'s `resume` and `TrainResult.checkpoint`.
 *
 * The property under test is the documented one: `a + b` epochs in one run
 * equal `a` epochs and then `b` more from the returned network with
 * `resume: checkpoint`, bit for bit (`toEqual` on weights and losses),
 * for every optimiser, shuffle on and off, batches of 1 and more. The
 * reference is the uninterrupted run, whose own correctness is pinned by
 * train.test.ts and train-optimizer.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network, Optimizer, Schedule, ValueError, type TrainCheckpoint, type TrainOptions } from '../../src/index.js';
import { createRandom, randomFromState } from '../../src/engine/random.js';
import { optimizerArbitrary, problemArbitrary, weightsOf } from '../support/train-problems.js';

const RUNS = { numRuns: 30, seed: 4242 };

/** Plain SGD (learningRate) or one of the optimisers. */
const stepper = fc.oneof(
  fc.constant({ learningRate: 0.1 } as Pick<TrainOptions, 'learningRate'>),
  optimizerArbitrary.map((optimizer) => ({ optimizer })),
);

describe('Network.train resume', () => {
  it('goes on bit for bit: a + b epochs equal a, then b more with resume (JSON round trip too)', () => {
    fc.assert(fc.property(
      problemArbitrary(), stepper, fc.boolean(), fc.constantFrom(1, 2, 3, 50), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.nat(1000),
      (p, how, shuffle, batchSize, a, b, seed) => {
        const options = { ...how, batchSize, shuffle, seed, schedule: Schedule.exponential({ gamma: 0.9 }) };
        const whole = Network.train(p.net, p.inputs, p.targets, { ...options, epochs: a + b });
        const first = Network.train(p.net, p.inputs, p.targets, { ...options, epochs: a });
        const epochs: number[] = [];
        const resume = JSON.parse(JSON.stringify(first.checkpoint)) as TrainCheckpoint;
        const rest = Network.train(first.network, p.inputs, p.targets, {
          ...options, epochs: b, resume, onEpoch: ({ epoch }) => { epochs.push(epoch); },
        });
        expect(weightsOf(rest.network)).toEqual(weightsOf(whole.network));
        expect([...first.losses, ...rest.losses]).toEqual(whole.losses);
        expect(rest.checkpoint).toEqual(whole.checkpoint);
        expect(epochs).toEqual(Array.from({ length: b }, (_, i) => a + i));
      },
    ), RUNS);
  });

  it('returns a checkpoint of plain JSON data: epochs, sizes, generator, order, optimizer state', () => {
    const net = Network.init([2, 2, 1], { seed: 1 });
    const result = Network.train(net, [[0, 1], [1, 0], [1, 1]], [[1], [1], [0]], { optimizer: Optimizer.adam(), epochs: 2, seed: 5 });
    const c = result.checkpoint;
    expect(Object.keys(c)).toEqual(['version', 'epochs', 'sizes', 'random', 'order', 'optimizer']);
    expect(c.version).toBe(1);
    expect(c.epochs).toBe(2);
    expect(c.sizes).toEqual([2, 2, 1]);
    expect([...c.order!].sort()).toEqual([0, 1, 2]);
    expect(c.optimizer!.step).toBe(6); // 2 epochs of 3 batches of 1
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(Object.isFrozen(c)).toBe(true);
    const plain = Network.train(net, [[0, 1]], [[1]], { learningRate: 0.1, epochs: 1, shuffle: false }).checkpoint;
    expect(plain).toEqual({ version: 1, epochs: 1, sizes: [2, 2, 1], random: null, order: null, optimizer: null });
  });

  it('gives, when read after later runs, the checkpoint of its own run (and the same object at every reading)', () => {
    // 40-40-3: wide enough that the working weights and Adam's buffers live in the kernels' memory,
    // which the next call of Network.train takes over.
    const net = Network.init([40, 40, 3], { seed: 2 });
    const rows = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 24 }, () => Array.from({ length: 40 }, () => random.nextDouble() * 2 - 1));
    };
    const [x, t] = [rows(1), rows(2).map((r) => r.slice(0, 3))];
    const options = { optimizer: Optimizer.adam(), batchSize: 8, seed: 3, earlyStopping: { patience: 5, restoreBest: true } };
    const whole = Network.train(net, x, t, { ...options, epochs: 5 });
    const first = Network.train(net, x, t, { ...options, epochs: 2 });
    Network.train(net, rows(3), rows(4).map((r) => r.slice(0, 3)), { ...options, epochs: 3 });
    const checkpoint = first.checkpoint;
    expect(first.checkpoint).toBe(checkpoint);
    expect(JSON.parse(JSON.stringify(first)).checkpoint).toEqual(JSON.parse(JSON.stringify(checkpoint)));
    const rest = Network.train(net, x, t, { ...options, epochs: 3, resume: checkpoint });
    expect(rest.losses).toEqual(whole.losses.slice(2));
    expect(weightsOf(rest.network)).toEqual(weightsOf(whole.network));
  });

  it('does not mutate the checkpoint it resumes from', () => {
    const net = Network.init([2, 3, 1], { seed: 3 });
    const data = [[[0, 1], [1, 0]], [[1], [0]]] as const;
    const first = Network.train(net, data[0], data[1], { optimizer: Optimizer.rmsprop({ momentum: 0.5 }), epochs: 1 });
    const copy = structuredClone(first.checkpoint);
    const thawed = structuredClone(first.checkpoint);
    Network.train(first.network, data[0], data[1], { optimizer: Optimizer.rmsprop({ momentum: 0.5 }), epochs: 2, resume: thawed });
    expect(first.checkpoint).toEqual(copy);
    expect(thawed).toEqual(copy);
  });

  describe('refuses a checkpoint that does not fit', () => {
    const net = Network.init([2, 3, 1], { seed: 6 });
    const inputs = [[0, 0], [0, 1], [1, 0]];
    const targets = [[0], [1], [1]];
    const adam = Optimizer.adam();
    const base = Network.train(net, inputs, targets, { optimizer: adam, epochs: 1 });
    const good = base.checkpoint;
    const resume = (checkpoint: unknown, options: Partial<TrainOptions> = { optimizer: adam }) =>
      () => Network.train(base.network, inputs, targets, { epochs: 1, ...options, resume: checkpoint as TrainCheckpoint });

    it.each([
      ['not an object', 7, /^Network\.train: resume must be a checkpoint from TrainResult\.checkpoint, got 7/],
      ['an unknown field', { ...good, extra: 1 }, /^Network\.train: resume has an unknown field "extra"; its fields are version, epochs/],
      ['another version', { ...good, version: 2 }, /^Network\.train: resume\.version must be 1, got 2$/],
      ['negative epochs', { ...good, epochs: -1 }, /^Network\.train: resume\.epochs must be an integer >= 0, got -1$/],
      ['epochs as a string', { ...good, epochs: '1' }, /^Network\.train: resume\.epochs must be an integer >= 0, got "1" \(a string\)$/],
      ['other sizes', { ...good, sizes: [2, 4, 1] }, /^Network\.train: resume\.sizes is \[2, 4, 1\], but the network's sizes are \[2, 3, 1\]/],
      ['sizes not an array', { ...good, sizes: 'x' }, /^Network\.train: resume\.sizes must be an array, got "x"/],
      ['three state words', { ...good, random: [1, 2, 3] }, /^Network\.train: resume\.random must have 4 state words, got 3$/],
      ['a state word out of range', { ...good, random: [1, 2, 3, 2 ** 32] }, /^Network\.train: resume\.random\[3\] must be an integer from 0 to 4294967295/],
      ['an order of other data', { ...good, order: [0, 1] }, /^Network\.train: resume\.order must have one entry per example, 3, got 2/],
      ['an order with a repeat', { ...good, order: [0, 1, 1] }, /^Network\.train: resume\.order must list every example once, got 1 twice$/],
      ['an order entry out of range', { ...good, order: [0, 1, 3] }, /^Network\.train: resume\.order\[2\] must be an integer from 0 to 2/],
      ['a tampered step count', { ...good, optimizer: { ...good.optimizer!, step: -1 } }, /^Network\.train: resume\.optimizer: state\.step must be a non-negative integer, got -1$/],
    ])('throws ValueError for %s', (_name, checkpoint, message) => {
      expect(resume(checkpoint)).toThrow(ValueError);
      expect(resume(checkpoint)).toThrow(message);
    });

    it('throws ValueError when the optimizer differs from the checkpoint\'s', () => {
      expect(resume(good, { optimizer: Optimizer.sgd({ learningRate: 0.1, momentum: 0.9 }) })).toThrow(
        /^Network\.train: resume\.optimizer: state belongs to optimizer "adam"( \(a string\))?, but the optimizer is "sgd"/,
      );
      expect(resume(good, { learningRate: 0.1 })).toThrow(
        /^Network\.train: resume\.optimizer says the checkpoint was made with an optimizer, but this run is given learningRate$/,
      );
    });

    it('throws ValueError when shuffle differs from the checkpoint\'s', () => {
      expect(resume(good, { optimizer: adam, shuffle: false })).toThrow(
        /^Network\.train: resume\.random is set: the checkpoint was made with shuffle, but this run has shuffle false$/,
      );
    });

    it('throws ValueError for a checkpoint of another network shape', () => {
      const other = Network.train(Network.init([2, 1]), inputs, targets, { optimizer: adam, epochs: 1 }).checkpoint;
      expect(resume(other)).toThrow(ValueError);
      expect(resume(other)).toThrow(/resume\.sizes is \[2, 1\], but the network's sizes are \[2, 3, 1\]; resume with the network the checkpoint's run returned$/);
    });
  });
});

describe('randomFromState', () => {
  it('goes on with the same stream as the generator whose state it got', () => {
    fc.assert(fc.property(fc.nat(2 ** 32 - 1), fc.nat(20), (seed, skip) => {
      const random = createRandom(seed);
      for (let i = 0; i < skip; i++) random.nextUint32();
      const copy = randomFromState(random.state());
      const a = Array.from({ length: 8 }, () => random.nextUint32());
      const b = Array.from({ length: 8 }, () => copy.nextUint32());
      expect(b).toEqual(a);
      expect(copy.state()).toEqual(random.state());
      expect(random.state().every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)).toBe(true);
    }), { numRuns: 50, seed: 7 });
  });
});
