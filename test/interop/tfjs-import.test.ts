/**
 * fromTFJS on what TensorFlow.js itself saves (tfjs-layers, a dev
 * dependency) and on toTFJS's artifacts: the expected outputs are TF.js's
 * `predict`, the expected weights those of the network that was exported,
 * rounded to float32 with Math.fround.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activation, FormatError, gradientCheck, Network } from '../../src/index.js';
import { builtInActivations, networkArbitrary } from '../../src/testing/index.js';
import { fromTFJS, toTFJS, type TFJSArtifactsLike } from '../../src/interop/tfjs.js';
import { readyTF, savedArtifacts as saved, tf, tfl, tfPredict } from './tfjs-engine.js';
import { expectMatrixClose, thrownBy, toNested } from '../support/helpers.js';
import { FLOAT32, twoLayerNet } from '../support/interop-cases.js';

beforeAll(readyTF);

type Topology = { class_name: string; config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
/** A copy of artifacts with its topology edited. */
function edited(artifacts: TFJSArtifactsLike, edit: (topology: Topology) => void): TFJSArtifactsLike {
  const topology = structuredClone(artifacts.modelTopology) as Topology;
  edit(topology);
  return { ...artifacts, modelTopology: topology };
}

function formatError(fn: () => unknown): FormatError {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

const small = () => twoLayerNet(Activation.tanh);

describe('fromTFJS', () => {
  it('reads back what toTFJS wrote: the weights rounded to float32, exactly, and the same activations', () => {
    const activations = [...builtInActivations, Activation.leakyRelu(0.3), Activation.leakyRelu(-2)];
    fc.assert(
      fc.property(networkArbitrary({ layers: { min: 1, max: 4 }, activations, weights: { min: -100, max: 100 } }), (net) => {
        const back = fromTFJS(toTFJS(net));
        expect(back.layers.map((l) => l.activation.name)).toEqual(net.layers.map((l) => l.activation.name));
        expect(back.layers.map((l) => l.weights.toArray())).toEqual(
          net.layers.map((l) => (l.weights.toArray() as number[][]).map((row) => row.map(Math.fround))),
        );
      }),
      { seed: 12, numRuns: 40 },
    );
  });

  it('reads a model built and trained in TF.js so that it predicts what TF.js predicts, and its gradients check', async () => {
    const seeded = (seed: number) => tfl.initializers.glorotUniform({ seed });
    const model = tfl.sequential({
      layers: [
        tfl.layers.inputLayer({ inputShape: [3] }),
        tfl.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: seeded(1), biasInitializer: 'ones' }),
        tfl.layers.dense({ units: 3, kernelInitializer: seeded(2), useBias: false }),
        tfl.layers.leakyReLU({ alpha: 0.1 }),
        tfl.layers.dense({ units: 3, activation: 'softplus', kernelInitializer: seeded(3) }),
        tfl.layers.dense({ units: 2, kernelInitializer: seeded(4) }),
        tfl.layers.activation({ activation: 'sigmoid' }),
      ],
    });
    const x = [[0.5, -1, 2], [1, 0, -0.5], [-1.5, 0.25, 1], [0, 1, 1]];
    const t = [[1, 0], [0, 1], [1, 1], [0, 0]];
    model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
    const xs = tf.tensor2d(x);
    const ts = tf.tensor2d(t);
    await model.fit(xs, ts, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    const predicted = tf.tidy(() => (model.predict(xs) as tf.Tensor2D).arraySync());
    xs.dispose();
    ts.dispose();
    const net = fromTFJS(await saved(model));
    model.dispose();
    expect(net.layers.map((l) => [l.inputSize, l.outputSize, l.activation.name])).toEqual([
      [3, 4, 'tanh'],
      [4, 3, 'leakyRelu(0.1)'],
      [3, 3, 'softplus'],
      [3, 2, 'sigmoid'],
    ]);
    // No bias on the second Dense layer: its bias row is zero.
    expect((net.layers[1].weights.toArray() as number[][])[0]).toEqual([0, 0, 0]);
    expectMatrixClose(Network.predict(net, x), predicted, FLOAT32);
    const report = gradientCheck(net, x, t, { reference: 'bignumber' });
    expect(report.reference).toBe('bignumber');
    expect(report.ok).toBe(true);
  });

  it('reads an InputLayer and a topology wrapped in model_config, as TF.js loads them', async () => {
    const artifacts = edited(toTFJS(small()), (top) => {
      delete top.config.layers[0].config.batch_input_shape;
      top.config.layers.unshift({ class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 2], dtype: 'float32' } });
    });
    const wrapped = { ...artifacts, modelTopology: { model_config: artifacts.modelTopology } };
    const x = [[1, 2], [-0.5, 0.25]];
    for (const a of [artifacts, wrapped]) {
      expectMatrixClose(Network.predict(fromTFJS(a), x), await tfPredict(a as tf.io.ModelArtifacts, x), FLOAT32);
    }
  });

  it('takes weightData as a list of buffers or a typed array too', () => {
    const artifacts = toTFJS(small());
    const bytes = new Uint8Array(artifacts.weightData);
    const expected = toNested(fromTFJS(artifacts).layers[1].weights);
    const parts = [bytes.slice(0, 10).buffer, bytes.slice(10).buffer];
    expect(toNested(fromTFJS({ ...artifacts, weightData: parts }).layers[1].weights)).toEqual(expected);
    expect(toNested(fromTFJS({ ...artifacts, weightData: bytes }).layers[1].weights)).toEqual(expected);
  });

  describe('refuses', () => {
    it('a Dropout layer, by class name and layer name', async () => {
      const model = tfl.sequential({
        layers: [tfl.layers.dense({ units: 2, inputShape: [2] }), tfl.layers.dropout({ rate: 0.5, name: 'drop' })],
      });
      const artifacts = await saved(model);
      model.dispose();
      const error = formatError(() => fromTFJS(artifacts));
      expect(error.path).toBe('modelTopology.config.layers[1]');
      expect(error.message).toBe(
        'fromTFJS: modelTopology.config.layers[1] is a "Dropout" layer named "drop"; ' +
          'only Dense, Activation, LeakyReLU and InputLayer layers can be read',
      );
    });

    it('a Conv2D layer', async () => {
      const model = tfl.sequential({
        layers: [tfl.layers.conv2d({ filters: 1, kernelSize: 2, inputShape: [3, 3, 1], name: 'conv' }), tfl.layers.flatten()],
      });
      const artifacts = await saved(model);
      model.dispose();
      const error = formatError(() => fromTFJS(artifacts));
      expect(error.path).toBe('modelTopology.config.layers[0]');
      expect(error.message).toMatch(/^fromTFJS: modelTopology\.config\.layers\[0\] is a "Conv2D" layer named "conv"/);
    });

    it('a functional (non-Sequential) model', async () => {
      const input = tfl.input({ shape: [2] });
      const model = tfl.model({ inputs: input, outputs: tfl.layers.dense({ units: 1 }).apply(input) as tfl.SymbolicTensor });
      const artifacts = await saved(model);
      model.dispose();
      const error = formatError(() => fromTFJS(artifacts));
      expect(error.path).toBe('modelTopology.class_name');
      expect(error.message).toMatch(/^fromTFJS: modelTopology\.class_name is "\w+"; only Sequential models can be read/);
    });

    it('weights whose shapes do not match the topology', () => {
      const artifacts = toTFJS(small());
      const swapped = artifacts.weightSpecs.map((spec, i) => (i === 0 ? { ...spec, shape: [3, 2] } : spec));
      const error = formatError(() => fromTFJS({ ...artifacts, weightSpecs: swapped }));
      expect(error.path).toBe('weightSpecs[0].shape');
      expect(error.message).toBe('fromTFJS: weightSpecs[0].shape is [3, 2], but modelTopology.config.layers[0] needs [2, 3]');
      const units = edited(artifacts, (top) => { top.config.layers[1].config.units = 2; });
      expect(formatError(() => fromTFJS(units)).path).toBe('weightSpecs[2].shape');
    });

    it('a weight the topology needs but weightSpecs lack, and one it does not need', () => {
      const artifacts = toTFJS(small());
      const renamed = artifacts.weightSpecs.map((spec, i) => (i === 3 ? { ...spec, name: 'other/bias' } : spec));
      const missing = formatError(() => fromTFJS({ ...artifacts, weightSpecs: renamed }));
      expect(missing.message).toBe('fromTFJS: weightSpecs has no weight named "dense_2/bias", which modelTopology.config.layers[1] needs');
      const noBias = edited(artifacts, (top) => { top.config.layers[1].config.use_bias = false; });
      expect(formatError(() => fromTFJS(noBias)).message).toBe(
        'fromTFJS: weightSpecs[3] is a weight that no Dense layer of the topology has',
      );
    });

    it('a truncated weightData, and one with bytes to spare', () => {
      const artifacts = toTFJS(small());
      const truncated = formatError(() => fromTFJS({ ...artifacts, weightData: artifacts.weightData.slice(0, 48) }));
      expect(truncated.path).toBe('weightData');
      expect(truncated.message).toBe('fromTFJS: weightData has 48 bytes, but weightSpecs describe 52 (13 float32 numbers)');
      const longer = new Uint8Array(56);
      longer.set(new Uint8Array(artifacts.weightData));
      expect(formatError(() => fromTFJS({ ...artifacts, weightData: longer.buffer })).path).toBe('weightData');
    });

    it('weights that are not float32 or not finite', () => {
      const artifacts = toTFJS(small());
      const ints = artifacts.weightSpecs.map((spec, i) => (i === 1 ? { ...spec, dtype: 'int32' } : spec));
      expect(formatError(() => fromTFJS({ ...artifacts, weightSpecs: ints })).path).toBe('weightSpecs[1].dtype');
      const data = new Float32Array(artifacts.weightData.slice(0));
      data[6] = NaN;
      const error = formatError(() => fromTFJS({ ...artifacts, weightData: data.buffer }));
      expect(error.message).toBe('fromTFJS: weightSpecs[1] holds NaN at index 0; weights must be finite');
    });

    it('an activation this library does not have, by its path', () => {
      const elu = edited(toTFJS(small()), (top) => { top.config.layers[0].config.activation = 'elu'; });
      const error = formatError(() => fromTFJS(elu));
      expect(error.path).toBe('modelTopology.config.layers[0].config.activation');
      expect(error.message).toBe(
        'fromTFJS: modelTopology.config.layers[0].config.activation is the activation "elu"; ' +
          'only linear, sigmoid, tanh, relu, softplus can be read',
      );
    });

    it('two activations in a row, an activation before any Dense layer, and an InputLayer that is not first', () => {
      const base = toTFJS(small());
      const twice = edited(base, (top) => {
        top.config.layers.splice(1, 0, { class_name: 'Activation', config: { name: 'act', activation: 'relu' } });
      });
      expect(formatError(() => fromTFJS(twice)).message).toBe(
        'fromTFJS: modelTopology.config.layers[1] is an Activation layer after ' +
          'modelTopology.config.layers[0].config.activation (tanh); a layer has one activation, not two',
      );
      const first = edited(base, (top) => {
        top.config.layers.unshift({ class_name: 'Activation', config: { name: 'act', activation: 'relu' } });
      });
      expect(formatError(() => fromTFJS(first)).path).toBe('modelTopology.config.layers[0]');
      const input = edited(base, (top) => {
        top.config.layers.splice(1, 0, { class_name: 'InputLayer', config: { batch_input_shape: [null, 2] } });
      });
      expect(formatError(() => fromTFJS(input)).path).toBe('modelTopology.config.layers[1]');
    });

    it('a graph model and artifacts that are not an object', () => {
      expect(formatError(() => fromTFJS({ ...toTFJS(small()), format: 'graph-model' })).path).toBe('format');
      expect(formatError(() => fromTFJS(null as unknown as TFJSArtifactsLike)).path).toBe('artifacts');
      expect(formatError(() => fromTFJS({ weightSpecs: [] })).path).toBe('modelTopology');
    });
  });

  it('does not change the artifacts', () => {
    const artifacts = toTFJS(small());
    const copy = structuredClone(artifacts);
    fromTFJS(artifacts);
    expect(artifacts).toEqual(copy);
  });
});
