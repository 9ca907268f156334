/**
 * An arena: one WebAssembly memory with its own instance of the SIMD
 * kernels, from which a workspace (and, for training, the working copy of
 * the weights) takes its Float64Arrays. The kernels work on these arrays
 * where they lie, and JavaScript reads and writes them as usual.
 *
 * An arena never grows (growing would detach its views), so it is sized
 * when made; it is freed like any ArrayBuffer once nothing views it.
 *
 * Where products can be shared between threads (`thread-host.ts`), an
 * arena asked for threads (the working copy of `Network.train`) has a
 * shared memory, which the workers of `thread-pool.ts` also see. V8 does
 * not count shared memories towards the pressure that triggers a garbage
 * collection, and a worker that holds one rarely collects at all, so such
 * memories would pile up: an owner that knows its arena is done with
 * returns it ({@link releaseArena}), and the next shared arena of about its
 * size takes that memory again.
 */
import { sharedModule, simdModule, wasmApi, type Kernels, type WasmMemory, type WasmModule } from './simd.js';
import { threadCount } from './thread-host.js';

export interface Arena {
  readonly memory: WasmMemory;
  readonly kernels: Kernels;
  /** Whether the memory is shared, so that workers can run the kernels on it too. */
  readonly shared: boolean;
  /** The numbers allocated so far. */
  used: number;
  /** How many numbers fit. */
  readonly capacity: number;
}

const arenas = new WeakMap<ArrayBufferLike, Arena>();

/** Shared arenas returned by their owners, for the next ones to take (at most {@link SPARES}). */
const spares: Arena[] = [];
const SPARES = 2;

/**
 * An arena for `count` numbers, or null without the SIMD kernels; with
 * `threads`, one whose products the threads can share where the host
 * allows it (a returned one of at least the size and at most twice it,
 * when there is one).
 */
export function createArena(count: number, threads = false): Arena | null {
  const plain = simdModule();
  const api = wasmApi();
  if (plain === null || api === null) return null;
  const shared = threads && threadCount() > 1 ? sharedModule() : null;
  const module: WasmModule = shared ?? plain;
  const pages = Math.max(1, Math.ceil((count * 8) / 65536));
  if (shared !== null) {
    // The last returned first: the one most likely still in the caches.
    for (let k = spares.length - 1; k >= 0; k--) {
      if (spares[k].capacity >= count && spares[k].capacity <= 2 * pages * 8192) return reuse(spares.splice(k, 1)[0]);
    }
  }
  try {
    const memory = new api.Memory({ initial: pages, maximum: pages, shared: shared !== null });
    const instance = new api.Instance(module, { env: { memory } });
    const arena: Arena = {
      memory, kernels: instance.exports as unknown as Kernels, shared: shared !== null, used: 0, capacity: (pages * 65536) / 8,
    };
    arenas.set(memory.buffer, arena);
    return arena;
  } catch {
    // NOTE: a host short of memory (or of address space for one more) keeps to the loops.
    return null;
  }
}

/** A returned arena's memory and kernels as a new, empty arena: its numbers zeroed again. */
function reuse(old: Arena): Arena {
  new Float64Array(old.memory.buffer, 0, old.used).fill(0);
  const arena: Arena = { ...old, used: 0 };
  arenas.set(old.memory.buffer, arena);
  return arena;
}

/**
 * Returns the shared arena `array` lies in, for a later arena to take: for
 * an owner sure that nothing views the arena any more (`Network.train`'s
 * working copy once the result is copied out). Does nothing for other arrays.
 */
export function releaseArena(array: Float64Array): void {
  const arena = arenaOf(array);
  if (arena === undefined || !arena.shared || spares.includes(arena)) return;
  arenas.delete(arena.memory.buffer);
  spares.push(arena);
  if (spares.length > SPARES) spares.shift();
}

/** How many numbers `allocate` takes for an array of `count` (rounded up to a whole vector). */
export function footprint(count: number): number {
  return count + (count % 2);
}

/** `count` zeros from the arena, 16-byte aligned; the caller has checked the room. */
export function allocate(arena: Arena, count: number): Float64Array {
  const view = new Float64Array(arena.memory.buffer, arena.used * 8, count);
  arena.used += footprint(count);
  return view;
}

/** The room left in an arena, in numbers. */
export function room(arena: Arena): number {
  return arena.capacity - arena.used;
}

/** The arena `array` lies in, if any. */
export function arenaOf(array: Float64Array): Arena | undefined {
  return arenas.get(array.buffer);
}
