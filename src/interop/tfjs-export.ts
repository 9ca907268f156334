/**
 * Writing a network as TensorFlow.js model artifacts.
 *
 * @module
 */
import { activationSpec } from './activations.js';
import { modelOf, type Network } from '../model/network-record.js';
import { ValueError } from '../errors.js';
import type { TFJSArtifacts, TFJSWeightSpec } from './tfjs-artifacts.js';

/** The name the artifacts say wrote them. */
export const GENERATED_BY = 'mathjs-backprop';

/** The float32 nearest each weight, refusing one that is too large for float32. */
function checkFloat32(weights: Float64Array, where: string, m: number): void {
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(Math.fround(weights[k]))) {
      const row = Math.floor(k / m);
      throw new ValueError(`${where} weight [${row}][${k % m}] = ${weights[k]} is too large for float32`);
    }
  }
}

/** The Keras config of one Dense layer, with the batch input shape on the first. */
function denseConfig(name: string, inputs: number, units: number, activation: string, first: boolean): object {
  return {
    class_name: 'Dense',
    config: {
      name,
      units,
      activation,
      use_bias: true,
      trainable: true,
      dtype: 'float32',
      ...(first ? { batch_input_shape: [null, inputs] } : {}),
    },
  };
}

/**
 * Converts a network into TensorFlow.js model artifacts of a Sequential
 * model: one Dense layer per layer, followed by a LeakyReLU layer where the
 * activation is a leakyRelu.
 *
 * The mapping: a layer with `n` inputs and `m` neurons becomes a Dense
 * layer of `m` units whose kernel (`n × m`) is rows 1..n of the weights and
 * whose bias is minus row 0, since `[-1, x] · W = x · W[1..n] - W[0]`. The
 * activations `identity`, `sigmoid`, `tanh`, `relu` and `softplus` become
 * Keras's `linear`, `sigmoid`, `tanh`, `relu` and `softplus`;
 * `leakyRelu(alpha)` becomes a `linear` Dense layer and a `LeakyReLU` layer
 * with that `alpha` (Keras's own default is 0.3, so it is always written).
 * The weights are rounded to float32, little-endian, kernel then bias for
 * each layer. Costs one pass over the weights.
 *
 * @param net - the network; not changed.
 * @throws {@link "mathjs-backprop"!UnknownNameError | UnknownNameError} if a layer's
 *   activation is not a built-in one; the message names the layer and the
 *   activation.
 * @throws {@link "mathjs-backprop"!ValueError | ValueError} if `net` is not a network or
 *   a weight is too large for float32.
 * @returns new artifacts, for `tf.loadLayersModel(tf.io.fromMemory(artifacts))`
 *   or {@link writeTFJS}.
 *
 * @example
 * The notebook's 2-3-1 network; the first kernel is rows 1 and 2 of its
 * weights, the first bias minus row 0:
 * ```ts
 * import { Activation, Layer, Network } from 'mathjs-backprop';
 * import { toTFJS } from 'mathjs-backprop/tfjs';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const artifacts = toTFJS(net);
 * artifacts.weightSpecs.map((spec) => `${spec.name} [${spec.shape}]`);
 * // => ['dense_1/kernel [2,3]', 'dense_1/bias [3]', 'dense_2/kernel [3,1]', 'dense_2/bias [1]']
 * Array.from(new Float32Array(artifacts.weightData, 0, 9));
 * // => [1, 2, 0, 0, -2, 1, -1, 0, 1]
 * ```
 */
export function toTFJS(net: Network): TFJSArtifacts {
  const model = modelOf(net, 'toTFJS');
  const { sizes, weights } = model;
  const layers: object[] = [];
  const weightSpecs: TFJSWeightSpec[] = [];
  const count = weights.reduce((sum, w) => sum + w.length, 0);
  const data = new DataView(new ArrayBuffer(4 * count));
  let offset = 0;
  let leakyCount = 0;
  model.activations.forEach((activation, l) => {
    const where = `toTFJS: layer ${l}`;
    const spec = activationSpec(activation, where);
    const [n, m] = [sizes[l], sizes[l + 1]];
    const w = weights[l];
    checkFloat32(w, where, m);
    const name = `dense_${l + 1}`;
    layers.push(denseConfig(name, n, m, spec.kind === 'leakyRelu' ? 'linear' : spec.kind, l === 0));
    if (spec.kind === 'leakyRelu') {
      leakyCount += 1;
      layers.push({ class_name: 'LeakyReLU', config: { name: `leaky_re_lu_${leakyCount}`, alpha: spec.alpha, trainable: true } });
    }
    weightSpecs.push({ name: `${name}/kernel`, shape: [n, m], dtype: 'float32' }, { name: `${name}/bias`, shape: [m], dtype: 'float32' });
    for (let k = m; k < w.length; k++, offset += 4) data.setFloat32(offset, w[k], true);
    for (let j = 0; j < m; j++, offset += 4) data.setFloat32(offset, -w[j], true);
  });
  return {
    modelTopology: { class_name: 'Sequential', config: { name: 'sequential', layers } },
    weightSpecs,
    weightData: data.buffer,
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
  };
}
