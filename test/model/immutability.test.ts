/**
 * Tests that a Network and a Layer are deeply immutable at run time (issue 9,
 * item 7) and that JSON.stringify(net) writes Network.toJSON(net) (item 14).
 * Test files are ES modules, so strict: a write to a frozen object throws a
 * TypeError, and the network must compute what it did before.
 */
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

/** The notebook's 2-3-1 network. */
function notebook(): Network {
  return Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
}

type Writable = Record<string, unknown>;

describe('Network and Layer are deeply immutable (item 7)', () => {
  it('throws on assigning a layer\'s activation, and the network computes as before', () => {
    const net = notebook();
    const before = Network.predict(net, [1, 2]).toArray();
    expect(thrownBy(() => { (net.layers[0] as unknown as Writable).activation = Activation.relu; })).toBeInstanceOf(TypeError);
    expect(net.layers[0].activation).toBe(Activation.sigmoid);
    expect(Network.predict(net, [1, 2]).toArray()).toEqual(before);
    expect(Layer.forward(net.layers[0], [1, 2]).a.toArray()).toEqual(Network.forward(net, [1, 2]).layers[0].a.toArray());
    expect(Network.toJSON(net).layers[0].activation).toBe('sigmoid');
    expect(Network.predict(Network.create(net.layers), [1, 2]).toArray()).toEqual(before);
  });

  it('throws on assigning inputSize, outputSize or weights of a layer', () => {
    const layer = notebook().layers[1];
    for (const key of ['inputSize', 'outputSize', 'weights']) {
      expect(thrownBy(() => { (layer as unknown as Writable)[key] = 1; })).toBeInstanceOf(TypeError);
    }
    expect([layer.inputSize, layer.outputSize]).toEqual([3, 1]);
  });

  it('throws on assigning net.layers or changing the array', () => {
    const net = notebook();
    expect(thrownBy(() => { (net as unknown as Writable).layers = []; })).toBeInstanceOf(TypeError);
    expect(thrownBy(() => { (net.layers as Layer[]).pop(); })).toBeInstanceOf(TypeError);
    expect(net.layers).toHaveLength(2);
  });

  it('throws on writing weights._size, and the matrix keeps its size', () => {
    const weights = notebook().layers[0].weights;
    const size = (weights as unknown as { _size: number[] })._size;
    expect(thrownBy(() => { size[0] = 9; })).toBeInstanceOf(TypeError);
    expect(weights.size()).toEqual([3, 3]);
    expect(thrownBy(() => weights.set([0, 0], 5))).toBeInstanceOf(Error);
    expect(weights.get([0, 0])).toBe(1);
  });

  it('freezes the networks sgdStep and fromJSON return too', () => {
    const stepped = Network.sgdStep(notebook(), [1, 2], [1], { learningRate: 0.1 });
    const read = Network.fromJSON(Network.toJSON(notebook()));
    for (const net of [stepped, read]) {
      expect(Object.isFrozen(net)).toBe(true);
      expect(net.layers.every((layer) => Object.isFrozen(layer) && Object.isFrozen(layer.weights))).toBe(true);
    }
  });
});

describe('JSON.stringify(net) (item 14)', () => {
  it('writes what Network.toJSON returns, every weight included', () => {
    const net = notebook();
    expect(JSON.stringify(net)).toBe(JSON.stringify(Network.toJSON(net)));
    expect(JSON.parse(JSON.stringify(net)).layers[1].weights).toEqual([[1], [2], [3], [-1]]);
  });

  it('reads back through Network.fromJSON to the same predictions', () => {
    const net = Network.init([2, 4, 1], { seed: 3 });
    const back = Network.fromJSON(JSON.stringify({ net }.net));
    expect(Network.predict(back, [0.5, -1]).toArray()).toEqual(Network.predict(net, [0.5, -1]).toArray());
  });
});
