/**
 * writeTFJS and readTFJS: the files TF.js loads over http (as a browser
 * would; tfjs-node's file:// reads the same pair), served from a temporary
 * directory by a local server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activation, FormatError, Network } from '../../src/index.js';
import { fromTFJS, readTFJS, toTFJS, writeTFJS } from '../../src/interop/tfjs.js';
import { readyTF, savedArtifacts, tf, tfl } from './tfjs-engine.js';
import { expectMatrixClose, toNested } from '../support/helpers.js';
import { FLOAT32, twoLayerNet } from '../support/interop-cases.js';

const directory = mkdtempSync(join(tmpdir(), 'mathjs-backprop-tfjs-'));
let server: Server;
let base = '';

beforeAll(async () => {
  await readyTF();
  server = createServer((request, response) => {
    try {
      response.end(readFileSync(join(directory, decodeURIComponent(new URL(request.url!, 'http://x').pathname))));
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

const net = twoLayerNet(Activation.softplus);

describe('writeTFJS', () => {
  it('writes model.json and weights.bin that TF.js loads over http and predicts Network.predict with', async () => {
    const files = await writeTFJS(toTFJS(net), join(directory, 'a'));
    expect(files).toEqual({ modelPath: join(directory, 'a', 'model.json'), weightsPath: join(directory, 'a', 'weights.bin') });
    const model = await tfl.loadLayersModel(`${base}/a/model.json`);
    const x = [[1, 2], [-1, 0.5], [0, 0]];
    const predicted = tf.tidy(() => (model.predict(tf.tensor2d(x)) as tf.Tensor2D).arraySync());
    model.dispose();
    expectMatrixClose(predicted, toNested(Network.predict(net, x)), FLOAT32);
  });

  it('writes a weights manifest naming weights.bin, and the weights as they are', async () => {
    const artifacts = toTFJS(net);
    const { modelPath, weightsPath } = await writeTFJS(artifacts, join(directory, 'b'));
    const json = JSON.parse(readFileSync(modelPath, 'utf8'));
    expect(json.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: artifacts.weightSpecs }]);
    expect(json.format).toBe('layers-model');
    expect(new Uint8Array(readFileSync(weightsPath))).toEqual(new Uint8Array(artifacts.weightData));
  });

  it('does not change the artifacts', async () => {
    const artifacts = toTFJS(net);
    const copy = structuredClone(artifacts);
    await writeTFJS(artifacts, join(directory, 'f'));
    expect(artifacts).toEqual(copy);
  });
});

describe('readTFJS', () => {
  it('reads back what writeTFJS wrote, from the directory or the model.json path', async () => {
    const { modelPath } = await writeTFJS(toTFJS(net), join(directory, 'c'));
    const expected = fromTFJS(toTFJS(net)).layers.map((l) => l.weights.toArray());
    for (const path of [join(directory, 'c'), modelPath]) {
      expect(fromTFJS(await readTFJS(path)).layers.map((l) => l.weights.toArray())).toEqual(expected);
    }
  });

  it('reads a model whose weights are split over several files, as converted models are', async () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [2], activation: 'tanh' })] });
    const { modelPath } = await writeTFJS(toTFJS(fromTFJS(await savedArtifacts(model))), join(directory, 'd'));
    // Split the weights into two files, as TF.js's converter shards large models.
    const json = JSON.parse(readFileSync(modelPath, 'utf8'));
    const bytes = readFileSync(join(directory, 'd', 'weights.bin'));
    writeFileSync(join(directory, 'd', 'part1.bin'), bytes.subarray(0, 8));
    writeFileSync(join(directory, 'd', 'part2.bin'), bytes.subarray(8));
    json.weightsManifest[0].paths = ['part1.bin', 'part2.bin'];
    writeFileSync(modelPath, JSON.stringify(json));
    const back = fromTFJS(await readTFJS(modelPath));
    const x = [[0.3, -0.7]];
    const predicted = tf.tidy(() => (model.predict(tf.tensor2d(x)) as tf.Tensor2D).arraySync());
    model.dispose();
    expectMatrixClose(Network.predict(back, x), predicted, FLOAT32);
  });

  it('throws FormatError for a JSON file that is not a TF.js model, or a weight file outside its directory', async () => {
    const path = join(directory, 'e.json');
    writeFileSync(path, JSON.stringify({ hello: 1 }));
    await expect(readTFJS(path)).rejects.toThrow(new FormatError('readTFJS: model.json has no modelTopology', 'model.json'));
    writeFileSync(path, '{ not json');
    await expect(readTFJS(path)).rejects.toBeInstanceOf(FormatError);
    writeFileSync(path, JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../secret.bin'], weights: [] }] }));
    await expect(readTFJS(path)).rejects.toThrow(
      'readTFJS: weightsManifest[0].paths[0] must be a file beside model.json, got "../secret.bin"',
    );
  });
});
