/**
 * Run by test/engine/hosts.test.ts in a process of its own, under host
 * restrictions: trains two seeded networks (one tiny enough for the
 * compiled step, one large enough for the SIMD kernels) and prints their
 * weights as hexadecimal bits, one JSON line. `no-wasm` deletes
 * `globalThis.WebAssembly` before the library is imported.
 */
if (process.argv.includes('no-wasm')) delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
const { Activation, Network } = await import('../../src/index.js');
const { trainedBits } = await import('./host-cases.js');
const { simdModule } = await import('../../src/engine/simd.js');
const bits = trainedBits(Network, Activation);
console.log(JSON.stringify({ wasm: typeof (globalThis as { WebAssembly?: unknown }).WebAssembly, simd: simdModule() !== null, bits }));
export {};
