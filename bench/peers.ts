/**
 * `--peers`: the JavaScript network libraries of issue 4, installed into
 * `bench/peers/` (git-ignored, its own package.json, never a dependency of
 * mathjs-backprop) and run on the same workloads as our contenders.
 *
 * Each adapter maps the notebook's conventions honestly: a bias input of -1
 * becomes a bias of `-w[0][j]` where a library adds `+bias`, and the
 * learning rate is scaled where a library's loss differs from ours
 * (`sum (y - t)^2`) by a constant factor. Where a library cannot express a
 * workload, its adapter says so in a note and the check shows the difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contender } from './trainer.js';

/** Where the peers are installed. */
export const PEERS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'peers');

/** The peers, the versions of issue 4, and whether they train on batches. */
export const PEERS = [
  { name: 'brain.js', packages: ['brain.js@2.0.0-beta.24'], batches: false },
  { name: 'synaptic', packages: ['synaptic@1.1.4'], batches: false },
  { name: 'tfjs-cpu', packages: ['@tensorflow/tfjs@4.22.0'], batches: true },
  { name: 'tfjs-wasm', packages: ['@tensorflow/tfjs@4.22.0', '@tensorflow/tfjs-backend-wasm@4.22.0'], batches: true },
  { name: 'convnetjs', packages: ['convnetjs@0.3.0'], batches: true },
] as const;

/** `require` from inside bench/peers, for the installed libraries (CommonJS, untyped). */
export function peerRequire(id: string): any {
  return createRequire(join(PEERS_DIR, 'package.json'))(id);
}

/** The path of a file inside an installed peer. */
export function peerResolve(id: string): string {
  return createRequire(join(PEERS_DIR, 'package.json')).resolve(id);
}

/** Installs the peers if any is missing (`npm install --prefix bench/peers`); returns their names. */
export function preparePeers(): string[] {
  const packages = [...new Set(PEERS.flatMap((peer) => [...peer.packages]))];
  const missing = packages.filter((spec) => !existsSync(join(PEERS_DIR, 'node_modules', spec.slice(0, spec.lastIndexOf('@')), 'package.json')));
  if (missing.length > 0) {
    mkdirSync(PEERS_DIR, { recursive: true });
    if (!existsSync(join(PEERS_DIR, 'package.json'))) {
      const manifest = { name: 'mathjs-backprop-bench-peers', private: true, description: 'Written by bench/peers.ts for `npm run bench -- --peers`.' };
      writeFileSync(join(PEERS_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    }
    console.error(`bench: installing ${missing.join(' ')} into bench/peers/`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', ...packages], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`bench: npm install of the peers failed (exit code ${result.status})`);
  }
  return PEERS.map((peer) => peer.name);
}

/** Loads one peer's adapter (and, for TF.js, sets up its backend). */
export async function loadPeer(name: string): Promise<Contender> {
  switch (name) {
    case 'brain.js': return (await import('./peer-brain.js')).brainContender();
    case 'synaptic': return (await import('./peer-synaptic.js')).synapticContender();
    case 'tfjs-cpu': return (await import('./peer-tfjs.js')).tfjsContender('cpu');
    case 'tfjs-wasm': return (await import('./peer-tfjs.js')).tfjsContender('wasm');
    case 'convnetjs': return (await import('./peer-convnetjs.js')).convnetContender();
    default: throw new Error(`unknown contender ${name}`);
  }
}
