/**
 * Tests of src/optim/step.ts: `Optimizer.step`.
 *
 * Sources of expected values:
 * - `cases` (test/fixtures/optimizer-golden.ts): ten steps of every
 *   optimiser and option, computed by test/fixtures/optimizer-golden.py with
 *   Python's decimal module at 50 digits from the formulas of API.md
 *   (PyTorch's), from the same double inputs; compared to 1e-12 relative.
 * - `Network.sgdStep`, which plain SGD must equal bit for bit.
 * - "by hand:" small arithmetic written out in the comment.
 * Random networks and data come from `gradientCase` (src/testing), seeded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, Optimizer, type OptimizerState } from '../../src/index.js';
import { gradientCase } from '../../src/testing/index.js';
import { cases, steps } from '../fixtures/optimizer-golden.js';
import { expectMatrixClose } from '../support/helpers.js';
import { modelOf } from '../../src/model/network-record.js';
import { stepFlat } from '../../src/optim/step.js';
import { stateOf, zeroBuffers } from '../../src/optim/state.js';

/** Against the 50-digit values: the weights and buffers of ten float64 steps. */
const GOLDEN = { rtol: 1e-12, atol: 0 };

/** The optimiser of a golden case, from its constructor and options. */
function optimizerOf(kind: string, options: Record<string, number | boolean>): Optimizer {
  switch (kind) {
    case 'sgd': return Optimizer.sgd(options as { learningRate: number });
    case 'adam': return Optimizer.adam(options);
    case 'adamW': return Optimizer.adamW(options);
    default: return Optimizer.rmsprop(options);
  }
}

/** A network with the given weights; the activations do not matter to a step. */
function networkOf(weights: readonly number[][][]): Network {
  return Network.create(weights.map((w) => Layer.create(w, Activation.sigmoid)));
}

const weightsOf = (net: Network): number[][][] => net.layers.map((layer) => layer.weights.toArray() as number[][]);

/** The bits of every weight of a network, for exact comparison (-0 and 0 differ). */
const bitsOf = (net: Network): string[] =>
  net.layers.flatMap((layer) => (layer.weights.toArray() as number[][]).flat().map((x) => (Object.is(x, -0) ? '-0' : String(x))));

/** Options that use every buffer of each optimiser. */
const PURITY_OPTIONS: Record<string, Record<string, number>> = {
  sgd: { learningRate: 0.1, momentum: 0.9 },
  adam: { weightDecay: 0.1 },
  adamW: {},
  rmsprop: { momentum: 0.5 },
};

describe('Optimizer.step', () => {
  it.each(cases.map((c) => [c.name, c] as const))('matches the 50-digit reference over ten steps: %s', (_name, c) => {
    const optimizer = optimizerOf(c.kind, c.options);
    let net = networkOf(c.start);
    let state = Optimizer.init(optimizer, net);
    for (let t = 0; t < steps; t++) {
      ({ network: net, state } = Optimizer.step(optimizer, net, c.gradients[t], state));
      expectMatrixClose(weightsOf(net), c.weights[t], GOLDEN);
    }
    expect(state.step).toBe(steps);
    state.layers.forEach((layer, l) => {
      expect(Object.keys(layer.buffers).sort()).toEqual(Object.keys(c.buffers[l]).sort());
      for (const name of Object.keys(layer.buffers)) expectMatrixClose([...layer.buffers[name]], c.buffers[l][name], GOLDEN);
    });
  });

  it('equals Network.sgdStep bit for bit with only a learning rate', () => {
    const rate = fc.double({ min: 1e-3, max: 2, noNaN: true });
    fc.assert(
      fc.property(gradientCase({ shape: 'either', layers: { min: 1, max: 3 }, width: { min: 1, max: 6 } }), rate, ({ net, input, target }, learningRate) => {
        const sgd = Optimizer.sgd({ learningRate });
        const { weights } = Network.gradient(net, input, target);
        const ours = Optimizer.step(sgd, net, weights, Optimizer.init(sgd, net)).network;
        expect(bitsOf(ours)).toEqual(bitsOf(Network.sgdStep(net, input, target, { learningRate })));
      }),
      { seed: 10, numRuns: 150 },
    );
  });

  it('steps SGD with momentum as worked out by hand', () => {
    // by hand: momentum 0.5, gradient 2 then 2: b = 2, then 0.5 · 2 + 2 = 3; w = 1 - 0.25 · 2 - 0.25 · 3 = -0.25.
    const net = networkOf([[[1], [1]]]);
    const sgd = Optimizer.sgd({ learningRate: 0.25, momentum: 0.5 });
    const g = [[[2], [2]]];
    const first = Optimizer.step(sgd, net, g, Optimizer.init(sgd, net));
    const second = Optimizer.step(sgd, first.network, g, first.state);
    expect(weightsOf(second.network)).toEqual([[[-0.25], [-0.25]]]);
    expect(second.state.layers[0].buffers.momentum).toEqual([3, 3]);
  });

  it('leaves the bias row out of the weight decay unless decayBias', () => {
    // by hand: zero gradient, λ = 1, η = 0.5: decayed weights halve, the bias row stays.
    const net = networkOf([[[2, 4], [2, 4]]]);
    const zero = [[[0, 0], [0, 0]]];
    for (const decayBias of [false, true]) {
      const sgd = Optimizer.sgd({ learningRate: 0.5, weightDecay: 1, decayBias });
      const next = Optimizer.step(sgd, net, zero, Optimizer.init(sgd, net)).network;
      expect(weightsOf(next)).toEqual([[decayBias ? [1, 2] : [2, 4], [1, 2]]]);
      const adamW = Optimizer.adamW({ learningRate: 0.5, weightDecay: 1, decayBias });
      // AdamW: w · (1 - η·λ) = w / 2, then Adam with m = v = 0 moves nothing.
      const nextW = Optimizer.step(adamW, net, zero, Optimizer.init(adamW, net)).network;
      expect(weightsOf(nextW)).toEqual([[decayBias ? [1, 2] : [2, 4], [1, 2]]]);
    }
  });

  it('changes neither the network, the gradients nor the state it is given', () => {
    fc.assert(
      fc.property(gradientCase({ shape: 'batch' }), fc.constantFrom('sgd', 'adam', 'adamW', 'rmsprop'), ({ net, input, target }, kind) => {
        const optimizer = optimizerOf(kind, PURITY_OPTIONS[kind]);
        const gradients = Network.gradient(net, input, target).weights.map((g) => g.toArray() as number[][]);
        const first = Optimizer.step(optimizer, net, gradients, Optimizer.init(optimizer, net));
        const before = { net: weightsOf(net), gradients: JSON.stringify(gradients), state: JSON.stringify(first.state) };
        const thawed: OptimizerState = JSON.parse(before.state);
        Optimizer.step(optimizer, first.network, gradients, thawed);
        Optimizer.step(optimizer, net, gradients, first.state);
        expect(weightsOf(net)).toEqual(before.net);
        expect(JSON.stringify(gradients)).toBe(before.gradients);
        expect(JSON.stringify(first.state)).toBe(before.state);
        expect(JSON.stringify(thawed)).toBe(before.state);
        expect(Object.isFrozen(first.state) && Object.isFrozen(first.state.layers[0].buffers)).toBe(true);
      }),
      { seed: 11, numRuns: 40 },
    );
  });

  it('continues bit for bit from a state that went through JSON', () => {
    const kinds = fc.constantFrom(
      Optimizer.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
      Optimizer.sgd({ learningRate: 0.1, momentum: 0.5, dampening: 0.5, weightDecay: 0.01 }),
      Optimizer.adam({ learningRate: 0.01, weightDecay: 0.1 }),
      Optimizer.adamW({ learningRate: 0.01, decayBias: true }),
      Optimizer.rmsprop({ momentum: 0.9 }),
      Optimizer.rmsprop({ weightDecay: 0.1 }),
    );
    fc.assert(
      fc.property(gradientCase({ shape: 'batch' }), kinds, fc.integer({ min: 1, max: 4 }), ({ net, input, target }, optimizer, split) => {
        const run = (throughJSON: boolean): Network => {
          let n = net;
          let state = Optimizer.init(optimizer, n);
          for (let t = 0; t < 5; t++) {
            if (throughJSON && t === split) state = JSON.parse(JSON.stringify(state));
            ({ network: n, state } = Optimizer.step(optimizer, n, Network.gradient(n, input, target).weights, state));
          }
          return n;
        };
        expect(bitsOf(run(true))).toEqual(bitsOf(run(false)));
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('writes -0 in a buffer as 0, as JSON would', () => {
    const net = networkOf([[[1], [1]]]);
    const sgd = Optimizer.sgd({ learningRate: 0.1, momentum: 0.9 });
    const { state } = Optimizer.step(sgd, net, [[[-0], [0]]], Optimizer.init(sgd, net));
    expect(Object.is(state.layers[0].buffers.momentum[0], 0)).toBe(true);
  });

  it('gives the bits of stepFlat stepping flat weights in place, as the training loop will', () => {
    const adam = Optimizer.adam({ learningRate: 0.01, weightDecay: 0.1 });
    fc.assert(
      fc.property(gradientCase({ shape: 'batch' }), ({ net, input, target }) => {
        const model = modelOf(net, 'test');
        const flat = { ...model, weights: model.weights.map((w) => Float64Array.from(w)) };
        const buffers = zeroBuffers(adam, model);
        let n = net;
        let state = Optimizer.init(adam, n);
        for (let t = 1; t <= 3; t++) {
          const g = Network.gradient(n, input, target).weights;
          ({ network: n, state } = Optimizer.step(adam, n, g, state));
          stepFlat(adam, flat, g.map((m) => Float64Array.from((m.toArray() as number[][]).flat())), buffers, t, flat.weights);
        }
        expect(flat.weights.map((w) => Array.from(w))).toEqual(n.layers.map((layer) => (layer.weights.toArray() as number[][]).flat()));
        expect(stateOf(adam, 3, model, buffers)).toEqual(state);
      }),
      { seed: 13, numRuns: 30 },
    );
  });
});
