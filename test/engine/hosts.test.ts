import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Activation, Network } from '../../src/index.js';
import { simdModule, useSimd } from '../../src/engine/simd.js';
import { trainedBits } from '../support/host-cases.js';

/** Runs test/support/host-run.ts in a new Node process with the given flags and argument. */
function run(flags: string[], mode: string): { wasm: string; simd: boolean; bits: string[][] } {
  const result = spawnSync(process.execPath, [...flags, '--import', 'tsx', 'test/support/host-run.ts', mode], { encoding: 'utf8' });
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

  it('gives the same bits under --disallow-code-generation-from-strings (no compiled step)', () => {
    // Node still compiles WebAssembly under this flag, so the SIMD kernels run beside the loops.
    const result = run(['--disallow-code-generation-from-strings'], 'plain');
    expect(result.simd).toBe(true);
    expect(result.bits).toEqual(expected);
  });

  it('gives the same bits with globalThis.WebAssembly deleted before import', () => {
    const result = run([], 'no-wasm');
    expect(result.wasm).toBe('undefined');
    expect(result.simd).toBe(false);
    expect(result.bits).toEqual(expected);
  });
});
