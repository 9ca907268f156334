/**
 * The networks the TF.js and ONNX interop tests export, and the float32
 * tolerance they compare with, written once for every interop test file.
 */
import { Activation, Layer, Network } from '../../src/index.js';
import { batchArbitrary, builtInActivations, networkArbitrary } from '../../src/testing/index.js';

/** Every built-in activation, with a leakyRelu of small and of negative slope besides the default one. */
export const interopActivations = [...builtInActivations, Activation.leakyRelu(0.2), Activation.leakyRelu(-0.5)];

/** Random networks of 1 to 4 layers of those activations, each with a batch of 1 to 5 rows. */
export const interopCases = networkArbitrary({ layers: { min: 1, max: 4 }, activations: interopActivations }).chain((net) =>
  batchArbitrary(net, { shape: 'batch', rows: { min: 1, max: 5 } }).map(({ input }) => ({ net, input: input as number[][] })),
);

/**
 * float32 rounding: a float32 carries 24 bits (6e-8 relative); up to 4
 * layers of up to 5 products of numbers below ~5 each, rounded at every
 * step, stay within 1e-6 absolute, or 1e-5 relative for large outputs.
 */
export const FLOAT32 = { rtol: 1e-5, atol: 1e-6 };

/**
 * A 2-3-1 network with the given hidden activation and a leakyRelu(0.2)
 * output, weights of mixed signs and sizes: the fixed model the TF.js
 * import and file tests export.
 */
export function twoLayerNet(hidden: Activation): Network {
  return Network.create([
    Layer.create([[0.5, -1, 0], [1, 2, 0.5], [-0.25, 0.75, 1]], hidden),
    Layer.create([[0.1], [1], [-2], [0.5]], Activation.leakyRelu(0.2)),
  ]);
}
