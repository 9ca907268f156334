/**
 * Tests of src/optim/rate.ts: `withLearningRate` and `optimizerForEpoch`,
 * the helpers `Network.train` uses to apply a schedule to an optimiser.
 */
import { describe, expect, it } from 'vitest';
import { Optimizer, Schedule, ValueError } from '../../src/index.js';
import { optimizerForEpoch, withLearningRate } from '../../src/optim/rate.js';
import { thrownBy } from '../support/helpers.js';

describe('withLearningRate', () => {
  it('returns a frozen copy with the new rate and every other field kept', () => {
    const adam = Optimizer.adam({ beta1: 0.8 });
    const faster = withLearningRate(adam, 0.5, 'Network.train');
    expect(faster).toEqual({ ...adam, learningRate: 0.5 });
    expect(Object.isFrozen(faster)).toBe(true);
    expect(adam.learningRate).toBe(0.001);
  });

  it('throws ValueError for a rate that is not positive and finite', () => {
    const error = thrownBy(() => withLearningRate(Optimizer.adam(), 0, 'Network.train'));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Network.train: learningRate must be a positive finite number, got 0');
  });
});

describe('optimizerForEpoch', () => {
  const sgd = Optimizer.sgd({ learningRate: 0.4, momentum: 0.9 });

  it('returns the optimiser itself without a schedule', () => {
    expect(optimizerForEpoch(sgd, undefined, 7, 'Network.train')).toBe(sgd);
  });

  it('sets the rate of the epoch from the schedule and the optimiser\'s own rate', () => {
    const halve = Schedule.step({ every: 2, factor: 0.5 });
    expect(optimizerForEpoch(sgd, halve, 3, 'Network.train')).toEqual({ ...sgd, learningRate: 0.2 });
  });

  it('throws ValueError naming the epoch when the schedule gives no usable rate', () => {
    const error = thrownBy(() => optimizerForEpoch(sgd, Schedule.cosine({ epochs: 2 }), 2, 'Network.train'));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Network.train: schedule must return a positive finite learning rate, got 0 for epoch 2');
  });
});
