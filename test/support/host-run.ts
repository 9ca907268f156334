/**
 * Run by test/engine/hosts.test.ts in a process of its own, under host
 * restrictions: trains two seeded networks (one tiny enough for the
 * compiled step, one large enough for the SIMD kernels) and prints their
 * weights as hexadecimal bits, one JSON line. `no-wasm` deletes
 * `globalThis.WebAssembly` before the library is imported; `threads` trains
 * them again with two threads forced on every product; `no-sab` deletes `SharedArrayBuffer`, and
 * `no-worker` gives the library a `worker_threads` whose `Worker` throws.
 */
const modes = process.argv.slice(2);
const scope = globalThis as { WebAssembly?: unknown; SharedArrayBuffer?: unknown };
if (modes.includes('no-wasm')) delete scope.WebAssembly;
if (modes.includes('no-sab')) delete scope.SharedArrayBuffer;
if (modes.includes('no-worker')) {
  const builtin = process.getBuiltinModule.bind(process);
  const refusing = { ...(builtin('node:worker_threads') as object), Worker: function Worker() { throw new Error('workers refused'); } };
  (process as { getBuiltinModule: (name: string) => unknown }).getBuiltinModule = (name) => (name === 'node:worker_threads' ? refusing : builtin(name));
}
const { Activation, Network } = await import('../../src/index.js');
const { trainedBits } = await import('./host-cases.js');
const { simdModule } = await import('../../src/engine/simd.js');
const { threadCount, useThreads } = await import('../../src/engine/thread-host.js');
const { workerJobs } = await import('../../src/engine/thread-pool.js');
if (modes.includes('no-sab') || modes.includes('no-worker')) useThreads(2);
const bits = trainedBits(Network, Activation);
// With `threads`, the same again with two threads forced on every product.
if (modes.includes('threads')) useThreads(2);
const threadBits = modes.includes('threads') ? trainedBits(Network, Activation) : null;
console.log(JSON.stringify({
  wasm: typeof scope.WebAssembly, simd: simdModule() !== null, threads: threadCount(), jobs: workerJobs(), bits, threadBits,
}));
export {};
