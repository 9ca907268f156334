/**
 * The ESM and the CommonJS build loaded in one process (issue 9, item 13):
 * a package that ships both can be imported by one module and required by
 * a dependency. Networks, activations and errors made by one copy must be
 * used, saved, read and trained by the other.
 *
 * The test loads `dist/`; CI builds before testing (.ci/run). If `dist` is
 * missing or older than `src`, it is built here first (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function ensureBuilt(): void {
  const esm = join(root, 'dist/index.js');
  const cjs = join(root, 'dist/index.cjs');
  if (existsSync(esm) && existsSync(cjs) && Math.min(statSync(esm).mtimeMs, statSync(cjs).mtimeMs) >= newest(join(root, 'src'))) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`dist/ is missing or stale and \`npm run build\` failed: ${(error as Error).message}`);
  }
}

let esm: typeof Library;
let cjs: typeof Library;

beforeAll(async () => {
  ensureBuilt();
  esm = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as typeof Library;
  cjs = createRequire(import.meta.url)(join(root, 'dist/index.cjs')) as typeof Library;
}, 120_000);

describe('the ESM and the CommonJS build in one process', () => {
  it('are two copies (different Network namespaces)', () => {
    expect(esm.Network).not.toBe(cjs.Network);
  });

  it('find an activation defined through require in the ESM byName and fromJSON', () => {
    const cube = cjs.Activation.define({ name: 'dualBuildCube', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
    expect(esm.Activation.byName('dualBuildCube')).toBe(cube);
    const saved = cjs.Network.toJSON(cjs.Network.create([cjs.Layer.create([[0], [1]], cube)]));
    // by hand: z = -1·0 + 1·2 = 2, cube 8
    expect(esm.Network.predict(esm.Network.fromJSON(saved), [2]).toArray()).toEqual([8]);
  });

  it('save a layer built with the other copy\'s built-ins, and read it back the same', () => {
    const net = esm.Network.create([
      esm.Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], cjs.Activation.sigmoid),
      esm.Layer.create([[1], [2], [3], [-1]], cjs.Activation.leakyRelu(0.1)),
    ]);
    const saved = esm.Network.toJSON(net);
    expect(saved.layers.map((layer) => layer.activation)).toEqual(['sigmoid', 'leakyRelu(0.1)']);
    const back = cjs.Network.fromJSON(JSON.stringify(net));
    expect(cjs.Network.predict(back, [1, 2]).toArray()).toEqual(esm.Network.predict(net, [1, 2]).toArray());
  });

  it('use the copy\'s own built-in, so its fast kernels run, for the other copy\'s sigmoid', () => {
    const layer = esm.Layer.create([[0], [1]], cjs.Activation.sigmoid);
    expect(layer.activation).toBe(esm.Activation.sigmoid);
  });

  it('train a network of one copy with the other and get the bits training in one copy gives', () => {
    const options = { learningRate: 0.5, epochs: 3, seed: 4 };
    const data = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const targets = [[0], [1], [1], [0]];
    const made = cjs.Network.init([2, 3, 1], { seed: 7, activation: cjs.Activation.tanh });
    const across = esm.Network.train(made, data, targets, options);
    const alone = cjs.Network.train(made, data, targets, options);
    expect(across.losses).toEqual(alone.losses);
    expect(esm.Network.toJSON(across.network)).toEqual(cjs.Network.toJSON(alone.network));
  });

  it('recognise each other\'s errors with instanceof and by name', () => {
    let caught: unknown;
    try {
      cjs.Network.fromJSON({ format: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof esm.FormatError).toBe(true);
    expect(caught instanceof esm.BackpropError).toBe(true);
    expect(caught instanceof esm.ShapeError).toBe(false);
    expect((caught as Error).name).toBe('FormatError');
  });
});
