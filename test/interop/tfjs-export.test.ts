/**
 * toTFJS against TensorFlow.js (tfjs-core, tfjs-layers and the CPU backend,
 * dev dependencies): the expected outputs are what TF.js's `predict`
 * computes on the loaded model, compared with Network.predict.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activation, Layer, Network, UnknownNameError, ValueError } from '../../src/index.js';
import { toTFJS } from '../../src/interop/tfjs.js';
import { readyTF, tfPredict } from './tfjs-engine.js';
import { expectMatrixClose, thrownBy, toNested } from '../support/helpers.js';
import { FLOAT32, interopCases } from '../support/interop-cases.js';
import { smallNet as notebook } from '../support/network-cases.js';

beforeAll(readyTF);

const cases = interopCases;

describe('toTFJS', () => {
  it('gives a model whose TF.js predict equals Network.predict to float32 rounding, for random networks and batches', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ net, input }) => {
        expectMatrixClose(await tfPredict(toTFJS(net), input), toNested(Network.predict(net, input)), FLOAT32);
      }),
      { seed: 11, numRuns: 15 },
    );
  });

  it("gives the notebook network's output at x = [1, 0], derived by hand", async () => {
    // z = [-1, 1, 0] · V = [0, 2, 1]; y = [-1, sigmoid(z)] · W = -1 + 2 s(0) + 3 s(2) - s(1).
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const expected = -1 + 2 * s(0) + 3 * s(2) - s(1);
    expectMatrixClose(await tfPredict(toTFJS(notebook()), [[1, 0]]), [[expected]], FLOAT32);
  });

  it('writes a Sequential of Dense layers: kernel = rows 1..n, bias = -row 0, as little-endian float32', () => {
    const artifacts = toTFJS(notebook());
    expect(artifacts.format).toBe('layers-model');
    expect(artifacts.generatedBy).toBe('mathjs-backprop');
    expect(artifacts.modelTopology.class_name).toBe('Sequential');
    const layers = (artifacts.modelTopology.config as { layers: { class_name: string; config: Record<string, unknown> }[] }).layers;
    expect(layers.map((l) => [l.class_name, l.config.units, l.config.activation])).toEqual([
      ['Dense', 3, 'sigmoid'],
      ['Dense', 1, 'linear'],
    ]);
    expect(layers[0].config.batch_input_shape).toEqual([null, 2]);
    expect(artifacts.weightSpecs).toEqual([
      { name: 'dense_1/kernel', shape: [2, 3], dtype: 'float32' },
      { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
      { name: 'dense_2/kernel', shape: [3, 1], dtype: 'float32' },
      { name: 'dense_2/bias', shape: [1], dtype: 'float32' },
    ]);
    const view = new DataView(artifacts.weightData);
    const floats = Array.from({ length: view.byteLength / 4 }, (_, k) => view.getFloat32(4 * k, true));
    expect(floats).toEqual([1, 2, 0, 0, -2, 1, -1, -0, 1, 2, 3, -1, -1]);
  });

  it('writes leakyRelu as a linear Dense layer and a LeakyReLU layer with its alpha', () => {
    const net = Network.create([Layer.create([[0, 0], [1, 1]], Activation.leakyRelu())]);
    const layers = (toTFJS(net).modelTopology.config as { layers: { class_name: string; config: Record<string, unknown> }[] }).layers;
    expect(layers.map((l) => [l.class_name, l.config.activation, l.config.alpha])).toEqual([
      ['Dense', 'linear', undefined],
      ['LeakyReLU', undefined, 0.01],
    ]);
  });

  it('rounds weights to the nearest float32', () => {
    const net = Network.create([Layer.create([[0.1], [1 / 3]], Activation.identity)]);
    expect(Array.from(new Float32Array(toTFJS(net).weightData))).toEqual([Math.fround(1 / 3), Math.fround(-0.1)]);
  });

  it('throws UnknownNameError naming the layer and the activation for a custom activation', () => {
    const cube = Activation.define({ name: 'cube-for-tfjs', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
    const net = Network.create([Layer.create([[0], [1]], Activation.tanh), Layer.create([[0], [1]], cube)]);
    const error = thrownBy(() => toTFJS(net));
    expect(error).toBeInstanceOf(UnknownNameError);
    expect((error as UnknownNameError).unknownName).toBe('cube-for-tfjs');
    expect(error.message).toBe(
      'toTFJS: layer 1 has the activation "cube-for-tfjs", which is not a built-in one; only identity, sigmoid, tanh, relu, ' +
        'leakyRelu(alpha) and softplus can be exported',
    );
  });

  it('throws ValueError for a weight too large for float32, and for something that is not a network', () => {
    const huge = Network.create([Layer.create([[0, -4e38], [1, 1]], Activation.tanh)]);
    const error = thrownBy(() => toTFJS(huge));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('toTFJS: layer 0 weight [0][1] = -4e+38 is too large for float32');
    expect(thrownBy(() => toTFJS(null as unknown as Network))).toBeInstanceOf(ValueError);
  });

  it('does not change the network', () => {
    const net = notebook();
    const before = net.layers.map((l) => l.weights.toArray());
    toTFJS(net);
    expect(net.layers.map((l) => l.weights.toArray())).toEqual(before);
  });
});
