/**
 * TensorFlow.js model files in Node: `model.json` and `weights.bin`, the
 * pair `tf.loadLayersModel` reads with `file://` (tfjs-node) or `http://`.
 * Node's `fs` is loaded when a function is called, so that the rest of the
 * entry point works where there is no file system.
 *
 * @module
 */
import { FormatError } from '../errors.js';
import type { TFJSArtifacts, TFJSReadArtifacts } from './tfjs-artifacts.js';
import { isDict, shown } from './tfjs-topology.js';

/** Where {@link writeTFJS} put the two files. */
export interface TFJSFiles {
  /** The path of `model.json`: the topology and the weights manifest. */
  readonly modelPath: string;
  /** The path of `weights.bin`: the weights, little-endian float32. */
  readonly weightsPath: string;
}

const fail = (where: string, path: string, problem: string): never => {
  throw new FormatError(`${where}: ${path} ${problem}`, path);
};

/**
 * Writes model artifacts as the two files of a TF.js model: `model.json`
 * (topology, format and a weights manifest naming `weights.bin`) and
 * `weights.bin` (the weight bytes as they are), making the directory if
 * needed and replacing files of those names.
 *
 * @param artifacts - what {@link toTFJS} returns (or TF.js saves); not changed.
 * @param directory - the directory to write into.
 * @throws the file system's error (a rejected promise) if the directory
 *   cannot be made or a file cannot be written.
 * @returns a promise of the two paths.
 *
 * @example
 * Writing the files and reading them back:
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Activation, Layer, Network } from 'mathjs-backprop';
 * import { fromTFJS, readTFJS, toTFJS, writeTFJS } from 'mathjs-backprop/tfjs';
 * const net = Network.create([Layer.create([[0.5], [2]], Activation.tanh)]);
 * const directory = join(mkdtempSync(join(tmpdir(), 'tfjs-')), 'model');
 * const files = await writeTFJS(toTFJS(net), directory);
 * files.modelPath.endsWith('model.json'); // => true
 * fromTFJS(await readTFJS(directory)).layers[0].weights.toArray(); // => [[0.5], [2]]
 * ```
 */
export async function writeTFJS(artifacts: TFJSArtifacts, directory: string): Promise<TFJSFiles> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { modelTopology, weightSpecs, weightData, format, generatedBy, convertedBy } = artifacts;
  const modelPath = join(directory, 'model.json');
  const weightsPath = join(directory, 'weights.bin');
  const model = {
    format, generatedBy, convertedBy, modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
  };
  await mkdir(directory, { recursive: true });
  await writeFile(weightsPath, new Uint8Array(weightData));
  await writeFile(modelPath, `${JSON.stringify(model)}\n`);
  return { modelPath, weightsPath };
}

/**
 * Reads a TF.js model's files back into model artifacts for
 * {@link fromTFJS}: `model.json` and the weight files its manifest names,
 * joined in order. Weight files must lie in the directory of `model.json`
 * or below it.
 *
 * @param path - the directory holding `model.json`, or the path of the JSON file itself.
 * @throws {@link "mathjs-backprop"!FormatError | FormatError} (a rejected promise) if
 *   the JSON is not a TF.js model file (no `modelTopology` or
 *   `weightsManifest`), or a manifest entry is malformed or points outside
 *   the directory; the file system's error if a file cannot be read.
 * @returns a promise of the artifacts.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Activation, Layer, Network } from 'mathjs-backprop';
 * import { readTFJS, toTFJS, writeTFJS } from 'mathjs-backprop/tfjs';
 * const net = Network.create([Layer.create([[0.5], [2]], Activation.tanh)]);
 * const { modelPath } = await writeTFJS(toTFJS(net), mkdtempSync(join(tmpdir(), 'tfjs-')));
 * const artifacts = await readTFJS(modelPath);
 * [artifacts.format, artifacts.weightData.byteLength]; // => ['layers-model', 8]
 * ```
 */
export async function readTFJS(path: string): Promise<TFJSReadArtifacts> {
  const { readFile, stat } = await import('node:fs/promises');
  const { dirname, join, relative, isAbsolute } = await import('node:path');
  const modelPath = (await stat(path)).isDirectory() ? join(path, 'model.json') : path;
  const where = 'readTFJS';
  let model: unknown;
  try {
    model = JSON.parse(await readFile(modelPath, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    fail(where, 'model.json', `is not JSON: ${error.message}`);
  }
  if (!isDict(model) || model.modelTopology === undefined) fail(where, 'model.json', 'has no modelTopology');
  const { modelTopology, weightsManifest, format, generatedBy, convertedBy } = model as Record<string, unknown>;
  if (!Array.isArray(weightsManifest)) fail(where, 'weightsManifest', `must be a list of weight groups, got ${shown(weightsManifest)}`);
  const weightSpecs: unknown[] = [];
  const parts: Uint8Array[] = [];
  for (const [g, entry] of (weightsManifest as unknown[]).entries()) {
    const at = `weightsManifest[${g}]`;
    const group = entry as { paths?: unknown; weights?: unknown };
    if (!isDict(entry) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail(where, at, 'must have paths and weights lists');
    }
    weightSpecs.push(...(group.weights as unknown[]));
    for (const [p, file] of (group.paths as unknown[]).entries()) {
      const inside = typeof file === 'string' && !isAbsolute(file) && !relative('.', file).startsWith('..');
      if (!inside) fail(where, `${at}.paths[${p}]`, `must be a file beside model.json, got ${shown(file)}`);
      parts.push(await readFile(join(dirname(modelPath), file as string)));
    }
  }
  const weightData = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (weightData.set(part, offset), offset + part.length), 0);
  return { modelTopology, weightSpecs, weightData: weightData.buffer, format, generatedBy, convertedBy };
}
