/**
 * An arena: one WebAssembly memory with its own instance of the SIMD
 * kernels, from which a workspace (and, for training, the working copy of
 * the weights) takes its Float64Arrays. The kernels work on these arrays
 * where they lie, and JavaScript reads and writes them as usual.
 *
 * An arena never grows (growing would detach its views), so it is sized
 * when made; it is freed like any ArrayBuffer once nothing views it.
 *
 * Where products can be shared between threads (`thread-host.ts`), the
 * memory is a shared one, which the workers of `thread-pool.ts` also see.
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

/** An arena for `count` numbers, or null without the SIMD kernels. */
export function createArena(count: number): Arena | null {
  const plain = simdModule();
  const api = wasmApi();
  if (plain === null || api === null) return null;
  const shared = threadCount() > 1 ? sharedModule() : null;
  const module: WasmModule = shared ?? plain;
  try {
    const pages = Math.max(1, Math.ceil((count * 8) / 65536));
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
