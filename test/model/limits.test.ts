/**
 * Tests that sizes are checked before anything is allocated (issue 9,
 * item 5) and that the compiled straight-line step has a size cap above
 * which the loops run (item 6). Each refusal must come at once, as a
 * ValueError naming the size, not a RangeError or an exhausted heap.
 */
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ValueError } from '../../src/index.js';
import { canCompile, MAX_COMPILED_WEIGHTS } from '../../src/engine/compiled-step.js';
import { thrownBy } from '../support/helpers.js';

function expectValueError(run: () => unknown, pattern: RegExp): void {
  const caught = thrownBy(run);
  expect(caught).toBeInstanceOf(ValueError);
  expect((caught as Error).message).toMatch(pattern);
}

describe('sizes are refused before allocating (item 5)', () => {
  it('Network.init([2, 1e9]) is refused, naming the layer and its weights, instead of allocating 24 GB', () => {
    expectValueError(() => Network.init([2, 1e9]), /^Network\.init: layer 0 \(\(2 \+ 1\) × 1000000000 weights\) has 3000000000 numbers, more than the limit of 134217728 \(2\^27\)/);
  });

  it('Network.init([1e5, 1e5]) is refused with a ValueError, not a RangeError', () => {
    expectValueError(() => Network.init([1e5, 1e5]), /^Network\.init: layer 0 .* has 10000100000 numbers/);
  });

  it('Network.init takes a layer of exactly 2^27 weights as allowed (by the size check alone)', () => {
    // (2^27 / 2 - 1 + 1) × 2 = 2^27: the largest allowed; only the check runs, with sizes one above it.
    expectValueError(() => Network.init([2 ** 26, 2]), /has 134217730 numbers/);
  });

  it('a sparse batch of 2e7 rows is refused before its buffer is made', () => {
    const net = Network.init([8, 2], { seed: 1 });
    const rows: number[][] = [];
    rows.length = 2e7;
    rows[0] = [1, 2, 3, 4, 5, 6, 7, 8];
    expectValueError(() => Network.predict(net, rows), /^Network\.predict: input \(20000000 × 8\) has 160000000 numbers, more than the limit/);
  });

  it('a batch whose buffers would outgrow the limit through a wide layer is refused', () => {
    const net = Network.create([Layer.create([new Array(2 ** 12).fill(0), new Array(2 ** 12).fill(1)], Activation.identity)]);
    const rows = Array.from({ length: 2 ** 15 + 1 }, () => [1]);
    expectValueError(() => Network.predict(net, rows), /^Network\.predict: a batch of 32769 examples through a layer of 4096 neurons has 134221824 numbers/);
  });

  it('Activation.check({ points: 3e8 }) is refused instead of aborting the process', () => {
    expectValueError(() => Activation.check(Activation.tanh, { points: 3e8 }), /^Activation\.check: points must be at most 1048576 \(2\^20\), got 300000000/);
  });
});

describe('the compiled step has a size cap (item 6)', () => {
  it('compiles the notebook-sized networks and not a network over the cap', () => {
    const small = { sizes: [2, 3, 1], weights: [new Float64Array(9), new Float64Array(4)], activations: [Activation.sigmoid, Activation.identity] };
    expect(canCompile(small)).toBe(true);
    const layers = Math.floor(MAX_COMPILED_WEIGHTS / 2) + 1;
    const deep = {
      sizes: new Array(layers + 1).fill(1),
      weights: Array.from({ length: layers }, () => new Float64Array(2)),
      activations: new Array(layers).fill(Activation.identity),
    };
    expect(canCompile(deep)).toBe(false);
  });

  it('sgdStep and train run 4e4 tiny layers read from JSON without overflowing the stack', () => {
    const document = {
      format: 'mathjs-backprop/network',
      version: 1,
      layers: Array.from({ length: 40000 }, () => ({ activation: 'identity', weights: [[0], [1]] })),
    };
    const net = Network.fromJSON(document);
    // by hand: every layer is z = -1·0 + 1·x, so the output is x = 2; target 2 → loss 0, and weights stay.
    const next = Network.sgdStep(net, [2], [2], { learningRate: 0.1 });
    expect(next.layers[39999].weights.toArray()).toEqual([[0], [1]]);
    expect(Network.train(net, [[2]], [[2]], { learningRate: 0.1, epochs: 1 }).losses).toEqual([0]);
  });
});
