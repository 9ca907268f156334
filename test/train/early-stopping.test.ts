/**
 * Tests of `Network.train`'s `earlyStopping`.
 *
 * Sources: the documented rule worked out on the run's own loss history
 * (the best epoch is the first lowest loss that beat the best before it by
 * more than minDelta; training stops `patience` epochs after it), and a
 * fresh run of `bestEpoch + 1` epochs, whose weights `restoreBest` must
 * equal bit for bit; the checkpoint is that of a fresh run of the epochs
 * run, plus the watch. Across `resume`, the reference is the uninterrupted
 * run: `a + b` epochs equal `a`, then `b` more from the checkpoint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, Optimizer, ValueError, type TrainCheckpoint, type TrainOptions } from '../../src/index.js';
import { optimizerArbitrary, problemArbitrary, weightsOf } from '../support/train-problems.js';

const RUNS = { numRuns: 25, seed: 99 };

/** The rule by hand over a history: [bestEpoch, epochs run]. */
function ruleByHand(watched: readonly number[], patience: number, minDelta: number): [number, number] {
  let best = Infinity;
  let bestEpoch = -1;
  let wait = 0;
  for (let e = 0; e < watched.length; e++) {
    if (watched[e] < best - minDelta) {
      best = watched[e];
      bestEpoch = e;
      wait = 0;
    } else if (++wait >= patience) return [bestEpoch, e + 1];
  }
  return [bestEpoch, watched.length];
}

describe('Network.train earlyStopping', () => {
  it('stops patience epochs after the best and restores the best epoch: a fresh run of bestEpoch + 1 epochs', () => {
    fc.assert(fc.property(
      problemArbitrary(6), optimizerArbitrary, fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1e-3), fc.boolean(),
      (p, o, patience, minDelta, validate) => {
        const aggressive = { ...o, learningRate: o.learningRate * 20 } as typeof o; // so that losses also go up
        const validation = validate ? { inputs: p.inputs.slice(0, 2), targets: p.targets.slice(0, 2) } : undefined;
        const options: TrainOptions = { optimizer: aggressive, epochs: 12, seed: 1, ...(validation ? { validation } : {}) };
        const full = Network.train(p.net, p.inputs, p.targets, options);
        const watched = validation ? full.validationLosses! : full.losses;
        const [bestEpoch, ran] = ruleByHand(watched, patience, minDelta);
        const stopped = Network.train(p.net, p.inputs, p.targets, { ...options, earlyStopping: { patience, minDelta } });
        expect(stopped.bestEpoch).toBe(bestEpoch);
        expect(stopped.losses).toEqual(full.losses.slice(0, ran));
        const fresh = Network.train(p.net, p.inputs, p.targets, { ...options, epochs: bestEpoch + 1 });
        expect(weightsOf(stopped.network)).toEqual(weightsOf(fresh.network));
        const ranRun = Network.train(p.net, p.inputs, p.targets, { ...options, epochs: ran });
        const { earlyStopping, ...rest } = stopped.checkpoint;
        expect(rest).toEqual(ranRun.checkpoint);
        expect(earlyStopping).toEqual({
          best: watched[bestEpoch], bestEpoch, sinceBest: ran - 1 - bestEpoch, weights: weightsOf(ranRun.network).map((w) => w.flat()),
        });
        const last = Network.train(p.net, p.inputs, p.targets, { ...options, earlyStopping: { patience, minDelta, restoreBest: false } });
        expect(last.bestEpoch).toBe(bestEpoch);
        expect(weightsOf(last.network)).toEqual(weightsOf(Network.train(p.net, p.inputs, p.targets, { ...options, epochs: ran }).network));
      },
    ), RUNS);
  });

  it('stops on a plateau: a loss that cannot improve stops after patience epochs (by hand: the fit is exact after epoch 0)', () => {
    // y = -w0 + w1·x, x = 1, t = 2 from zero weights at rate 0.25: losses 4, 0, 0, ... (train.test.ts).
    const zero = Network.create([Layer.create([[0], [0]], Activation.identity)]);
    const result = Network.train(zero, [[1]], [[2]], { learningRate: 0.25, epochs: 50, earlyStopping: { patience: 2 } });
    expect(result.losses).toEqual([4, 0, 0, 0]);
    expect(result.bestEpoch).toBe(1);
    expect(result.checkpoint.epochs).toBe(4);
    expect(result.checkpoint.earlyStopping).toEqual({ best: 0, bestEpoch: 1, sinceBest: 2, weights: [[-1, 1]] });
  });

  it('has no bestEpoch without earlyStopping', () => {
    const result = Network.train(Network.init([1, 1]), [[1]], [[1]], { optimizer: Optimizer.adam(), epochs: 2 });
    expect(result).not.toHaveProperty('bestEpoch');
  });

  it.each([
    [{ patience: 0 }, /^Network\.train: earlyStopping\.patience must be a positive integer, got 0$/],
    [{}, /^Network\.train: earlyStopping\.patience must be a positive integer, got undefined$/],
    [{ patience: 2, minDelta: -1 }, /^Network\.train: earlyStopping\.minDelta must be a finite number >= 0, got -1$/],
    [{ patience: 2, restoreBest: 1 }, /^Network\.train: earlyStopping\.restoreBest must be true or false, got 1/],
    [{ patience: 2, delta: 1 }, /^Network\.train: earlyStopping: unknown option "delta"; the options are patience, minDelta, restoreBest$/],
    [3, /^Network\.train: earlyStopping must be an object \{ patience, minDelta\?, restoreBest\? \}, got 3$/],
  ])('throws ValueError for earlyStopping %j', (earlyStopping, message) => {
    const call = () => Network.train(Network.init([1, 1]), [[1]], [[1]], { learningRate: 0.1, epochs: 2, earlyStopping: earlyStopping as never });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });

  it('does not mutate its options', () => {
    const earlyStopping = Object.freeze({ patience: 1 });
    Network.train(Network.init([1, 1]), [[1]], [[1]], { learningRate: 0.1, epochs: 3, earlyStopping });
    expect(earlyStopping).toEqual({ patience: 1 });
  });
});

describe('Network.train earlyStopping across resume', () => {
  it('goes on bit for bit: a + b epochs equal a, then b more with resume (JSON round trip), stopped or not', () => {
    fc.assert(fc.property(
      problemArbitrary(6), optimizerArbitrary, fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1e-3), fc.boolean(), fc.boolean(),
      fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 2, 4),
      (p, o, patience, minDelta, restoreBest, validate, a, b, batchSize) => {
        const aggressive = { ...o, learningRate: o.learningRate * 20 } as typeof o; // so that losses also go up
        const validation = validate ? { inputs: p.inputs.slice(0, 2), targets: p.targets.slice(0, 2) } : undefined;
        const options: TrainOptions = {
          optimizer: aggressive, epochs: a + b, batchSize, seed: 3, earlyStopping: { patience, minDelta, restoreBest },
          ...(validation ? { validation } : {}),
        };
        const whole = Network.train(p.net, p.inputs, p.targets, options);
        const first = Network.train(p.net, p.inputs, p.targets, { ...options, epochs: a });
        const resume = JSON.parse(JSON.stringify(first.checkpoint)) as TrainCheckpoint;
        const rest = Network.train(first.network, p.inputs, p.targets, { ...options, epochs: b, resume });
        expect(weightsOf(rest.network)).toEqual(weightsOf(whole.network));
        expect(rest.bestEpoch).toBe(whole.bestEpoch);
        expect([...first.losses, ...rest.losses]).toEqual(whole.losses);
        if (validation) expect([...first.validationLosses!, ...rest.validationLosses!]).toEqual(whole.validationLosses);
        expect(rest.checkpoint).toEqual(whole.checkpoint);
      },
    ), { numRuns: 40, seed: 7 });
  });

  it('starts a fresh watch from a checkpoint made without earlyStopping: the best epoch counts on from it', () => {
    const net = Network.init([2, 3, 1], { seed: 4 });
    const data = { inputs: [[0, 1], [1, 0], [1, 1], [0, 0]], targets: [[1], [1], [0], [0]] };
    const first = Network.train(net, data.inputs, data.targets, { optimizer: Optimizer.adam({ learningRate: 0.05 }), epochs: 3 });
    const rest = Network.train(first.network, data.inputs, data.targets, {
      optimizer: Optimizer.adam({ learningRate: 0.05 }), epochs: 2, resume: first.checkpoint, earlyStopping: { patience: 5 },
    });
    // By hand: the first epoch of the watch always improves on Infinity, and this one goes on improving.
    expect(rest.bestEpoch).toBeGreaterThanOrEqual(3);
    expect(rest.checkpoint.earlyStopping!.bestEpoch).toBe(rest.bestEpoch);
  });

  describe('refuses a tampered or mismatched watch, naming it', () => {
    const net = Network.init([2, 2, 1], { seed: 2 });
    const inputs = [[0, 1], [1, 0], [1, 1]];
    const targets = [[1], [1], [0]];
    const options: TrainOptions = { optimizer: Optimizer.adam({ learningRate: 0.01 }), epochs: 3, earlyStopping: { patience: 10 } };
    const made = Network.train(net, inputs, targets, options);
    const c = made.checkpoint;
    const w = c.earlyStopping!;
    const again = (resume: unknown, extra: Partial<TrainOptions> = {}) => () =>
      Network.train(made.network, inputs, targets, { ...options, ...extra, resume: resume as TrainCheckpoint });
    it.each([
      ['a watch that is not an object', { ...c, earlyStopping: 3 }, /^Network\.train: resume\.earlyStopping must be an object \{ best, bestEpoch, sinceBest, weights \}, got 3$/],
      ['an unknown field', { ...c, earlyStopping: { ...w, extra: 1 } }, /^Network\.train: resume\.earlyStopping: unknown option "extra"/],
      ['a best that is not finite', { ...c, earlyStopping: { ...w, best: null } }, /^Network\.train: resume\.earlyStopping\.best must be a finite number, got null$/],
      ['a bestEpoch past the epochs', { ...c, earlyStopping: { ...w, bestEpoch: 3, sinceBest: -1 } }, /^Network\.train: resume\.earlyStopping\.bestEpoch must be an integer from 0 to 2, got 3$/],
      ['a sinceBest that does not fit', { ...c, earlyStopping: { ...w, sinceBest: w.sinceBest + 1 } }, /^Network\.train: resume\.earlyStopping\.sinceBest must be the epochs after bestEpoch \d of 3, \d, got \d$/],
      ['weights of another shape', { ...c, earlyStopping: { ...w, weights: [w.weights![0]] } }, /^Network\.train: resume\.earlyStopping\.weights must be an array of 2 layers' weights, got/],
      ['a layer of the wrong length', { ...c, earlyStopping: { ...w, weights: [w.weights![0], [1]] } }, /^Network\.train: resume\.earlyStopping\.weights\[1\] must be an array of 3 numbers, got/],
      ['a weight that is not a number', { ...c, earlyStopping: { ...w, weights: [w.weights![0], [1, 'x', 2]] } }, /^Network\.train: resume\.earlyStopping\.weights\[1\]\[1\] must be a finite number, got/],
    ])('%s', (_, resume, message) => {
      expect(again(resume)).toThrow(ValueError);
      expect(again(resume)).toThrow(message);
    });

    it('a watch given to a run without earlyStopping', () => {
      const call = () => Network.train(made.network, inputs, targets, { optimizer: Optimizer.adam({ learningRate: 0.01 }), epochs: 1, resume: c });
      expect(call).toThrow(ValueError);
      expect(call).toThrow(/^Network\.train: resume\.earlyStopping is set: the checkpoint was made with earlyStopping, but this run has none/);
    });

    it('restoreBest unlike the checkpoint\'s', () => {
      expect(again(c, { earlyStopping: { patience: 10, restoreBest: false } })).toThrow(
        /^Network\.train: resume\.earlyStopping\.weights is set: the checkpoint was made with restoreBest true, but this run has restoreBest false$/);
      const plain = Network.train(net, inputs, targets, { ...options, earlyStopping: { patience: 10, restoreBest: false } }).checkpoint;
      expect(again(plain)).toThrow(
        /^Network\.train: resume\.earlyStopping\.weights is null: the checkpoint was made with restoreBest false, but this run has restoreBest true$/);
    });

    it('does not change the checkpoint it reads', () => {
      const copy = JSON.parse(JSON.stringify(c)) as TrainCheckpoint;
      Network.train(made.network, inputs, targets, { ...options, resume: copy });
      expect(copy).toEqual(JSON.parse(JSON.stringify(c)));
    });
  });
});
