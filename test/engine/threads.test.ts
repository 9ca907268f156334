import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Activation, Loss, Network } from '../../src/index.js';
import { allocate, createArena, releaseArena } from '../../src/engine/arena.js';
import { createWorkspace, forwardModel, gradientModel, workingCopy, type Model } from '../../src/engine/flat-model.js';
import { useSimd } from '../../src/engine/simd.js';
import { threadCount, useThreads } from '../../src/engine/thread-host.js';
import { workerJobs } from '../../src/engine/thread-pool.js';
import { activations, modelOf, numbers, sameNumbers } from '../support/models.js';

afterEach(() => {
  useSimd('auto');
  useThreads('auto');
});

function targetRows(t: Float64Array, rows: number): Float64Array[] {
  const m = t.length / rows;
  return Array.from({ length: rows }, (_, r) => t.subarray(r * m, (r + 1) * m));
}

/**
 * A workspace on a working copy of `model`, as `Network.train` makes them:
 * the arena threads can share (when `threads` > 1 and the SIMD kernels are on).
 */
function trainingSpace(model: Model, rows: number) {
  const working = workingCopy(model, [rows]);
  return { working, ws: createWorkspace(working, rows) };
}

/** Everything a gradient pass writes, with `threads` forced (1: the loops when `simd` is 'never'). */
function gradientWith(simd: 'always' | 'never', threads: number, model: Model, x: Float64Array, t: Float64Array, rows: number) {
  useSimd(simd);
  useThreads(threads);
  const { working, ws } = trainingSpace(model, rows);
  expect(ws.simd?.arena.shared ?? false).toBe(simd === 'always' && threads > 1);
  const loss = gradientModel(working, x, targetRows(t, rows), Loss.squaredError, ws);
  return { loss, ws };
}

/** Whether two passes wrote the same bits into every buffer. */
function sameBuffers(a: ReturnType<typeof gradientWith>, b: ReturnType<typeof gradientWith>): boolean {
  if (a.loss !== b.loss) return false;
  return (['z', 'a', 'delta', 'upstream', 'grads'] as const).every((key) => a.ws[key].every((buffer, l) => sameNumbers(buffer, b.ws[key][l])));
}

/** The total of the jobs the workers have done so far. */
const jobs = () => workerJobs().reduce((total, count) => total + count, 0);

// Widths that are not multiples of the vector width (2), the tiles (4) or the thread counts.
const network = fc.array(fc.integer({ min: 1, max: 23 }), { minLength: 2, maxLength: 4 }).chain((s) => fc.record({
  model: modelOf(s),
  rows: fc.integer({ min: 1, max: 11 }),
})).chain(({ model, rows }) => fc.record({
  model: fc.constant(model), rows: fc.constant(rows),
  x: numbers(rows * model.sizes[0]),
  t: numbers(rows * model.sizes[model.sizes.length - 1], false),
}));

describe('the passes shared between threads', () => {
  it('run on this host (Node has SharedArrayBuffer and worker_threads)', () => {
    useThreads(3);
    expect(threadCount()).toBe(3);
  });

  it('give the bits of the loops and of one thread with 1, 2 and 3 threads, for every shape', () => {
    const before = jobs();
    fc.assert(fc.property(network, ({ model, rows, x, t }) => {
      const loops = gradientWith('never', 1, model, x, t, rows);
      for (const threads of [1, 2, 3]) expect(sameBuffers(gradientWith('always', threads, model, x, t, rows), loops)).toBe(true);
    }), { numRuns: 60, seed: 1301 });
    expect(jobs()).toBeGreaterThan(before);
  });

  it('give the bits of the loops for every built-in activation on a wide layer (785 × 131, 9 rows)', () => {
    // 131 neurons: the shares of 2 and 3 threads end inside a tile and a vector.
    const sizes = [784, 131, 7];
    const x = fc.sample(numbers(9 * 784), { numRuns: 1, seed: 7 })[0];
    const t = new Float64Array(9 * 7).fill(0.25);
    const weights = fc.sample(modelOf(sizes), { numRuns: 1, seed: 8 })[0].weights;
    for (const activation of activations) {
      const model: Model = { sizes, weights, activations: [activation, Activation.identity] };
      const loops = gradientWith('never', 1, model, x, t, 9);
      for (const threads of [1, 2, 3]) expect(sameBuffers(gradientWith('always', threads, model, x, t, 9), loops)).toBe(true);
    }
  });

  it('send an arena to a worker started after the arena was first shared', () => {
    const sizes = [40, 24, 3];
    const model = fc.sample(modelOf(sizes), { numRuns: 1, seed: 10 })[0];
    const x = Float64Array.from({ length: 8 * 40 }, (_, k) => Math.cos(k));
    const t = new Float64Array(8 * 3).fill(0.5);
    useSimd('always');
    useThreads(2);
    const { working, ws } = trainingSpace(model, 8);
    const first = gradientModel(working, x, targetRows(t, 8), Loss.squaredError, ws);
    const grads = ws.grads.map((g) => g.slice());
    useThreads(3);
    const before = workerJobs()[1] ?? 0;
    expect(gradientModel(working, x, targetRows(t, 8), Loss.squaredError, ws)).toBe(first);
    expect(workerJobs()[1]).toBeGreaterThan(before);
    ws.grads.forEach((g, l) => expect(sameNumbers(g, grads[l])).toBe(true));
  });

  it('leave the forward pass of dense inputs (the tiled kernels) unchanged by the thread count', () => {
    const sizes = [45, 67, 3];
    const model = fc.sample(modelOf(sizes), { numRuns: 1, seed: 9 })[0];
    const x = Float64Array.from({ length: 12 * 45 }, (_, k) => Math.sin(k) + 1.5);
    const outputs = [1, 2, 3].map((threads) => {
      useSimd('always');
      useThreads(threads);
      const { working, ws } = trainingSpace(model, 12);
      expect(ws.simd?.arena.shared).toBe(threads > 1);
      forwardModel(working, x, ws);
      expect(ws.simd?.sparse[0]).toBe(false);
      return ws.a[1];
    });
    expect(sameNumbers(outputs[1], outputs[0])).toBe(true);
    expect(sameNumbers(outputs[2], outputs[0])).toBe(true);
  });
});

describe('Network.train with threads', () => {
  const sizes = [30, 41, 5];
  const rows = (count: number, width: number, seed: number) =>
    Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, k) => Math.sin(seed + r * width + k)));
  const train = (threads: number) => {
    useThreads(threads);
    const net = Network.init(sizes, { activation: Activation.tanh, seed: 3 });
    return Network.train(net, rows(48, 30, 1), rows(48, 5, 2), { learningRate: 0.05, epochs: 2, batchSize: 16, seed: 4 });
  };

  it('stays synchronous: it returns the trained network, and no other task runs meanwhile', () => {
    let ran = false;
    setImmediate(() => { ran = true; });
    void Promise.resolve().then(() => { ran = true; });
    const before = jobs();
    const result = train(2);
    expect(ran).toBe(false);
    expect(result.network.layers).toHaveLength(2);
    expect(jobs()).toBeGreaterThan(before);
  });

  it('trains the same bits with 1, 2 and 3 threads', () => {
    const bits = (threads: number) => train(threads).network.layers.map((layer) => (layer.weights.toArray() as number[][]).flat());
    const one = bits(1);
    expect(bits(2)).toEqual(one);
    expect(bits(3)).toEqual(one);
  });
});

describe('useThreads', () => {
  it('throws RangeError for a count that is not a whole number of at least 1', () => {
    expect(() => useThreads(0)).toThrow(new RangeError("useThreads: expected 'auto' or a whole number >= 1, got 0"));
    expect(() => useThreads(1.5)).toThrow(RangeError);
  });

  it('turns threads off with 1: new arenas are not shared', () => {
    useThreads(1);
    expect(threadCount()).toBe(1);
    useSimd('always');
    const { ws } = trainingSpace({ sizes: [3, 2], weights: [new Float64Array(8)], activations: [Activation.identity] }, 4);
    expect(ws.simd?.arena.shared).toBe(false);
  });
});

describe('releaseArena', () => {
  it('gives a shared arena returned by its owner, zeroed, to the next shared arena of its size', () => {
    useThreads(2);
    const first = createArena(5000, true)!;
    expect(first.shared).toBe(true);
    allocate(first, 3000).fill(7);
    releaseArena(allocate(first, 1));
    const next = createArena(4000, true)!;
    expect(next.memory).toBe(first.memory);
    expect(next.used).toBe(0);
    expect(allocate(next, 3001).every((v) => v === 0)).toBe(true);
    expect(createArena(4000, true)!.memory).not.toBe(first.memory);
  });

  it('leaves arenas that are not shared alone, and arrays outside arenas', () => {
    useThreads(2);
    const plain = createArena(100)!;
    expect(plain.shared).toBe(false);
    releaseArena(allocate(plain, 4));
    releaseArena(new Float64Array(4));
    expect(createArena(100, true)!.memory).not.toBe(plain.memory);
  });
});
