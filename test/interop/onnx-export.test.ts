/**
 * toONNX against ONNX Runtime (onnxruntime-node, a dev dependency): the
 * expected values are what ONNX Runtime computes on the exported model,
 * compared with Network.predict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import onnxProto from 'onnx-proto';
import { Activation, Layer, Network, UnknownNameError, ValueError } from '../../src/index.js';
import { toONNX } from '../../src/interop/onnx.js';
import { onnxProto as loadOnnxProto } from '../../src/interop/onnx-proto-load.js';
import { ortRun } from './ort-engine.js';
import { expectMatrixClose, thrownBy, toNested } from '../support/helpers.js';
import { FLOAT32, interopActivations, interopCases } from '../support/interop-cases.js';

const activations = interopActivations;
const cases = interopCases;

/** float64: the bar, 1e-12 relative, and no absolute slack. */
const FLOAT64 = { rtol: 1e-12, atol: 0 };

const matrix = (rows: number[][]) => rows;

describe('toONNX', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`gives a ${dtype} model that ONNX Runtime runs to the outputs of Network.predict, for random networks and batches`, async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ({ net, input }) => {
          const actual = await ortRun(toONNX(net, { dtype }), input, dtype);
          expectMatrixClose(actual, toNested(Network.predict(net, input)), dtype === 'float32' ? FLOAT32 : FLOAT64);
        }),
        { seed: 11, numRuns: 12 },
      );
    });
  }

  // z from -800 to 800: overflow, underflow, log1p's small values, the kinks.
  const zs = [-800, -745, -40, -37, -30, -20, -5, -1e-3, -1e-20, 0, 1e-20, 1e-3, 5, 20, 30, 40, 800];
  const extremes = [...activations.slice(1), Activation.leakyRelu(3)];
  it.each(extremes.map((a) => [a.name, a] as const))(
    'gives %s at pre-activations from -800 to 800 what the library gives, in float64 to 1e-12 and in float32 to its rounding',
    async (_name, activation) => {
      const net = Network.create([Layer.create([[0], [1]], activation)]);
      const input = zs.map((z) => [z]);
      const expected = toNested(Network.predict(net, input));
      expectMatrixClose(await ortRun(toONNX(net, { dtype: 'float64' }), input, 'float64'), expected, FLOAT64);
      // Below ~1e-38 a float32 is subnormal or 0: the absolute slack is beneath float32's normal range.
      expectMatrixClose(await ortRun(toONNX(net), input, 'float32'), expected, { rtol: 1e-6, atol: 1e-40 });
    },
  );

  it('writes input [batch, n], output [batch, m], one Gemm per layer with kernel rows 1..n and bias minus row 0', () => {
    const net = Network.create([
      Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.tanh),
      Layer.create([[1], [2], [3], [-1]], Activation.leakyRelu(0.25)),
    ]);
    const model = onnxProto.onnx.ModelProto.decode(toONNX(net, { dtype: 'float64' }));
    const { graph } = model;
    const dims = (v: onnxProto.onnx.IValueInfoProto) =>
      v.type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue));
    expect([graph!.input![0].name, dims(graph!.input![0])]).toEqual(['input', ['batch', 2]]);
    expect([graph!.output![0].name, dims(graph!.output![0])]).toEqual(['output', ['batch', 1]]);
    expect(graph!.input![0].type!.tensorType!.elemType).toBe(onnxProto.onnx.TensorProto.DataType.DOUBLE);
    const init = new Map(graph!.initializer!.map((t) => [t.name, t]));
    const values = (name: string) => {
      const raw = init.get(name)!.rawData!;
      return Array.from(new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)));
    };
    expect(values('layer0.kernel')).toEqual([1, 2, 0, 0, -2, 1]);
    expect(values('layer0.bias')).toEqual([-1, -0, 1]);
    expect(values('layer1.kernel')).toEqual([2, 3, -1]);
    expect(values('layer1.bias')).toEqual([-1]);
    expect(graph!.node!.filter((n) => n.opType === 'Gemm').map((n) => n.input)).toEqual([
      ['input', 'layer0.kernel', 'layer0.bias'],
      ['layer0.a', 'layer1.kernel', 'layer1.bias'],
    ]);
    // float64 leakyRelu from basic ops; float32 uses the LeakyRelu op with alpha.
    expect(graph!.node!.some((n) => n.opType === 'LeakyRelu')).toBe(false);
    const f32 = onnxProto.onnx.ModelProto.decode(toONNX(net)).graph!;
    const leaky = f32.node!.find((n) => n.opType === 'LeakyRelu')!;
    expect([leaky.attribute![0].name, leaky.attribute![0].f]).toEqual(['alpha', 0.25]);
    expect(f32.input![0].type!.tensorType!.elemType).toBe(onnxProto.onnx.TensorProto.DataType.FLOAT);
  });

  it('runs a batch of one row and of many rows with the same model (the batch dimension is symbolic)', async () => {
    const net = Network.init([3, 4, 2], { seed: 5, activation: Activation.softplus });
    const bytes = toONNX(net, { dtype: 'float64' });
    for (const rows of [matrix([[0.1, 0.2, 0.3]]), matrix(Array.from({ length: 7 }, (_, r) => [r, -r, r / 2]))]) {
      expectMatrixClose(await ortRun(bytes, rows, 'float64'), toNested(Network.predict(net, rows)), FLOAT64);
    }
  });

  it('throws UnknownNameError naming the layer and the activation for a custom activation', () => {
    const cube = Activation.define({ name: 'cube-for-onnx', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
    const net = Network.create([Layer.create([[0], [1]], Activation.tanh), Layer.create([[0], [1]], cube)]);
    const error = thrownBy(() => toONNX(net));
    expect(error).toBeInstanceOf(UnknownNameError);
    expect(error.message).toMatch(/^toONNX: layer 1 has the activation "cube-for-onnx", which is not a built-in one/);
  });

  it('throws UnknownNameError for an object that borrows the name of a leakyRelu', () => {
    const fake = { name: 'leakyRelu(0.1)', apply: (z: number) => (z > 0 ? z : 0.2 * z), derivative: () => 1 };
    const net = Network.create([Layer.create([[0], [1]], fake)]);
    expect(thrownBy(() => toONNX(net))).toBeInstanceOf(UnknownNameError);
  });

  it('throws ValueError for a dtype other than float32 and float64, and for weights too large for float32', () => {
    const net = Network.create([Layer.create([[0], [1]], Activation.tanh)]);
    const bad = thrownBy(() => toONNX(net, { dtype: 'float16' as 'float32' }));
    expect(bad).toBeInstanceOf(ValueError);
    expect(bad.message).toBe("toONNX: dtype must be 'float32' or 'float64', got float16");
    const huge = Network.create([Layer.create([[0], [1e39]], Activation.tanh)]);
    expect(thrownBy(() => toONNX(huge)).message).toBe('toONNX: layer 0 weight [1][0] = 1e+39 is too large for float32');
    expect(toONNX(huge, { dtype: 'float64' })).toBeInstanceOf(Uint8Array);
  });

  it('does not change the network', () => {
    const net = Network.create([Layer.create([[0.5], [2]], Activation.leakyRelu(0.1))]);
    const before = net.layers[0].weights.toArray();
    toONNX(net, { dtype: 'float64' });
    expect(net.layers[0].weights.toArray()).toEqual(before);
  });
});

describe('the onnx-proto loader', () => {
  it('throws an Error naming onnx-proto and how to install it when the package is missing', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'onnx-proto'"), { code: 'MODULE_NOT_FOUND' });
    };
    const error = thrownBy(() => loadOnnxProto('toONNX', missing));
    expect(error.constructor).toBe(Error);
    expect(error.message).toBe(
      'toONNX: writing ONNX models needs the package onnx-proto, an optional peer dependency of mathjs-backprop/onnx; ' +
        'install it with `npm install onnx-proto`',
    );
  });

  it('passes on any other failure to load it', () => {
    const broken = () => {
      throw new TypeError('broken');
    };
    expect(thrownBy(() => loadOnnxProto('toONNX', broken))).toBeInstanceOf(TypeError);
  });
});
