/**
 * mathjs-backprop/onnx: networks to ONNX. {@link toONNX} writes an ONNX
 * model (a `Gemm` and an activation per layer, float32 or float64) that
 * ONNX Runtime and other ONNX engines run.
 *
 * Neither ONNX nor ONNX Runtime is a dependency. The protobuf is encoded
 * with `onnx-proto`, an optional peer dependency of this entry point only:
 * install it (`npm install onnx-proto`) to call `toONNX`; the entry point
 * itself loads without it.
 *
 * @module mathjs-backprop/onnx
 */

export { toONNX, type ONNXOptions } from './onnx-export.js';
