/**
 * Tests of `Network.train`'s `earlyStopping`.
 *
 * Sources: the documented rule worked out on the run's own loss history
 * (the best epoch is the first lowest loss that beat the best before it by
 * more than minDelta; training stops `patience` epochs after it), and a
 * fresh run of `bestEpoch + 1` epochs, which `restoreBest` must equal bit
 * for bit (weights and checkpoint).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, Optimizer, ValueError, type TrainOptions } from '../../src/index.js';
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
        expect(stopped.checkpoint).toEqual(fresh.checkpoint);
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
    expect(result.checkpoint.epochs).toBe(2);
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
