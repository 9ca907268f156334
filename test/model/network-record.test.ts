/**
 * Tests of src/model/network-record.ts: `Network.create`.
 *
 * Sources of expected values:
 * - "by hand:" small integer arithmetic written out in the comment.
 * - Property tests compare with the random layers the network is built from.
 * - Random networks: test/support/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   every built-in activation, weights and inputs in [-1, 1], relu and
 *   leakyRelu pre-activations kept 1e-3 away from their kink).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError } from '../../src/index.js';
import { buildNetwork, specArb } from '../support/arbitraries.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import { EXACT, RUNS, copy, smallNet, weightsOf, snapshot } from '../support/network-cases.js';

describe('Network.create', () => {
  it('returns a network of the given layers, in order (by hand: sizes 2-3-1)', () => {
    const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
    const output = Layer.create([[1], [2], [3], [-1]], Activation.identity);
    const net = Network.create([hidden, output]);
    expect(net.layers.map((l) => [l.inputSize, l.outputSize])).toEqual([[2, 3], [3, 1]]);
    expect(net.layers.map((l) => l.activation)).toEqual([Activation.sigmoid, Activation.identity]);
    expectMatrixClose(net.layers[0].weights, [[1, 0, -1], [1, 2, 0], [0, -2, 1]], EXACT);
    expectMatrixClose(net.layers[1].weights, [[1], [2], [3], [-1]], EXACT);
  });

  it('keeps the sizes, weights and activations of random layers', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const net = buildNetwork(spec);
        expect(net.layers.length).toBe(spec.weights.length);
        expect(weightsOf(net)).toEqual(spec.weights);
        expect(net.layers.map((l) => l.activation)).toEqual(spec.activations);
        net.layers.forEach((layer, l) => {
          expect([layer.inputSize, layer.outputSize]).toEqual([spec.sizes[l], spec.sizes[l + 1]]);
        });
      }),
      RUNS,
    );
  });

  it('throws ValueError for an empty array of layers', () => {
    const error = thrownBy(() => Network.create([]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: /);
    expect(error.message).toMatch(/at least one layer/);
  });

  it('throws ValueError when the layers are not an array', () => {
    for (const bad of [undefined, null, 'layers', 3]) {
      const error = thrownBy(() => Network.create(bad as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Network\.create: /);
    }
  });

  it('throws ShapeError naming layers 1 and 0 and both sizes when a 4-input layer follows a 3-neuron one', () => {
    const error = thrownBy(() =>
      Network.create([
        Layer.create([[0, 0, 0], [1, 1, 1], [2, 2, 2]], Activation.sigmoid), // 2 inputs, 3 neurons
        Layer.create([[0], [1], [1], [1], [1]], Activation.identity), // 4 inputs
      ]),
    );
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.create: layer 1 takes 4 inputs but layer 0 gives 3 outputs');
    expect((error as ShapeError).expected).toEqual([3]);
    expect((error as ShapeError).actual).toEqual([4]);
  });

  it('throws ShapeError naming the first unchained pair of a random chain, with both sizes', () => {
    const broken = specArb({ minLayers: 2 }).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        at: fc.integer({ min: 1, max: spec.weights.length - 1 }),
        extra: fc.integer({ min: 1, max: 3 }),
      }),
    );
    fc.assert(
      fc.property(broken, ({ spec, at, extra }) => {
        // Layer `at` gets `extra` more inputs than layer `at - 1` has neurons.
        const layers = spec.weights.map((w, l) => Layer.create(w, spec.activations[l]));
        const given = spec.sizes[at];
        const wider = Array.from({ length: given + extra + 1 }, () => spec.weights[at][0]);
        layers[at] = Layer.create(wider, spec.activations[at]);
        const error = thrownBy(() => Network.create(layers));
        expect(error).toBeInstanceOf(ShapeError);
        expect(error.message).toMatch(/^Network\.create: /);
        expect(error.message).toContain(`layer ${at} takes ${given + extra} inputs`);
        expect(error.message).toContain(`layer ${at - 1} gives ${given} outputs`);
        expect((error as ShapeError).expected).toEqual([given]);
        expect((error as ShapeError).actual).toEqual([given + extra]);
      }),
      RUNS,
    );
  });

  it('throws ValueError when an entry is not a layer', () => {
    const error = thrownBy(() => Network.create([Layer.create([[0], [1]], Activation.identity), null as never]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: layer 1/);
  });

  it('throws ValueError naming layer 0 when the array has a hole there', () => {
    const layers = [, Layer.create([[0], [1]], Activation.identity)] as unknown as Layer[];
    const error = thrownBy(() => Network.create(layers));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.create: layer 0/);
  });

  it('copies the layers array: later changes to the caller\'s array do not reach the network', () => {
    const hidden = Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid);
    const output = Layer.create([[1], [2], [3], [-1]], Activation.identity);
    const layers = [hidden, output];
    const net = Network.create(layers);
    const before = snapshot(net);
    layers.push(Layer.create([[0], [1]], Activation.identity));
    layers[0] = Layer.create([[9, 9, 9], [9, 9, 9], [9, 9, 9]], Activation.tanh);
    layers.reverse();
    expect(snapshot(net)).toEqual(before);
    expect(Network.predict(net, [1, 2]).toArray()).toEqual(Network.predict(smallNet(), [1, 2]).toArray());
  });

  it('returns a frozen layers array', () => {
    const net = smallNet();
    expect(Object.isFrozen(net.layers)).toBe(true);
    expect(() => (net.layers as Layer[]).push(net.layers[0])).toThrow(TypeError);
    expect(net.layers.length).toBe(2);
  });

  it('does not mutate its argument', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const layers = spec.weights.map((w, l) => Layer.create(w, spec.activations[l]));
        const before = [...layers];
        const weights = layers.map((l) => copy(l.weights.toArray()));
        Network.create(layers);
        expect(layers).toEqual(before);
        layers.forEach((layer, l) => expect(layer).toBe(before[l]));
        expect(layers.map((l) => l.weights.toArray())).toEqual(weights);
      }),
      RUNS,
    );
  });
});


describe('the layers of a network a step returns (made when first read)', () => {
  const stepped = () => Network.sgdStep(smallNet(), [1, 2], [1], { learningRate: 0.1 });

  it('are the same frozen array at every reading', () => {
    const net = stepped();
    const first = net.layers;
    expect(net.layers).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as Layer[]).push(first[0])).toThrow(TypeError);
    expect(thrownBy(() => { (net as unknown as { layers: unknown }).layers = []; })).toBeInstanceOf(TypeError);
    expect(net.layers).toBe(first);
  });

  it('show in util.inspect as a network made by Network.create does', async () => {
    const { inspect } = await import('node:util');
    const net = stepped();
    const made = Network.create(net.layers.map((layer) => Layer.create(layer.weights, layer.activation)));
    expect(inspect(net, { depth: 4 })).toBe(inspect(made, { depth: 4 }));
    expect(inspect(net, { depth: 4 })).toContain('layers');
  });
});
