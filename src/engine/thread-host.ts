/**
 * Whether this host can share a layer's products between threads, and how
 * many threads to use. Threads need a SharedArrayBuffer (absent in browsers
 * without cross-origin isolation), Node's `worker_threads` (reached through
 * `process.getBuiltinModule`, so no import ties ESM, CJS or bundled builds
 * to Node) and a main thread allowed to block in `Atomics.wait`, which
 * Node's is and a browser's is not. Everywhere else the engine keeps to one
 * thread, with the same bits.
 *
 * The environment variable `MATHJS_BACKPROP_THREADS` caps the threads of
 * `'auto'`: `1` turns them off (a machine shared with other work), `n` uses
 * at most `n`. It is read once, on the first product that could be shared.
 */

/** How many threads share a product: `'auto'` (the cores, above a measured size) or a number at every size. */
export type ThreadMode = 'auto' | number;
let mode: ThreadMode = 'auto';

/** At most this many threads in `'auto'` (more would rarely find a product wide enough to share). */
const MAX_AUTO_THREADS = 4;

/**
 * Sets how many threads share the products of arenas made from now on:
 * `'auto'` uses the host's cores (at most 4) for products above a measured
 * size, a number `n` forces `n` threads (the main one and `n - 1` workers)
 * on every product, `1` turns threads off. For the tests and the
 * benchmark, which check that every count gives the same bits. Not part of
 * the public API.
 */
export function useThreads(next: ThreadMode): void {
  if (next !== 'auto' && !(Number.isInteger(next) && next >= 1)) throw new RangeError(`useThreads: expected 'auto' or a whole number >= 1, got ${String(next)}`);
  mode = next;
}

/** The current mode of {@link useThreads}. */
export function threadMode(): ThreadMode {
  return mode;
}

/** The little of `node:worker_threads` the pool uses. */
export interface WorkerLike {
  on(event: 'exit' | 'error', listener: () => void): void;
  unref(): void;
}
export interface PortLike {
  postMessage(message: unknown): void;
  unref(): void;
}
export interface WorkerThreads {
  Worker: new (code: string, options: { eval: true; workerData: unknown; transferList: unknown[] }) => WorkerLike;
  MessageChannel: new () => { port1: PortLike; port2: unknown };
}

interface NodeProcess {
  getBuiltinModule?: (name: string) => unknown;
  env?: Record<string, string | undefined>;
}

/** Node's `worker_threads`, or null where the host has none (browsers, Node before 20.16). */
export function workerThreads(): WorkerThreads | null {
  const host = (globalThis as { process?: NodeProcess }).process;
  if (typeof host?.getBuiltinModule !== 'function') return null;
  try {
    const module = host.getBuiltinModule('node:worker_threads') as Partial<WorkerThreads> | undefined;
    return typeof module?.Worker === 'function' && typeof module.MessageChannel === 'function' ? module as WorkerThreads : null;
  } catch {
    return null;
  }
}

/** The host's cores, from `node:os` (1 where it cannot say). */
function cores(): number {
  const host = (globalThis as { process?: NodeProcess }).process;
  try {
    const os = host?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number; cpus?: () => unknown[] } | undefined;
    return Math.max(1, os?.availableParallelism?.() ?? os?.cpus?.().length ?? 1);
  } catch {
    return 1;
  }
}

/** Whether memory can be shared with workers here: a SharedArrayBuffer, Atomics, and cross-origin isolation where a browser asks for it. */
function canShare(): boolean {
  const scope = globalThis as { SharedArrayBuffer?: unknown; Atomics?: unknown; crossOriginIsolated?: boolean };
  return typeof scope.SharedArrayBuffer === 'function' && typeof scope.Atomics === 'object' && scope.crossOriginIsolated !== false;
}

/** The cap `MATHJS_BACKPROP_THREADS` puts on `'auto'` (a whole number >= 1), or Infinity where it is unset or not one. */
function environmentCap(): number {
  const value = Number((globalThis as { process?: NodeProcess }).process?.env?.MATHJS_BACKPROP_THREADS ?? Number.NaN);
  return Number.isInteger(value) && value >= 1 ? value : Infinity;
}

/** The threads the host offers (its cores, or 1 where it cannot share memory with workers), found once. */
let offered: number | undefined;
let cap: number | undefined;

/** How many threads products may use now: 1 where the host cannot share them. */
export function threadCount(): number {
  offered ??= canShare() && workerThreads() !== null ? cores() : 1;
  cap ??= environmentCap();
  if (mode === 1 || offered === 1) return 1;
  return mode === 'auto' ? Math.min(MAX_AUTO_THREADS, offered, cap) : mode;
}
