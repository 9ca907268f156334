/**
 * The control block the main thread and the workers of `thread-pool.ts`
 * share, and the source of a worker: a small CommonJS script started with
 * `new Worker(source, { eval: true })`, so that ESM, CJS and bundled builds
 * need no file of their own for it.
 *
 * Each worker has a control block of {@link SLOT} int32 of its own. A job: the main thread writes
 * the kernel, the arena's id and eight arguments, then bumps `SEQ` and
 * notifies; the worker runs the kernel on its own instance over the arena's
 * shared memory, writes `STATUS` (0 done, 1 not done: the main thread then
 * does that share itself) and sets `DONE` to the job's `SEQ`.
 */

/** The int32 of one worker's control block, and where each field is. */
export const SLOT = 16;
export const SEQ = 0, DONE = 1, STATUS = 2, OP = 3, MEMORY = 4, READY = 5, JOBS = 6, ARGS = 8;

/** The kernels a worker can run, by their index in `OP`. */
export const OPS = ['forwardRows', 'forwardTiles', 'weightGrad', 'weightGradRows', 'inputGrad'] as const;
export type Op = typeof OPS[number];

/**
 * The worker. `workerData` holds the compiled module, its control block
 * and a port on which arenas arrive (`{ id, memory }`)
 * and leave (`{ id }`); the worker reads the port synchronously
 * (`receiveMessageOnPort`) before each job and at least once a second, so
 * its loop never needs the event loop. It sleeps in `Atomics.wait` between
 * jobs, with a timeout, and Node ends it with the process (the pool
 * `unref()`s it). It does not spin before sleeping: on this project's
 * shared 2-core machine a round trip through `Atomics.wait` and
 * `Atomics.notify` took 8 to 18 µs, and spinning first made it no faster
 * (a spinning thread holds the core its partner may be waiting for).
 */
export const WORKER_SOURCE = `'use strict';
// The same door to worker_threads as the pool's (thread-host.ts): no require, so the package's builds load nothing more.
const { workerData, receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
const { module, control, port } = workerData;
const ops = ${JSON.stringify(OPS)};
const ctl = new Int32Array(control);
const arenas = new Map();
function drain() {
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const { id, memory } = m.message;
    if (memory === undefined) arenas.delete(id);
    else arenas.set(id, new WebAssembly.Instance(module, { env: { memory } }).exports);
  }
}
Atomics.store(ctl, ${READY}, 1);
Atomics.notify(ctl, ${READY});
let seen = 0;
for (;;) {
  while (Atomics.load(ctl, ${SEQ}) === seen) {
    Atomics.wait(ctl, ${SEQ}, seen, 1000);
    drain();
  }
  seen = Atomics.load(ctl, ${SEQ});
  let status = 1;
  try {
    drain();
    const kernels = arenas.get(ctl[${MEMORY}]);
    if (kernels !== undefined) {
      kernels[ops[ctl[${OP}]]](${Array.from({ length: 8 }, (_, k) => `ctl[${ARGS + k}]`).join(', ')});
      ctl[${JOBS}]++;
      status = 0;
    }
  } catch {
    status = 1;
  }
  ctl[${STATUS}] = status;
  Atomics.store(ctl, ${DONE}, seen);
  Atomics.notify(ctl, ${DONE});
}
`;
