/**
 * Writing a network as an ONNX model.
 *
 * @module
 */
import type { onnx } from 'onnx-proto';
import { activationSpec } from './activations.js';
import { modelOf, type Network } from '../model/network-record.js';
import { ValueError } from '../errors.js';
import { buildGraph, type Graph, type OnnxDtype } from './onnx-graph.js';
import { onnxProto } from './onnx-proto-load.js';

/** Options of {@link toONNX}. */
export interface ONNXOptions {
  /**
   * The number type of the model's weights, input and output.
   * @defaultValue `'float32'`
   */
  readonly dtype?: 'float32' | 'float64';
}

/** ONNX's TensorProto.DataType codes. */
const DATA_TYPE = { float32: 1, float64: 11 } as const;
/** ONNX IR version 8 and operator set 13: ONNX 1.10, which ONNX Runtime 1.10 and later run. */
const IR_VERSION = 8;
const OPSET = 13;

/** Little-endian bytes of `values` in the model's number type. */
function rawData(values: ArrayLike<number>, dtype: OnnxDtype): Uint8Array {
  const size = dtype === 'float32' ? 4 : 8;
  const view = new DataView(new ArrayBuffer(size * values.length));
  for (let k = 0; k < values.length; k++) {
    if (dtype === 'float32') view.setFloat32(4 * k, values[k], true);
    else view.setFloat64(8 * k, values[k], true);
  }
  return new Uint8Array(view.buffer);
}

/** The value info of a `[batch, size]` tensor. */
function batchTensor(name: string, size: number, dtype: OnnxDtype): onnx.IValueInfoProto {
  const shape = { dim: [{ dimParam: 'batch' }, { dimValue: size }] };
  return { name, type: { tensorType: { elemType: DATA_TYPE[dtype], shape } } };
}

/** The ModelProto fields of a graph. */
function modelProto(graph: Graph, sizes: readonly number[], dtype: OnnxDtype): onnx.IModelProto {
  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'mathjs-backprop',
    graph: {
      name: 'network',
      input: [batchTensor('input', sizes[0], dtype)],
      output: [batchTensor('output', sizes[sizes.length - 1], dtype)],
      initializer: graph.constants.map(({ name, dims, values }) => ({
        name, dims: [...dims], dataType: DATA_TYPE[dtype], rawData: rawData(values, dtype),
      })),
      node: graph.nodes.map(({ opType, inputs, output, alpha }, k) => ({
        name: `${output}#${k}`,
        opType,
        input: [...inputs],
        output: [output],
        attribute: alpha === undefined ? [] : [{ name: 'alpha', type: 1, f: alpha }],
      })),
    },
  };
}

/**
 * Converts a network into an ONNX model, as the bytes of its protobuf
 * encoding, with input `input` of shape `[batch, n]` and output `output`
 * of shape `[batch, m]`, `batch` being a symbolic dimension.
 *
 * The mapping: layer `l` is a `Gemm` node computing `x · K + b`, with the
 * kernel `K` (`n × m`) rows 1..n of the weights and the bias `b` minus row
 * 0, since `[-1, x] · W = x · W[1..n] - W[0]`; then its activation:
 * `Identity`, `Tanh`, `Relu`, `Softplus` or `LeakyRelu`. The sigmoid is
 * built from basic ops, `e / (1 + e)` or `1 / (1 + e)` with
 * `e = exp(-|z|)`, because ONNX Runtime's Sigmoid kernels approximate it;
 * and in float64, where ONNX Runtime has no double kernel for `Softplus`
 * and `LeakyRelu` (whose `alpha` attribute is a float32 anyway), those two
 * are too: `max(z, 0) + log1p(exp(-|z|))` and `relu(z) - alpha · relu(-z)`.
 * So the model computes what this library does, to rounding. The weights are stored little-endian in the chosen
 * type (IR version 8, operator set 13). Needs the optional peer dependency
 * `onnx-proto` to encode the protobuf.
 *
 * @param net - the network; not changed.
 * @param options - the number type, float32 (the default) or float64.
 * @throws {@link "mathjs-backprop"!UnknownNameError | UnknownNameError} if a layer's
 *   activation is not a built-in one; the message names the layer and the
 *   activation.
 * @throws {@link "mathjs-backprop"!ValueError | ValueError} if `net` is not a network,
 *   `dtype` is neither `'float32'` nor `'float64'`, or (float32) a weight is
 *   too large for float32.
 * @throws Error if `onnx-proto` is not installed, saying how to install it.
 * @returns the model's bytes, for `ort.InferenceSession.create(bytes)` or a `.onnx` file.
 *
 * @example
 * The notebook's 2-3-1 network, read back with onnx-proto to list its nodes:
 * ```ts
 * import onnxProto from 'onnx-proto';
 * import { Activation, Layer, Network } from 'mathjs-backprop';
 * import { toONNX } from 'mathjs-backprop/onnx';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.tanh),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const bytes = toONNX(net, { dtype: 'float64' });
 * const { graph } = onnxProto.onnx.ModelProto.decode(bytes);
 * graph.node.map((node) => node.opType); // => ['Gemm', 'Tanh', 'Gemm', 'Identity']
 * [graph.input[0].name, graph.output[0].name]; // => ['input', 'output']
 * ```
 */
export function toONNX(net: Network, options: ONNXOptions = {}): Uint8Array {
  const where = 'toONNX';
  const model = modelOf(net, where);
  const dtype = options?.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new ValueError(`${where}: dtype must be 'float32' or 'float64', got ${String(dtype)}`);
  }
  const layers = model.weights.map((weights, l) => {
    const spec = activationSpec(model.activations[l], `${where}: layer ${l}`);
    const [n, m] = [model.sizes[l], model.sizes[l + 1]];
    const huge = dtype === 'float32' ? weights.findIndex((w) => !Number.isFinite(Math.fround(w))) : -1;
    if (huge >= 0) {
      const [row, column] = [Math.floor(huge / m), huge % m];
      throw new ValueError(`${where}: layer ${l} weight [${row}][${column}] = ${weights[huge]} is too large for float32`);
    }
    return { inputs: n, outputs: m, weights, activation: spec };
  });
  const { onnx: proto } = onnxProto(where);
  const message = proto.ModelProto.create(modelProto(buildGraph(layers, dtype), model.sizes, dtype));
  return Uint8Array.from(proto.ModelProto.encode(message).finish());
}
