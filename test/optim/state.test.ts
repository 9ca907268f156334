/**
 * Tests of src/optim/state.ts: `Optimizer.init`, and the checks
 * `Optimizer.step` makes of a state, an optimiser and the gradients before
 * it computes anything (from another network, tampered with, mistyped).
 */
import { describe, expect, it } from 'vitest';
import { Network, Optimizer, ShapeError, ValueError, type OptimizerState } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const net = Network.init([2, 3, 1], { seed: 7 });
const other = Network.init([2, 2, 1], { seed: 7 });
const adam = Optimizer.adam();
const grads = Network.gradient(net, [0.5, -0.5], [1]).weights;

/** A copy of a fresh Adam state for `net`, plain and mutable, to tamper with. */
function tampered(change: (state: { step: unknown; optimizer: unknown; layers: any[] }) => void): OptimizerState {
  const state = JSON.parse(JSON.stringify(Optimizer.init(adam, net)));
  change(state);
  return state;
}

function expectError(fn: () => unknown, type: typeof ValueError | typeof ShapeError, message: RegExp): Error {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(type);
  expect(error.message).toMatch(message);
  return error;
}

describe('Optimizer.init', () => {
  it('returns step 0 and zero buffers shaped like each layer', () => {
    const state = Optimizer.init(Optimizer.rmsprop({ momentum: 0.9 }), net);
    expect(state).toEqual({
      optimizer: 'rmsprop',
      step: 0,
      layers: [
        { rows: 3, columns: 3, buffers: { squareAverage: Array(9).fill(0), momentum: Array(9).fill(0) } },
        { rows: 4, columns: 1, buffers: { squareAverage: [0, 0, 0, 0], momentum: [0, 0, 0, 0] } },
      ],
    });
    expect(Object.isFrozen(state.layers[1].buffers.momentum)).toBe(true);
  });

  it('keeps no buffer for plain SGD', () => {
    expect(Optimizer.init(Optimizer.sgd({ learningRate: 0.1 }), net).layers[0].buffers).toEqual({});
  });

  it('throws ValueError for something that is not an optimiser', () => {
    expectError(() => Optimizer.init({ name: 'lbfgs' } as never, net), ValueError,
      /^Optimizer\.init: optimizer must be one made by Optimizer\.sgd, adam, adamW or rmsprop, got an object with name "lbfgs" \(a string\)$/);
    expectError(() => Optimizer.init(undefined as never, net), ValueError, /got undefined$/);
  });

  it('throws ValueError for an optimiser record whose field was changed out of range', () => {
    expectError(() => Optimizer.init({ ...adam, beta1: 2 }, net), ValueError,
      /^Optimizer\.init: optimizer: beta1 must be a number in \[0, 1\), got 2$/);
  });

  it('accepts an optimiser read back from JSON, and gives the same state', () => {
    const copy = JSON.parse(JSON.stringify(Optimizer.adamW({ weightDecay: 0.2 })));
    expect(Optimizer.init(copy, net)).toEqual(Optimizer.init(Optimizer.adamW({ weightDecay: 0.2 }), net));
  });

  it('throws ValueError for a network that is not one', () => {
    expectError(() => Optimizer.init(adam, null as never), ValueError, /^Optimizer\.init: expected a Network/);
  });
});

describe('Optimizer.step refuses', () => {
  const state = Optimizer.init(adam, net);

  it('a state of another optimiser, with ValueError', () => {
    expectError(() => Optimizer.step(Optimizer.rmsprop(), net, grads, state), ValueError,
      /^Optimizer\.step: state belongs to optimizer "adam" \(a string\), but the optimizer is "rmsprop"/);
  });

  it('a state made for another network\'s shape, with ShapeError naming both shapes', () => {
    const error = expectError(() => Optimizer.step(adam, net, grads, Optimizer.init(adam, other)), ShapeError,
      /^Optimizer\.step: state\.layers\[0\] is for weights of 3 × 2, but layer 0 of the network has 3 × 3$/);
    expect((error as ShapeError).expected).toEqual([3, 3]);
    expect((error as ShapeError).actual).toEqual([3, 2]);
  });

  it('a state with another number of layers, with ShapeError', () => {
    const error = expectError(() => Optimizer.step(adam, net, grads, tampered((s) => s.layers.pop())), ShapeError,
      /^Optimizer\.step: state has 1 layers, but the network has 2$/);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('a step count that is not a non-negative integer, with ValueError', () => {
    for (const [bad, shown] of [[-1, '-1'], [1.5, '1\\.5'], ['3', '"3" \\(a string\\)']] as const) {
      expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { s.step = bad; })), ValueError,
        new RegExp(`^Optimizer\\.step: state\\.step must be a non-negative integer, got ${shown}$`));
    }
  });

  it('a buffer entry that is not finite, or a negative mean square, naming the entry', () => {
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { s.layers[1].buffers.firstMoment[2] = null; })), ValueError,
      /^Optimizer\.step: state\.layers\[1\]\.buffers\.firstMoment\[2\] must be a finite number, got null$/);
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { s.layers[0].buffers.secondMoment[4] = -1e-9; })), ValueError,
      /^Optimizer\.step: state\.layers\[0\]\.buffers\.secondMoment\[4\] must be a finite number >= 0, got -1e-9$/);
  });

  it('a buffer of the wrong length, with ShapeError', () => {
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { s.layers[0].buffers.firstMoment.push(0); })), ShapeError,
      /^Optimizer\.step: state\.layers\[0\]\.buffers\.firstMoment must have 9 entries, got 10$/);
  });

  it('a missing or unknown buffer, or an unknown field, with ValueError', () => {
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { delete s.layers[0].buffers.secondMoment; })), ValueError,
      /^Optimizer\.step: state\.layers\[0\]\.buffers\.secondMoment is missing$/);
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { s.layers[0].buffers.momentum = [0]; })), ValueError,
      /^Optimizer\.step: state\.layers\[0\]\.buffers has an unknown field "momentum"; its fields are firstMoment, secondMoment$/);
    expectError(() => Optimizer.step(adam, net, grads, tampered((s) => { (s as Record<string, unknown>).extra = 1; })), ValueError,
      /^Optimizer\.step: state has an unknown field "extra"/);
  });

  it('a state that is not an object, with ValueError', () => {
    expectError(() => Optimizer.step(adam, net, grads, 'state' as never), ValueError,
      /^Optimizer\.step: state must be an object, got "state" \(a string\)$/);
  });

  it('gradients of the wrong count or shape, with ShapeError naming the layer\'s shape', () => {
    expectError(() => Optimizer.step(adam, net, grads.slice(0, 1), state), ShapeError,
      /^Optimizer\.step: gradients must have one matrix per layer, 2, got 1$/);
    const error = expectError(() => Optimizer.step(adam, net, [grads[0], [[1, 2], [3, 4], [5, 6], [7, 8]]], state), ShapeError,
      /^Optimizer\.step: gradients\[1\] must have the shape of layer 1's weights \[4, 1\], got \[4, 2\]$/);
    expect((error as ShapeError).expected).toEqual([4, 1]);
    expect((error as ShapeError).actual).toEqual([4, 2]);
  });

  it('a gradient entry that is not finite, with ValueError', () => {
    expectError(() => Optimizer.step(adam, net, [grads[0], [[1], [NaN], [0], [0]]], state), ValueError,
      /^Optimizer\.step: gradients\[1\]\[1\]\[0\] must be finite, got NaN$/);
  });

  it('gradients that are not an array, with ValueError', () => {
    expectError(() => Optimizer.step(adam, net, 5 as never, state), ValueError,
      /^Optimizer\.step: gradients must be an array of matrices, one per layer, got 5$/);
  });

  it('a step whose new weights overflow, with ValueError', () => {
    const huge = Optimizer.sgd({ learningRate: 1e308 });
    expectError(() => Optimizer.step(huge, net, [[[1e10, 0, 0], [0, 0, 0], [0, 0, 0]], [[0], [0], [0], [0]]], Optimizer.init(huge, net)), ValueError,
      /^Optimizer\.step: a new weight of layer 0 came out as -Infinity/);
  });
});
