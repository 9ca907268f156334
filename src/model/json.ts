/**
 * Saving and loading networks as plain, versioned JSON.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import { byName } from '../math/activation-registry.js';
import { BackpropError, FormatError, UnknownNameError } from '../errors.js';
import { documentOf, FORMAT, type NetworkJSON } from './json-document.js';
import { create as createLayer, type Layer } from './layer.js';
import type { Network } from '../model/network-record.js';
import { modelOf, networkOf } from './network-record.js';
import { describeValue } from '../boundary/describe.js';
import { MAX_NAME_LENGTH } from '../math/activations.js';
import { MAX_LAYER_WEIGHTS } from '../boundary/limits.js';

/** The versions of the format `Network.fromJSON` reads; `toJSON` writes the last. */
const SUPPORTED_VERSIONS: readonly number[] = [1];
const WHERE = 'Network.fromJSON';

export type { LayerJSON, NetworkJSON } from './json-document.js';

/**
 * Saves a network as plain JSON data: the format's name and version, and
 * each layer's activation by name with its weights as rows of numbers.
 * `JSON.stringify` writes every weight so that it reads back exactly (but
 * JSON has no -0, which comes back as 0). A custom activation is saved by
 * the name it was given with `Activation.define`, and must be defined
 * again, under that name, before the document is read back elsewhere.
 * Does not change the network.
 *
 * @param net - the network.
 * @throws {@link UnknownNameError} if an activation was not made with
 *   `Activation.define` and is not built in, so it could not be read back.
 * @throws {@link ValueError} if an activation has the name of another one.
 * @returns a new {@link NetworkJSON}, for `JSON.stringify` or `Network.fromJSON`.
 *
 * @example
 * ```ts
 * import { Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([Layer.create([[0.5], [2]], Activation.leakyRelu(0.1))]);
 * const saved = Network.toJSON(net);
 * saved.format; // => 'mathjs-backprop/network'
 * JSON.stringify(saved.layers); // => '[{"activation":"leakyRelu(0.1)","weights":[[0.5],[2]]}]'
 * Network.predict(Network.fromJSON(JSON.stringify(saved)), [1]).toArray(); // => [1.5]
 * ```
 */
export function toJSON(net: Network): NetworkJSON {
  return documentOf(modelOf(net, 'Network.toJSON'));
}

function fail(path: string, problem: string): never {
  throw new FormatError(`${WHERE}: ${path} ${problem}`, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDocument(json: unknown): Record<string, unknown> {
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (error) {
      throw new FormatError(`${WHERE}: the string is not valid JSON (${(error as Error).message})`, '');
    }
  }
  if (!isRecord(doc)) {
    throw new FormatError(`${WHERE}: expected a saved network (an object from Network.toJSON, or its JSON string), got ${describeValue(doc)}`, '');
  }
  return doc;
}

function checkHeader(doc: Record<string, unknown>): void {
  if (doc.format === undefined) fail('format', `is missing; a saved network has format "${FORMAT}"`);
  if (doc.format !== FORMAT) fail('format', `must be "${FORMAT}", got ${describeValue(doc.format)}`);
  const supported = SUPPORTED_VERSIONS.join(', ');
  if (doc.version === undefined) fail('version', `is missing; supported versions: ${supported}`);
  if (!SUPPORTED_VERSIONS.includes(doc.version as number)) {
    fail('version', `${describeValue(doc.version)} is not supported; this version of mathjs-backprop reads version ${supported}`);
  }
}

function readActivation(value: unknown, path: string): Activation {
  if (value === undefined) fail(path, 'is missing; expected an activation name such as "sigmoid"');
  if (typeof value !== 'string') fail(path, `must be an activation name (a string), got ${describeValue(value)}`);
  // NOTE: the length first, so a huge hostile name is refused before any of it is read.
  if (value.length > MAX_NAME_LENGTH) fail(path, `must be an activation name of at most ${MAX_NAME_LENGTH} characters, got one of ${value.length}`);
  try {
    return byName(value);
  } catch (error) {
    if (!(error instanceof UnknownNameError)) return refused(error, path);
    const at = error.message.indexOf('known:');
    const known = at < 0 ? '' : ` (${error.message.slice(at)})`;
    return fail(path, `${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} is not a known activation${known}; define a custom one with Activation.define before reading the network`);
  }
}

/**
 * Rethrows what a lower function refused while reading the document at
 * `path` as a FormatError with that path, its message kept after the path.
 */
function refused(error: unknown, path: string): never {
  if (error instanceof FormatError || !(error instanceof BackpropError)) throw error;
  const message = error.message.replace(/^[\w.]+: /, '');
  throw new FormatError(`${WHERE}: ${path} cannot be used: ${message}`, path);
}

/** Every entry of the array `value`, refusing a hole (`[a, , b]`, or one at the end) by its path. */
function entriesOf(value: readonly unknown[], path: string): unknown[] {
  const entries = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) fail(`${path}[${i}]`, 'is a hole in the array; every entry must be given');
    entries[i] = value[i];
  }
  return entries;
}

function readRow(value: unknown, path: string, cols: number): number[] {
  if (!Array.isArray(value)) fail(path, `must be an array of numbers, got ${describeValue(value)}`);
  if (value.length !== cols) fail(path, `must have ${cols} entries like row 0, got ${value.length}`);
  return entriesOf(value, path).map((entry, c) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) fail(`${path}[${c}]`, `must be a finite number, got ${describeValue(entry)}`);
    return entry;
  });
}

function readWeights(value: unknown, path: string): number[][] {
  if (value === undefined) fail(path, 'is missing; expected (inputs + 1) rows of numbers, one column per neuron');
  if (!Array.isArray(value)) fail(path, `must be an array of rows, got ${describeValue(value)}`);
  if (value.length < 2) fail(path, `must have at least 2 rows (the bias row and one per input), got ${value.length}`);
  const first: unknown = value[0];
  if (!Array.isArray(first)) fail(`${path}[0]`, `must be an array of numbers, got ${describeValue(first)}`);
  const cols = first.length;
  if (cols === 0) fail(`${path}[0]`, 'must not be empty: a layer needs at least one neuron');
  checkLayerSize(value.length, cols, path);
  return entriesOf(value, path).map((row, r) => readRow(row, `${path}[${r}]`, cols));
}

/** Refuses a layer of more than MAX_LAYER_WEIGHTS weights before reading its rows. */
function checkLayerSize(rows: number, cols: number, path: string): void {
  if (rows * cols > MAX_LAYER_WEIGHTS) {
    fail(path, `has ${rows} × ${cols} = ${rows * cols} weights, more than the ${MAX_LAYER_WEIGHTS} a layer may have`);
  }
}

function readLayer(value: unknown, path: string, inputs: number | undefined): Layer {
  if (!isRecord(value)) fail(path, `must be an object with activation and weights, got ${describeValue(value)}`);
  const activation = readActivation(value.activation, `${path}.activation`);
  const weights = readWeights(value.weights, `${path}.weights`);
  if (inputs !== undefined && weights.length !== inputs + 1) {
    fail(`${path}.weights`, `must have ${inputs + 1} rows (the bias row and one per neuron of the layer before, which has ${inputs}), got ${weights.length}`);
  }
  try {
    return createLayer(weights, activation);
  } catch (error) {
    return refused(error, path);
  }
}

/**
 * Reads a network saved by `Network.toJSON`, as the object or as its JSON
 * string. Checks everything it reads (fields it does not read are
 * ignored): the format's name and version, that every layer has an
 * activation known to `Activation.byName` (define custom ones with
 * `Activation.define` first) and rectangular weights of at least 2 rows
 * of finite numbers, and that each layer takes as many inputs as the one
 * before has neurons. The round trip predicts bit for bit what the saved
 * network did. Does not change its argument.
 *
 * @param json - a {@link NetworkJSON}, or the string `JSON.stringify` made of one.
 * @throws {@link FormatError} naming the path of the first problem, e.g.
 *   `layers[1].weights[0][2] must be a finite number, got "x"`.
 * @returns the network.
 *
 * @example
 * ```ts
 * import { Network, FormatError } from 'mathjs-backprop';
 * const text = '{"format":"mathjs-backprop/network","version":1,' +
 *   '"layers":[{"activation":"identity","weights":[[1],[2]]}]}';
 * Network.predict(Network.fromJSON(text), [3]).toArray(); // => [5]
 * try {
 *   Network.fromJSON({ format: 'mathjs-backprop/network', version: 2, layers: [] });
 * } catch (error) {
 *   (error as FormatError).path; // => 'version'
 * }
 * ```
 */
export function fromJSON(json: unknown): Network {
  const doc = parseDocument(json);
  checkHeader(doc);
  const layers = doc.layers;
  if (layers === undefined) fail('layers', 'is missing; expected an array of layers');
  if (!Array.isArray(layers)) fail('layers', `must be an array of layers, got ${describeValue(layers)}`);
  if (layers.length === 0) fail('layers', 'must hold at least one layer, got none');
  const read: Layer[] = [];
  entriesOf(layers, 'layers').forEach((layer, i) => {
    read.push(readLayer(layer, `layers[${i}]`, i === 0 ? undefined : read[i - 1].outputSize));
  });
  try {
    return networkOf(read, WHERE);
  } catch (error) {
    return refused(error, 'layers');
  }
}
