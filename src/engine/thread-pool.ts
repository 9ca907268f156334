/**
 * Worker threads that share a layer's products with the main thread: each
 * takes a range of the output entries (neurons, or inputs for the deltas
 * below), runs the same kernel on it over the arena's shared memory, and so
 * computes every entry as one whole sum in the plain loops' order, the
 * same bits as one thread. The main thread does its own share, then waits
 * in `Atomics.wait` (allowed on Node's main thread) for the others, so a
 * synchronous `Network.train` stays synchronous.
 *
 * The workers start lazily, on the first shared product; they are
 * `unref()`ed, so they never keep a process alive. A worker that has not
 * started yet, or cannot, is skipped: the main thread does its share.
 */
import type { Arena } from './arena.js';
import { sharedModule } from './simd.js';
import { createThreadChooser } from './thread-choice.js';
import { threadCount, threadMode, workerThreads, type PortLike } from './thread-host.js';
import { ARGS, DONE, JOBS, MEMORY, OP, OPS, READY, SEQ, SLOT, STATUS, WORKER_SOURCE, type Op } from './thread-worker.js';

/** One worker, as the main thread sees it: its control block, its port, and the arenas it has been sent. */
interface Helper {
  readonly control: Int32Array;
  readonly port: PortLike;
  readonly arenas: Set<number>;
  alive: boolean;
}

const helpers: Helper[] = [];
/** Whether starting a worker has failed here (then no more are tried). */
let refused = false;
let nextId = 1;
/** Arenas' ids by their memory, which a returned arena's successor keeps (arena.ts). */
const ids = new WeakMap<object, number>();
/** Tells the workers to let go of an arena once the main thread has. */
const farewell = new FinalizationRegistry<number>((id) => {
  for (const helper of helpers) {
    if (helper.alive && helper.arenas.delete(id)) helper.port.postMessage({ id });
  }
});

/** How long a forced thread count waits for its workers to come up before going on without them. */
const START_TIMEOUT_MS = 10000;

/** Starts one worker; null where the host refuses (a policy, a sandbox). */
function startHelper(): Helper | null {
  const threads = workerThreads();
  const module = sharedModule();
  if (threads === null || module === null) return null;
  try {
    const control = new Int32Array(new SharedArrayBuffer(SLOT * 4));
    const { port1, port2 } = new threads.MessageChannel();
    const worker = new threads.Worker(WORKER_SOURCE, { eval: true, workerData: { module, control: control.buffer, port: port2 }, transferList: [port2] });
    const helper: Helper = { control, port: port1, arenas: new Set(), alive: true };
    const lost = () => { helper.alive = false; };
    worker.on('error', lost);
    worker.on('exit', lost);
    worker.unref();
    port1.unref();
    return helper;
  } catch {
    return null;
  }
}

/** The workers that can take a share now (started, and up), starting the missing ones. */
function readyHelpers(): Helper[] {
  const wanted = threadCount() - 1;
  while (helpers.length < wanted && !refused) {
    const helper = startHelper();
    if (helper === null) refused = true;
    else helpers.push(helper);
  }
  const chosen = helpers.slice(0, wanted).filter((h) => h.alive);
  if (threadMode() !== 'auto') awaitReady(chosen);
  return chosen.filter((h) => Atomics.load(h.control, READY) === 1);
}

/** Waits (blocking, up to a timeout) until the workers have started: for forced counts, so tests see them work. */
function awaitReady(chosen: Helper[]): void {
  const until = Date.now() + START_TIMEOUT_MS;
  for (const h of chosen) {
    while (Atomics.load(h.control, READY) === 0 && Date.now() < until) Atomics.wait(h.control, READY, 0, 20);
  }
}

/** The arena's id in the workers, sending its memory to each of `chosen` that has not had it. */
function register(arena: Arena, chosen: readonly Helper[]): number {
  let id = ids.get(arena.memory);
  if (id === undefined) {
    id = nextId++;
    ids.set(arena.memory, id);
    farewell.register(arena.memory, id);
  }
  for (const helper of chosen) {
    if (helper.arenas.has(id)) continue;
    helper.arenas.add(id);
    helper.port.postMessage({ id, memory: arena.memory });
  }
  return id;
}

/** The start of share `k` of `parts` over `[0, total)`, in steps of `align`. */
function bound(k: number, parts: number, total: number, align: number): number {
  return Math.min(total, Math.ceil(total / parts / align) * align * k);
}

/**
 * Runs kernel `op` with `args` (its six arguments before the range) over
 * the output entries `[0, total)` of a shared arena, split between the
 * main thread and the ready workers in ranges that are multiples of
 * `align`; whole on the main thread where no worker is ready. Returns
 * whether it was split.
 */
function shareProduct(arena: Arena, op: Op, args: readonly number[], total: number, align: number): boolean {
  const kernel = arena.kernels[op] as (...values: number[]) => void;
  const ready = readyHelpers();
  if (ready.length === 0) {
    kernel(...args, 0, total);
    return false;
  }
  const parts = ready.length + 1;
  const id = register(arena, ready);
  const posted: Helper[] = [];
  ready.forEach((h, share) => {
    const from = bound(share + 1, parts, total, align), to = bound(share + 2, parts, total, align);
    if (from >= to) return;
    const c = h.control;
    c[OP] = OPS.indexOf(op);
    c[MEMORY] = id;
    args.forEach((value, a) => { c[ARGS + a] = value; });
    c[ARGS + 6] = from;
    c[ARGS + 7] = to;
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    posted.push(h);
  });
  kernel(...args, 0, bound(1, parts, total, align));
  for (const h of posted) finish(h.control, kernel, args);
  return true;
}

/** What `'auto'` has timed of the shareable products (see thread-choice.ts). */
const chooser = createThreadChooser();

/** Waits for a worker's job; does its range on this thread if the worker could not. */
function finish(c: Int32Array, kernel: (...values: number[]) => void, args: readonly number[]): void {
  const seq = Atomics.load(c, SEQ);
  for (let done = Atomics.load(c, DONE); done !== seq; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done, 100);
  if (c[STATUS] !== 0) kernel(...args, c[ARGS + 6], c[ARGS + 7]);
}

/** How many jobs each worker started so far has done (for the tests). */
export function workerJobs(): number[] {
  return helpers.map((h) => Atomics.load(h.control, JOBS));
}

/**
 * Products of fewer multiply-adds than this keep to one thread in `'auto'`.
 * Measured with bench/threads.ts on this project's 2-core machine, idle:
 * two threads lose up to about 1,000,000 multiply-adds (0.73 × at 524,288,
 * 0.88 × at 1,048,576: waking a worker costs more than the half it takes
 * over) and win at W3's first layer (1.89 × at 3,211,264).
 */
const SHARE_MIN_WORK = 2_000_000;
/** Batches of fewer rows than this keep to one thread in `'auto'` (per-example training among them). */
const SHARE_MIN_ROWS = 8;

/**
 * Runs kernel `op` (`args`, then the range) over the output entries
 * `[0, total)` of a product of `rows × n × m` multiply-adds: shared between
 * threads (in ranges that are multiples of `align`) always under a forced
 * count above 1; in `'auto'`, for dense inputs above the measured size,
 * whichever way its own timings say is faster (see thread-choice.ts);
 * never on an arena that is not shared. Sparse inputs (the kernels that
 * skip zeros, as for MNIST's digits) keep to one thread in `'auto'`:
 * forced onto two, a W3 epoch took 0.58 to 0.97 × the time of one thread
 * (their real work is a fraction of `rows × n × m`).
 */
export function runProduct(
  arena: Arena, op: Op, args: readonly number[], total: number, align: number,
  rows: number, n: number, m: number, dense: boolean,
): void {
  const kernel = arena.kernels[op] as (...values: number[]) => void;
  if (!arena.shared || threadCount() < 2) {
    kernel(...args, 0, total);
  } else if (threadMode() !== 'auto') {
    shareProduct(arena, op, args, total, align);
  } else if (!dense || rows < SHARE_MIN_ROWS || rows * n * m < SHARE_MIN_WORK) {
    kernel(...args, 0, total);
  } else {
    const start = performance.now();
    let shared = false;
    if (chooser.share(op)) shared = shareProduct(arena, op, args, total, align);
    else kernel(...args, 0, total);
    chooser.timed(op, shared, (performance.now() - start) / (rows * n * m));
  }
}
