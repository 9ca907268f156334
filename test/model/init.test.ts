/**
 * Tests of src/init.ts: `Network.init`, random weights from the seeded
 * generator with zero bias rows and Xavier/Glorot or He uniform limits.
 *
 * Sources of expected values: test/fixtures/random-golden.py, an independent
 * Python implementation of the generator and of `limit · (2u - 1)` with
 * `limit = sqrt(6 / (fanIn + fanOut))` or `sqrt(6 / fanIn)`; Python floats
 * round like JavaScript's, so the weights are compared bit for bit (`toEqual`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Network, ShapeError, ValueError, type Activation as ActivationType } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const RUNS = { numRuns: 50 };

/** The weights of every layer as plain nested arrays. */
function weightsOf(net: Network): number[][][] {
  return net.layers.map((layer) => layer.weights.toArray() as number[][]);
}

const sizes = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 });
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('Network.init', () => {
  it('returns the golden weights of random-golden.py for [2, 3, 1], seed 42 (xavier), bit for bit', () => {
    expect(weightsOf(Network.init([2, 3, 1], { seed: 42 }))).toEqual([
      [
        [0, 0, 0],
        [0.8561565033251722, -0.38983574882721217, 0.3312777919983715],
        [-0.46161722998968846, -0.03507933658558686, 0.6896380359675247],
      ],
      [[0], [0.72869343803543], [-0.6101666649979907], [0.8322444837987473]],
    ]);
  });

  it('returns the golden weights of random-golden.py for [3, 2], seed 5, scheme "he", bit for bit', () => {
    const golden = [
      [0, 0],
      [0.722075921230213, 0.8798815506243362],
      [-0.45488726598192797, 0.6164715140726207],
      [0.253875564601093, 1.3936833838495386],
    ];
    expect(weightsOf(Network.init([3, 2], { seed: 5, scheme: 'he' }))).toEqual([golden]);
  });

  it('chooses "he" for relu and leakyRelu hidden layers and "xavier" otherwise', () => {
    const he = weightsOf(Network.init([3, 2], { seed: 5, scheme: 'he' }));
    const xavier = weightsOf(Network.init([3, 2], { seed: 5, scheme: 'xavier' }));
    expect(weightsOf(Network.init([3, 2], { seed: 5, activation: Activation.relu }))).toEqual(he);
    expect(weightsOf(Network.init([3, 2], { seed: 5, activation: Activation.leakyRelu(0.2) }))).toEqual(he);
    expect(weightsOf(Network.init([3, 2], { seed: 5, activation: Activation.tanh }))).toEqual(xavier);
    expect(weightsOf(Network.init([3, 2], { seed: 5 }))).toEqual(xavier);
  });

  it('uses seed 0 by default', () => {
    expect(weightsOf(Network.init([2, 2]))).toEqual(weightsOf(Network.init([2, 2], { seed: 0 })));
  });

  it('gives bit-identical weights for the same seed and different weights for different seeds', () => {
    fc.assert(fc.property(sizes, seed, seed, (s, a, b) => {
      expect(weightsOf(Network.init(s, { seed: a }))).toEqual(weightsOf(Network.init(s, { seed: a })));
      if (a !== b) expect(weightsOf(Network.init(s, { seed: a }))).not.toEqual(weightsOf(Network.init(s, { seed: b })));
    }), RUNS);
  });

  it('makes layer l of (sizes[l] + 1) × sizes[l + 1] with a zero bias row', () => {
    fc.assert(fc.property(sizes, seed, (s, a) => {
      const net = Network.init(s, { seed: a });
      expect(net.layers.map((layer) => layer.weights.size())).toEqual(s.slice(1).map((m, l) => [s[l] + 1, m]));
      for (const layer of net.layers) expect((layer.weights.toArray() as number[][])[0].every((w) => w === 0)).toBe(true);
    }), RUNS);
  });

  it('keeps every weight within its limit, sqrt(6 / (fanIn + fanOut)) or sqrt(6 / fanIn)', () => {
    fc.assert(fc.property(sizes, seed, fc.constantFrom('xavier' as const, 'he' as const), (s, a, scheme) => {
      const net = Network.init(s, { seed: a, scheme });
      net.layers.forEach((layer, l) => {
        const limit = scheme === 'he' ? Math.sqrt(6 / s[l]) : Math.sqrt(6 / (s[l] + s[l + 1]));
        for (const row of layer.weights.toArray() as number[][]) for (const w of row) expect(Math.abs(w)).toBeLessThanOrEqual(limit);
      });
    }), RUNS);
  });

  it('fills [-limit, limit] evenly: 2000 weights have mean near 0 and variance near limit² / 3', () => {
    const weights = (Network.init([1000, 2], { seed: 3 }).layers[0].weights.toArray() as number[][]).slice(1).flat();
    const limit = Math.sqrt(6 / 1002);
    const mean = weights.reduce((sum, w) => sum + w, 0) / weights.length;
    const variance = weights.reduce((sum, w) => sum + (w - mean) ** 2, 0) / weights.length;
    // The standard error of the mean is limit / sqrt(3 · 2000) ≈ 1e-3; of the variance about 1.5 %.
    expect(Math.abs(mean)).toBeLessThan(5 * limit / Math.sqrt(3 * weights.length));
    expect(Math.abs(variance / (limit * limit / 3) - 1)).toBeLessThan(0.08);
  });

  it('gives hidden layers `activation` and the last layer `outputActivation`', () => {
    const net = Network.init([2, 4, 4, 1], { activation: Activation.tanh, outputActivation: Activation.sigmoid });
    expect(net.layers.map((layer) => layer.activation)).toEqual([Activation.tanh, Activation.tanh, Activation.sigmoid]);
    const plain = Network.init([2, 4, 1]);
    expect(plain.layers.map((layer) => layer.activation)).toEqual([Activation.sigmoid, Activation.identity]);
  });

  it('does not mutate its arguments', () => {
    const s = Object.freeze([2, 3, 1]);
    const options = Object.freeze({ seed: 9, activation: Activation.tanh });
    expect(() => Network.init(s, options)).not.toThrow();
    expect(s).toEqual([2, 3, 1]);
  });

  it.each([
    [[3], /^Network\.init: sizes must list at least 2 layer sizes \(inputs, then each layer's neurons\), got \[3\]$/],
    ['2,1', /^Network\.init: sizes must list at least 2 layer sizes .*got 2,1$/],
    [[2, 0], /^Network\.init: sizes\[1\] must be a positive integer, got 0$/],
    [[2.5, 1], /^Network\.init: sizes\[0\] must be a positive integer, got 2\.5$/],
    [[2, NaN], /^Network\.init: sizes\[1\] must be a positive integer, got NaN$/],
  ])('throws ValueError for the sizes %j', (bad, message) => {
    expect(() => Network.init(bad as number[])).toThrow(ValueError);
    expect(() => Network.init(bad as number[])).toThrow(message);
  });

  it.each([
    [{ seed: -1 }, /^Network\.init: seed must be an integer from 0 to 4294967295, got -1$/],
    [{ seed: 0.5 }, /^Network\.init: seed must be an integer from 0 to 4294967295, got 0\.5$/],
    [{ seed: 2 ** 32 }, /^Network\.init: seed must be an integer from 0 to 4294967295, got 4294967296$/],
    [{ scheme: 'glorot' }, /^Network\.init: scheme must be "xavier" or "he", got "glorot" \(a string\)$/],
    [{ activation: 'relu' }, /^Network\.init: activation: expected an Activation/],
    [{ outputActivation: null }, /^Network\.init: outputActivation: expected an Activation/],
    [{ sed: 1 }, /^Network\.init: unknown option "sed"; the options are activation, outputActivation, activations, seed, scheme$/],
  ])('throws ValueError for the options %j', (bad, message) => {
    expect(() => Network.init([2, 1], bad as object)).toThrow(ValueError);
    expect(() => Network.init([2, 1], bad as object)).toThrow(message);
  });

  it('throws ValueError when options is not an object', () => {
    expect(() => Network.init([2, 1], null as unknown as object)).toThrow(/^Network\.init: options must be an object, got null$/);
  });
});

describe('Network.init with activations', () => {
  const builtIns = fc.constantFrom(
    Activation.identity,
    Activation.sigmoid,
    Activation.tanh,
    Activation.relu,
    Activation.leakyRelu(0.2),
    Activation.softplus,
  );

  it('gives each layer its own activation, in order', () => {
    const activations = [Activation.relu, Activation.tanh, Activation.sigmoid];
    const net = Network.init([3, 4, 2, 1], { activations, seed: 1 });
    expect(net.layers.map((layer) => layer.activation)).toEqual(activations);
  });

  it('equals activation: f, outputActivation: g bit for bit for [f, ..., f, g], every seed (property)', () => {
    const deep = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 5 });
    fc.assert(
      fc.property(deep, seed, builtIns, builtIns, (s, a, f, g) => {
        const activations = s.slice(1).map((_, l) => (l === s.length - 2 ? g : f));
        const old = Network.init(s, { activation: f, outputActivation: g, seed: a });
        const perLayer = Network.init(s, { activations, seed: a });
        expect(weightsOf(perLayer)).toEqual(weightsOf(old));
        expect(perLayer.layers.map((layer) => layer.activation)).toEqual(old.layers.map((layer) => layer.activation));
      }),
      RUNS,
    );
  });

  it('equals outputActivation: g bit for bit for [g] in a network without hidden layers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), seed, builtIns, (n, m, a, g) => {
        expect(weightsOf(Network.init([n, m], { activations: [g], seed: a }))).toEqual(
          weightsOf(Network.init([n, m], { outputActivation: g, seed: a })),
        );
      }),
      RUNS,
    );
  });

  it('scales each hidden layer for its own activation and the output layer for the last hidden one', () => {
    // The draws do not depend on the scheme, so layer l of a mixed network
    // equals layer l of the same sizes and seed with that layer's scheme for all.
    const sizes = [3, 4, 2, 1];
    const he = weightsOf(Network.init(sizes, { seed: 9, scheme: 'he' }));
    const xavier = weightsOf(Network.init(sizes, { seed: 9, scheme: 'xavier' }));
    const reluThenTanh = weightsOf(Network.init(sizes, { seed: 9, activations: [Activation.relu, Activation.tanh, Activation.identity] }));
    expect(reluThenTanh).toEqual([he[0], xavier[1], xavier[2]]);
    const tanhThenRelu = weightsOf(Network.init(sizes, { seed: 9, activations: [Activation.tanh, Activation.relu, Activation.identity] }));
    expect(tanhThenRelu).toEqual([xavier[0], he[1], he[2]]);
    // A relu output layer is not a hidden layer: it follows the tanh below it.
    const reluOutput = weightsOf(Network.init([3, 4, 1], { seed: 9, activations: [Activation.tanh, Activation.relu] }));
    expect(reluOutput).toEqual(weightsOf(Network.init([3, 4, 1], { seed: 9, scheme: 'xavier' })));
  });

  it('applies an explicit scheme to every layer', () => {
    const activations = [Activation.relu, Activation.tanh, Activation.identity];
    expect(weightsOf(Network.init([3, 4, 2, 1], { seed: 2, activations, scheme: 'xavier' }))).toEqual(
      weightsOf(Network.init([3, 4, 2, 1], { seed: 2, scheme: 'xavier' })),
    );
  });

  it('throws ValueError when activations comes with activation or outputActivation', () => {
    const both = (): unknown => Network.init([2, 2, 1], { activations: [Activation.tanh, Activation.identity], activation: Activation.tanh });
    expect(thrownBy(both)).toBeInstanceOf(ValueError);
    expect(thrownBy(both).message).toBe(
      'Network.init: give either activations (one per layer) or activation and outputActivation, not both; got activations and activation',
    );
    expect(() => Network.init([2, 1], { activations: [Activation.tanh], outputActivation: Activation.identity })).toThrow(
      /not both; got activations and outputActivation$/,
    );
  });

  it('throws ShapeError when activations does not hold one activation per layer', () => {
    const error = thrownBy(() => Network.init([2, 3, 1], { activations: [Activation.tanh] }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.init: activations must hold one activation per layer (2 for 3 sizes), got 1');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('throws ValueError when activations is not an array of activations', () => {
    expect(() => Network.init([2, 1], { activations: Activation.tanh as unknown as ActivationType[] })).toThrow(
      /^Network\.init: activations must be an array of one activation per layer, got /,
    );
    expect(() => Network.init([2, 2, 1], { activations: [Activation.tanh, 'relu' as unknown as ActivationType] })).toThrow(
      /^Network\.init: activations\[1\]: expected an Activation with name, apply and derivative, got "relu" \(a string\)$/,
    );
  });

  it('does not mutate the activations array', () => {
    const activations = Object.freeze([Activation.relu, Activation.identity]);
    const copy = [...activations];
    Network.init([2, 2, 1], { activations });
    expect(activations).toEqual(copy);
  });
});
