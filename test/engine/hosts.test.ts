import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Activation, Network } from '../../src/index.js';
import { simdModule, useSimd } from '../../src/engine/simd.js';
import { trainedBits } from '../support/host-cases.js';

interface HostRun { wasm: string; simd: boolean; threads: number; jobs: number[]; bits: string[][]; threadBits: string[][] | null }

/** Runs test/support/host-run.ts in a new Node process with the given flags, arguments and environment variables. */
function run(flags: string[], modes: string[], env: Record<string, string> = {}): HostRun {
  const result = spawnSync(process.execPath, [...flags, '--import', 'tsx', 'test/support/host-run.ts', ...modes], {
    encoding: 'utf8', timeout: 50_000, env: { ...process.env, ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

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

  it('gives the same bits under --disallow-code-generation-from-strings (no compiled step), with one thread and with two', () => {
    // Node still compiles WebAssembly under this flag, so the SIMD kernels run beside the loops, and the workers start.
    // The process exits with its workers started: spawnSync returns once it has (its timeout would fail the status check).
    const result = run(['--disallow-code-generation-from-strings'], ['plain', 'threads']);
    expect(result.simd).toBe(true);
    expect(result.bits).toEqual(expected);
    expect(result.threads).toBe(2);
    expect(result.jobs).toHaveLength(1);
    expect(result.jobs[0]).toBeGreaterThan(0);
    expect(result.threadBits).toEqual(expected);
  });

  it('gives the same bits with globalThis.WebAssembly deleted before import (and MATHJS_BACKPROP_THREADS=1 turns threads off)', () => {
    const result = run([], ['no-wasm'], { MATHJS_BACKPROP_THREADS: '1' });
    expect(result.threads).toBe(1);
    expect(result.wasm).toBe('undefined');
    expect(result.simd).toBe(false);
    expect(result.bits).toEqual(expected);
  });

  it('keeps to one thread, with the same bits, without SharedArrayBuffer', () => {
    const result = run([], ['no-sab']);
    expect(result.threads).toBe(1);
    expect(result.jobs).toEqual([]);
    expect(result.bits).toEqual(expected);
  });

  it('keeps to one thread, with the same bits, where workers cannot start', () => {
    const result = run([], ['no-worker']);
    expect(result.threads).toBe(2);
    expect(result.jobs).toEqual([]);
    expect(result.bits).toEqual(expected);
  });
});
