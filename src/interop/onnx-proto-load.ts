/**
 * Loading `onnx-proto`, the protobuf encoder of ONNX models: an optional
 * peer dependency of this entry point only, loaded the first time a model
 * is written, so that importing the entry point never needs it.
 *
 * @module
 */
import { createRequire } from 'node:module';
import type * as OnnxProto from 'onnx-proto';

let loaded: typeof OnnxProto | undefined;

/**
 * The `onnx-proto` module, loaded once.
 *
 * @param where - the function that needs it, for the message.
 * @param load - how to load a package; Node's `require` from this file,
 *   unless a test gives another.
 * @throws Error naming the package and how to install it, if it is not installed.
 */
export function onnxProto(where: string, load?: (name: string) => unknown): typeof OnnxProto {
  if (loaded !== undefined && load === undefined) return loaded;
  try {
    const module = (load ?? createRequire(import.meta.url))('onnx-proto') as typeof OnnxProto;
    if (load !== undefined) return module;
    loaded = module;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      `${where}: writing ONNX models needs the package onnx-proto, an optional peer dependency of ` +
        'mathjs-backprop/onnx; install it with `npm install onnx-proto`',
      { cause: error },
    );
  }
  return loaded;
}
