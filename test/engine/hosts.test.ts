import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activation, Network } from '../../src/index.js';
import { simdModule, useSimd } from '../../src/engine/simd.js';
import { trainedBits } from '../support/host-cases.js';

interface HostRun { wasm: string; simd: boolean; threads: number; jobs: number[]; bits: string[][]; threadBits: string[][] | null }

// NOTE: test/support/host-run.ts and the sources it imports are bundled once
// into one file (mathjs left outside), so each host process starts in about
// 1.5 s instead of about 3.5 s through tsx; the bundle is built from the
// same sources, and it sits under node_modules so that it finds mathjs.
const bundle = 'node_modules/.cache/mathjs-backprop/host-run.mjs';

/** Runs the bundled host-run.ts in a new Node process with the given flags, arguments and environment variables. */
function run(flags: string[], modes: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, bundle, ...modes], { env: { ...process.env, ...env }, timeout: 50_000 });
    let stdout = '', stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk; });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.on('error', reject);
    // The process exits with its workers started: `close` comes only once it has (the timeout would fail the status check).
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

/** The one JSON line a host run prints, once its process has exited cleanly. */
async function result(pending: ReturnType<typeof run>): Promise<HostRun> {
  const { stdout, stderr, status } = await pending;
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/** The four host processes, started together once the bundle is built. */
let hosts: Record<'disallow' | 'noWasm' | 'noSab' | 'noWorker', ReturnType<typeof run>>;

beforeAll(async () => {
  await build({
    entryPoints: ['test/support/host-run.ts'], outfile: bundle,
    bundle: true, platform: 'node', format: 'esm', external: ['mathjs'], logLevel: 'error',
  });
  hosts = {
    disallow: run(['--disallow-code-generation-from-strings'], ['plain', 'threads']),
    noWasm: run([], ['no-wasm'], { MATHJS_BACKPROP_THREADS: '1' }),
    noSab: run([], ['no-sab']),
    noWorker: run([], ['no-worker']),
  };
});

describe('the engine in restricted hosts', () => {
  // Expected: the bits of this process with every fast path on; and the same with the SIMD kernels off.
  const expected = trainedBits(Network, Activation);

  it('gives the same bits with the SIMD kernels forced off', () => {
    expect(simdModule()).not.toBeNull();
    useSimd('never');
    try {
      expect(trainedBits(Network, Activation)).toEqual(expected);
    } finally {
      useSimd('auto');
    }
  });

  it('gives the same bits under --disallow-code-generation-from-strings (no compiled step), with one thread and with two', async () => {
    // Node still compiles WebAssembly under this flag, so the SIMD kernels run beside the loops, and the workers start.
    const host = await result(hosts.disallow);
    expect(host.simd).toBe(true);
    expect(host.bits).toEqual(expected);
    expect(host.threads).toBe(2);
    expect(host.jobs).toHaveLength(1);
    expect(host.jobs[0]).toBeGreaterThan(0);
    expect(host.threadBits).toEqual(expected);
  });

  it('gives the same bits with globalThis.WebAssembly deleted before import (and MATHJS_BACKPROP_THREADS=1 turns threads off)', async () => {
    const host = await result(hosts.noWasm);
    expect(host.threads).toBe(1);
    expect(host.wasm).toBe('undefined');
    expect(host.simd).toBe(false);
    expect(host.bits).toEqual(expected);
  });

  it('keeps to one thread, with the same bits, without SharedArrayBuffer', async () => {
    const host = await result(hosts.noSab);
    expect(host.threads).toBe(1);
    expect(host.jobs).toEqual([]);
    expect(host.bits).toEqual(expected);
  });

  it('keeps to one thread, with the same bits, where workers cannot start', async () => {
    const host = await result(hosts.noWorker);
    expect(host.threads).toBe(2);
    expect(host.jobs).toEqual([]);
    expect(host.bits).toEqual(expected);
  });
});
