import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Loss } from '../../src/index.js';
import { allocate, createArena, type Arena } from '../../src/engine/arena.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { createWorkspace, forwardModel, gradientModel, workingCopy, type Model } from '../../src/engine/flat-model.js';
import { backwardRows, forwardRows, stepWeights } from '../../src/engine/kernels.js';
import { simdModule, useSimd } from '../../src/engine/simd.js';
import { copyModel, modelOf, numbers, sameNumbers } from '../support/models.js';

afterEach(() => useSimd('auto'));

/** A copy of `values` in `arena`. */
function inArena(arena: Arena, values: Float64Array): Float64Array {
  const view = allocate(arena, values.length);
  view.set(values);
  return view;
}

// Widths around the vector width (2), the blocks (4 and 8) and the tiles,
// odd ones included, so that every edge of every kernel is drawn.
// Each kernel writes a range of its output entries (the threads' shares):
// [j0, j1) of the neurons, [i0, i1) of the inputs for the deltas below,
// drawn anywhere (odd starts included) and half the time whole.
const range = (size: number): fc.Arbitrary<[number, number]> => fc.oneof(
  fc.constant<[number, number]>([0, size]),
  fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
);
const layer = fc.record({
  n: fc.integer({ min: 1, max: 19 }),
  m: fc.integer({ min: 1, max: 19 }),
  rows: fc.integer({ min: 1, max: 11 }),
}).chain(({ n, m, rows }) => fc.record({
  n: fc.constant(n), m: fc.constant(m), rows: fc.constant(rows),
  w: numbers((n + 1) * m, false), x: numbers(rows * n), delta: numbers(rows * m, false),
  rate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
  neurons: range(m), inputs: range(n),
}));

/**
 * Whether `out` (`height × width`, filled with NaN before the kernel ran)
 * holds the bits of `plain` in the columns [from, to) and NaN elsewhere.
 */
function sameInColumns(out: Float64Array, plain: Float64Array, width: number, [from, to]: readonly [number, number]): boolean {
  return out.every((value, k) => {
    const column = k % width;
    return column >= from && column < to ? value === plain[k] : Number.isNaN(value);
  });
}

describe('the SIMD kernels', () => {
  it('are available in Node, so these tests run them', () => {
    expect(simdModule()).not.toBeNull();
  });

  it('forwardRows and forwardTiles give the bits of the plain loops for every shape and range of neurons', () => {
    fc.assert(fc.property(layer, ({ n, m, rows, w, x, neurons }) => {
      const plain = new Float64Array(rows * m);
      forwardRows(w, n, m, x, rows, plain);
      const arena = createArena(4096)!;
      const [wa, xa] = [inArena(arena, w), inArena(arena, x)];
      const z1 = allocate(arena, rows * m).fill(Number.NaN);
      const z2 = allocate(arena, rows * m).fill(Number.NaN);
      arena.kernels.forwardRows(wa.byteOffset, n, m, xa.byteOffset, rows, z1.byteOffset, ...neurons);
      arena.kernels.forwardTiles(wa.byteOffset, n, m, xa.byteOffset, rows, z2.byteOffset, ...neurons);
      expect(sameInColumns(z1, plain, m, neurons)).toBe(true);
      expect(sameInColumns(z2, plain, m, neurons)).toBe(true);
    }), { numRuns: 300 });
  });

  it('weightGrad, weightGradRows and inputGrad give the bits of the plain loops for every shape and range', () => {
    fc.assert(fc.property(layer, ({ n, m, rows, w, x, delta, neurons, inputs }) => {
      const plainGrad = new Float64Array(w.length);
      const plainInput = new Float64Array(rows * n);
      backwardRows(w, n, m, x, rows, delta, plainGrad, plainInput);
      const arena = createArena(4096)!;
      const [wa, xa, da] = [inArena(arena, w), inArena(arena, x), inArena(arena, delta)];
      const grad = allocate(arena, w.length).fill(Number.NaN);
      const input = allocate(arena, rows * n).fill(Number.NaN);
      const gradRows = allocate(arena, w.length).fill(Number.NaN);
      arena.kernels.weightGrad(n, m, xa.byteOffset, rows, da.byteOffset, grad.byteOffset, ...neurons);
      arena.kernels.weightGradRows(n, m, xa.byteOffset, rows, da.byteOffset, gradRows.byteOffset, ...neurons);
      arena.kernels.inputGrad(wa.byteOffset, n, m, rows, da.byteOffset, input.byteOffset, ...inputs);
      expect(sameInColumns(grad, plainGrad, m, neurons)).toBe(true);
      expect(sameInColumns(gradRows, plainGrad, m, neurons)).toBe(true);
      expect(sameInColumns(input, plainInput, n, inputs)).toBe(true);
    }), { numRuns: 300 });
  });

  it('step gives the bits of out = w - rate · grad', () => {
    fc.assert(fc.property(layer, ({ w, delta, rate }) => {
      const grad = w.map((_, k) => delta[k % delta.length]);
      const plain = w.map((wk, k) => wk - rate * grad[k]);
      const arena = createArena(4096)!;
      const [wa, ga] = [inArena(arena, w), inArena(arena, grad)];
      const out = allocate(arena, w.length);
      stepWeights(wa, ga, rate, out);
      expect(sameNumbers(out, plain)).toBe(true);
    }), { numRuns: 100 });
  });
});

const sizes = fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 2, maxLength: 4 });
const network = sizes.chain((s) => fc.record({
  model: modelOf(s),
  rows: fc.integer({ min: 1, max: 9 }),
  rate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
  seed: fc.integer(),
})).chain(({ model, rows, rate }) => fc.record({
  model: fc.constant(model), rows: fc.constant(rows), rate: fc.constant(rate),
  x: numbers(rows * model.sizes[0]),
  t: numbers(rows * model.sizes[model.sizes.length - 1], false),
}));

function targetRows(t: Float64Array, rows: number): Float64Array[] {
  const m = t.length / rows;
  return Array.from({ length: rows }, (_, r) => t.subarray(r * m, (r + 1) * m));
}

/** Everything a gradient pass writes, with the SIMD kernels forced on or off. */
function gradientWith(mode: 'always' | 'never', model: Model, x: Float64Array, t: Float64Array, rows: number) {
  useSimd(mode);
  const ws = createWorkspace(model, rows);
  expect(ws.simd !== null).toBe(mode === 'always');
  const loss = gradientModel(model, x, targetRows(t, rows), Loss.squaredError, ws);
  return { loss, ws };
}

describe('the passes on the SIMD kernels', () => {
  it('give the bits of the loops: forward, loss, deltas, gradients, upstreams, for every activation', () => {
    fc.assert(fc.property(network, ({ model, rows, x, t }) => {
      const simd = gradientWith('always', model, x, t, rows);
      const loops = gradientWith('never', model, x, t, rows);
      expect(simd.loss).toBe(loops.loss);
      for (const key of ['z', 'a', 'delta', 'upstream', 'grads'] as const) {
        simd.ws[key].forEach((buffer, l) => expect(sameNumbers(buffer, loops.ws[key][l])).toBe(true));
      }
    }), { numRuns: 150 });
  });

  it('give the bits of the loops for one SGD step, on mirrored and on resident weights', () => {
    fc.assert(fc.property(network, ({ model, rate, x }) => {
      const n = model.sizes[0];
      const example = x.subarray(0, n);
      const target = new Float64Array(model.sizes[model.sizes.length - 1]).fill(0.25);
      useSimd('never');
      const loops = copyModel(model);
      const loopLoss = exampleStep(loops, example, target, Loss.squaredError, rate, createWorkspace(loops, 1));
      useSimd('always');
      const mirrored = copyModel(model);
      const mirroredLoss = exampleStep(mirrored, example, target, Loss.squaredError, rate, createWorkspace(mirrored, 1));
      const resident = workingCopy(model, [1]);
      const ws = createWorkspace(resident, 1);
      expect(ws.simd?.mirrors).toBeNull();
      const residentLoss = exampleStep(resident, example, target, Loss.squaredError, rate, ws);
      expect(mirroredLoss).toBe(loopLoss);
      expect(residentLoss).toBe(loopLoss);
      loops.weights.forEach((w, l) => {
        expect(sameNumbers(mirrored.weights[l], w)).toBe(true);
        expect(sameNumbers(resident.weights[l], w)).toBe(true);
      });
    }), { numRuns: 150 });
  });

  it('give the bits of the loops on a wide network (785 × 37, odd widths, many zero inputs)', () => {
    const shape = fc.record({ model: modelOf([784, 37, 5]), x: numbers(3 * 784) });
    fc.assert(fc.property(shape, ({ model, x }) => {
      const t = new Float64Array(15).fill(0.5);
      const simd = gradientWith('always', model, x, t, 3);
      const loops = gradientWith('never', model, x, t, 3);
      expect(simd.loss).toBe(loops.loss);
      simd.ws.grads.forEach((g, l) => expect(sameNumbers(g, loops.ws.grads[l])).toBe(true));
      useSimd('never');
      const out = createWorkspace(model, 3);
      forwardModel(model, x, out);
      expect(sameNumbers(out.a[1], simd.ws.a[1])).toBe(true);
    }), { numRuns: 5 });
  });

  it('leave the weights and inputs they are given unchanged', () => {
    fc.assert(fc.property(network, ({ model, rows, x, t }) => {
      const before = copyModel(model);
      const input = x.slice();
      gradientWith('always', model, x, t, rows);
      model.weights.forEach((w, l) => expect(sameNumbers(w, before.weights[l])).toBe(true));
      expect(sameNumbers(x, input)).toBe(true);
    }), { numRuns: 30 });
  });
});

describe('kernel-bytes.ts', () => {
  it('is the module assembled from kernels.wat', () => {
    const result = spawnSync(process.execPath, ['src/engine/wasm/assemble.mjs', '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
