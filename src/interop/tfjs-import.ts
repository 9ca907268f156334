/**
 * Reading TensorFlow.js model artifacts into a network.
 *
 * @module
 */
import { activationOf } from './activations.js';
import { layerFromData, type Layer } from '../model/layer.js';
import { networkOf, type Network } from '../model/network-record.js';
import type { TFJSArtifactsLike } from './tfjs-artifacts.js';
import { count, fail, isDict, readTopology, shown, type DensePlan } from './tfjs-topology.js';

/** One weight of `weightSpecs`: where its float32s start in `weightData`. */
interface Weight {
  readonly path: string;
  readonly shape: readonly number[];
  readonly offset: number;
  used: boolean;
}

/** The bytes of `weightData`: one ArrayBuffer, a list of them (TF.js 4), or a typed array. */
function bytesOf(data: unknown): DataView {
  const isBuffer = (b: unknown): b is ArrayBuffer => Object.prototype.toString.call(b) === '[object ArrayBuffer]';
  if (isBuffer(data)) return new DataView(data);
  if (ArrayBuffer.isView(data)) return new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data) && data.every(isBuffer)) {
    const whole = new Uint8Array(data.reduce((sum, b) => sum + b.byteLength, 0));
    data.reduce((at, b) => (whole.set(new Uint8Array(b), at), at + b.byteLength), 0);
    return new DataView(whole.buffer);
  }
  return fail('weightData', `must be an ArrayBuffer, a list of them or a typed array, got ${shown(data)}`);
}

/** The weights by name, with their offsets, checking that `weightData` holds exactly them. */
function weightsOf(specs: unknown, bytes: DataView): Map<string, Weight> {
  if (!Array.isArray(specs)) fail('weightSpecs', `must be the list of weights, got ${shown(specs)}`);
  const weights = new Map<string, Weight>();
  let offset = 0;
  specs.forEach((spec: unknown, i) => {
    const path = `weightSpecs[${i}]`;
    if (!isDict(spec)) fail(path, `must be an object, got ${shown(spec)}`);
    if (typeof spec.name !== 'string') fail(`${path}.name`, `must be a string, got ${shown(spec.name)}`);
    if (weights.has(spec.name)) fail(`${path}.name`, `repeats the name ${shown(spec.name)}`);
    if (spec.dtype !== 'float32') fail(`${path}.dtype`, `is ${shown(spec.dtype)}; only float32 weights can be read`);
    if (spec.quantization !== undefined) fail(`${path}.quantization`, 'is given; quantized weights cannot be read');
    if (!Array.isArray(spec.shape)) fail(`${path}.shape`, `must be a list of dimensions, got ${shown(spec.shape)}`);
    const shape = spec.shape.map((d: unknown, k) => count(d, `${path}.shape[${k}]`));
    weights.set(spec.name, { path, shape, offset, used: false });
    offset += 4 * shape.reduce((p, d) => p * d, 1);
  });
  if (bytes.byteLength !== offset) {
    fail('weightData', `has ${bytes.byteLength} bytes, but weightSpecs describe ${offset} (${offset / 4} float32 numbers)`);
  }
  return weights;
}

/** The weight `name`, checked against the shape the topology gives it. */
function weightFor(weights: Map<string, Weight>, name: string, shape: readonly number[], layerPath: string): Weight {
  const weight = weights.get(name);
  if (weight === undefined) fail('weightSpecs', `has no weight named ${shown(name)}, which ${layerPath} needs`);
  if (weight.shape.length !== shape.length || weight.shape.some((d, k) => d !== shape[k])) {
    fail(`${weight.path}.shape`, `is [${weight.shape.join(', ')}], but ${layerPath} needs [${shape.join(', ')}]`);
  }
  weight.used = true;
  return weight;
}

/** One float32 of the weights, refusing NaN and infinities. */
function read(bytes: DataView, weight: Weight, k: number): number {
  const value = bytes.getFloat32(weight.offset + 4 * k, true);
  if (!Number.isFinite(value)) fail(weight.path, `holds ${value} at index ${k}; weights must be finite`);
  return value;
}

/** The layer of one Dense plan: row 0 is minus the bias, rows 1..n the kernel. */
function layerOf(plan: DensePlan, n: number, weights: Map<string, Weight>, bytes: DataView): Layer {
  const m = plan.units;
  const data = new Float64Array((n + 1) * m);
  const kernel = weightFor(weights, `${plan.name}/kernel`, [n, m], plan.path);
  for (let k = 0; k < n * m; k++) data[m + k] = read(bytes, kernel, k);
  if (plan.useBias) {
    const bias = weightFor(weights, `${plan.name}/bias`, [m], plan.path);
    for (let j = 0; j < m; j++) data[j] = -read(bytes, bias, j);
  }
  return layerFromData(data, n, m, activationOf(plan.activation));
}

/**
 * Reads TensorFlow.js model artifacts of a Sequential model into a network:
 * the reverse of {@link toTFJS}, for what
 * `model.save(tf.io.withSaveHandler(...))` hands over.
 *
 * The mapping: each Dense layer (`n` inputs, `m` units) becomes a layer
 * whose row 0 is minus the bias (zeros for a Dense layer without bias) and
 * whose rows 1..n are the kernel; its activation (`linear`, `sigmoid`,
 * `tanh`, `relu`, `softplus`) is the layer's, unless it is `linear` and an
 * `Activation` or `LeakyReLU` layer follows (LeakyReLU's alpha is taken
 * from the config, 0.3 as in Keras when absent). An `InputLayer` may come
 * first. The float32 weights are taken exactly, as float64. Every other
 * layer class, activation, weight type or field that changes what the
 * model computes is refused, never guessed. Costs one pass over the weights.
 *
 * @param artifacts - `modelTopology` (the Keras config), `weightSpecs`,
 *   `weightData` and optionally `format`, as TF.js saves them; not changed.
 * @throws {@link "mathjs-backprop"!FormatError | FormatError} if the artifacts are not
 *   a Sequential model of those layers, a weight is missing, of the wrong
 *   shape or not finite, or `weightData` does not hold exactly the weights
 *   of `weightSpecs`; `path` says where, e.g. `modelTopology.config.layers[1]`.
 * @returns a new network.
 *
 * @example
 * Artifacts written by hand: one Dense layer of 1 unit on 2 inputs.
 * ```ts
 * import { fromTFJS } from 'mathjs-backprop/tfjs';
 * const net = fromTFJS({
 *   modelTopology: {
 *     class_name: 'Sequential',
 *     config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 1, activation: 'relu', batch_input_shape: [null, 2] } }] },
 *   },
 *   weightSpecs: [{ name: 'd/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'd/bias', shape: [1], dtype: 'float32' }],
 *   weightData: new Float32Array([0.5, -2, 0.25]).buffer,
 * });
 * net.layers[0].weights.toArray(); // => [[-0.25], [0.5], [-2]]
 * net.layers[0].activation.name; // => 'relu'
 * ```
 */
export function fromTFJS(artifacts: TFJSArtifactsLike): Network {
  if (!isDict(artifacts)) fail('artifacts', `must be an object, got ${shown(artifacts)}`);
  if (artifacts.format !== undefined && artifacts.format !== 'layers-model') {
    fail('format', `is ${shown(artifacts.format)}; only 'layers-model' artifacts can be read`);
  }
  const { dense, inputs } = readTopology(artifacts.modelTopology);
  const bytes = bytesOf(artifacts.weightData);
  const weights = weightsOf(artifacts.weightSpecs, bytes);
  const first = weights.get(`${dense[0].name}/kernel`)?.shape[0];
  let n = inputs ?? first ?? fail('weightSpecs', `has no weight named ${shown(`${dense[0].name}/kernel`)}, which ${dense[0].path} needs`);
  const layers = dense.map((plan) => {
    const layer = layerOf(plan, n, weights, bytes);
    n = plan.units;
    return layer;
  });
  const unused = [...weights.values()].find((w) => !w.used);
  if (unused !== undefined) fail(unused.path, 'is a weight that no Dense layer of the topology has');
  return networkOf(layers, 'fromTFJS');
}
