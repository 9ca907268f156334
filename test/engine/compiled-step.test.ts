import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Loss } from '../../src/index.js';
import { canCompile, compileStraightStep, stepSource } from '../../src/engine/compiled-step.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { createWorkspace, rowViews, type Model } from '../../src/engine/flat-model.js';
import { copyModel, modelOf, numbers, sameNumbers } from '../support/models.js';

const inlinable = new Set([Activation.identity, Activation.sigmoid, Activation.tanh, Activation.relu]);
const sizes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 });
const case_ = sizes.chain((s) => fc.integer({ min: 1, max: 4 }).chain((rows) =>
  fc.record({
    model: modelOf(s),
    x: numbers(rows * s[0]),
    t: numbers(rows * s[s.length - 1], false),
    order: fc.shuffledSubarray(Array.from({ length: rows }, (_, r) => r), { minLength: rows, maxLength: rows }),
    rate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
  }),
)).filter(({ model }) => model.activations.every((a) => inlinable.has(a)));

const notebook: Model = {
  sizes: [2, 3, 1],
  weights: [Float64Array.from([1, 0, -1, 1, 2, 0, 0, -2, 1]), Float64Array.from([1, 2, 3, -1])],
  activations: [Activation.sigmoid, Activation.identity],
};

/** `exampleStep` on rows `order` of `x` in turn, from `model`'s weights; the sum of the losses from `first`. */
function loopSteps(model: Model, x: Float64Array, t: Float64Array, order: readonly number[], rate: number, first = 0): number {
  const n = model.sizes[0];
  const m = model.sizes[model.sizes.length - 1];
  let total = first;
  for (const row of order) {
    total += exampleStep(model, x.slice(row * n, (row + 1) * n), t.slice(row * m, (row + 1) * m), Loss.squaredError, rate, createWorkspace(model, 1));
  }
  return total;
}

describe('compileStraightStep', () => {
  it('gives the bits of exampleStep on each example in turn, on random tiny networks, in order or through an order', () => {
    fc.assert(fc.property(case_, ({ model, x, t, order, rate }) => {
      const rows = order.length;
      for (const through of [null, Uint32Array.from(order)]) {
        const loops = copyModel(model);
        const expected = loopSteps(loops, x, t, through === null ? order.map((_, r) => r) : order, rate, 0.5);
        const compiled = copyModel(model);
        // io[1] starts at 0.5: the run adds each loss to the sum it is given, in order.
        const io = Float64Array.from([rate, 0.5]);
        expect(compileStraightStep(compiled)!(compiled.weights, x, rowViews(t.slice(), rows), through, 0, rows, io)).toBe(rows);
        expect(io[1]).toBe(expected);
        compiled.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
      }
    }), { numRuns: 200 });
  });

  it("computes the notebook's step: W[0][0] becomes 1 - 0.1 · 11.18993... = -0.11899...", () => {
    const model = copyModel(notebook);
    const io = Float64Array.from([0.1, 0]);
    expect(compileStraightStep(model)!(model.weights, Float64Array.from([1, 2]), [Float64Array.from([5])], null, 0, 1, io)).toBe(1);
    // 50-digit values from test/fixtures/notebook-golden.py: loss 31.3036373880604..., W'[0][0] = -0.1189930721512...
    expect(io[1]).toBeCloseTo(31.30363738806043, 12);
    expect(model.weights[1][0]).toBeCloseTo(-0.11899307215121624, 14);
  });

  it('stops before the first example whose z, loss or delta is not finite, with the weights and the sum of the examples before it', () => {
    // 1-1 identity, w = [[0], [1]]: the step of example x is w1 - rate · x · 2(x - t).
    const model: Model = { sizes: [1, 1], weights: [Float64Array.from([0, 1])], activations: [Activation.identity] };
    const step = compileStraightStep(model)!;
    const t = [Float64Array.from([0]), Float64Array.from([0]), Float64Array.from([0])];
    // Example 1 is x = Infinity (z not finite), 1e160 (z finite, loss 1e320 not), or -1e308 with t = 1e308 (e = -2e308 overflows).
    for (const [bad, target] of [[Infinity, 0], [1e160, 0], [-1e308, 1e308]]) {
      const weights = [Float64Array.from([0, 1])];
      const io = Float64Array.from([0.25, 0]);
      const targets = [t[0], Float64Array.from([target]), t[2]];
      expect(step(weights, Float64Array.from([1, bad, 3]), targets, null, 0, 3, io)).toBe(1);
      // After example 0 (x = 1, t = 0, loss 1, delta 2): w0 = 0 - 0.25 · (0 - 2) = 0.5, w1 = 1 - 0.25 · (1 · 2) = 0.5.
      expect(Array.from(weights[0])).toEqual([0.5, 0.5]);
      expect(io[1]).toBe(1);
    }
  });

  it('stops at a delta that is not finite when z and the loss are', () => {
    // 1-1-1, relu then identity: z0 = -1 + 0 · x = -1 (a0 = 0), z1 = 1e10 + 0 · 1e300 = 1e10, loss 1e20;
    // the upstream gradient 1e300 · 2e10 overflows, and the delta Infinity · relu'(-1) = Infinity · 0 is NaN.
    const model: Model = { sizes: [1, 1, 1], weights: [Float64Array.from([1, 0]), Float64Array.from([-1e10, 1e300])], activations: [Activation.relu, Activation.identity] };
    const io = Float64Array.from([0.1, 7]);
    expect(compileStraightStep(model)!(model.weights, Float64Array.from([1]), [Float64Array.from([0])], null, 0, 1, io)).toBe(0);
    expect(model.weights.map((w) => Array.from(w))).toEqual([[1, 0], [-1e10, 1e300]]);
    expect(io[1]).toBe(7);
  });

  it('makes one function per architecture: networks of the same sizes and activations share it', () => {
    const other: Model = { ...notebook, weights: [new Float64Array(9).fill(0.5), new Float64Array(4).fill(-1)] };
    const step = compileStraightStep(notebook);
    expect(step).toBeTypeOf('function');
    expect(compileStraightStep(other)).toBe(step);
    expect(compileStraightStep({ ...notebook, activations: [Activation.tanh, Activation.identity] })).not.toBe(step);
  });
});

describe('canCompile', () => {
  it('refuses layers too large to write out and activations it cannot inline', () => {
    expect(canCompile(notebook)).toBe(true);
    expect(canCompile({ ...notebook, sizes: [784, 128, 10], weights: [new Float64Array(785 * 128), new Float64Array(129 * 10)] })).toBe(false);
    expect(canCompile({ ...notebook, activations: [Activation.softplus, Activation.identity] })).toBe(false);
  });
});

describe('stepSource', () => {
  it('keeps every weight in a local with a constant index, and loops only over the examples', () => {
    const source = stepSource(notebook);
    expect(source).toContain('let w0_3 = w0[3];');
    expect(source).toContain('const z0_0 = -w0_0 + x0 * w0_3 + x1 * w0_6;');
    expect(source).toContain('w0[3] = w0_3;');
    expect(source.match(/for \(/g)).toHaveLength(1);
  });
});
