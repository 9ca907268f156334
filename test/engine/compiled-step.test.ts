import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Loss } from '../../src/index.js';
import { canCompile, compileStep, compileStraightStep, stepSource } from '../../src/engine/compiled-step.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { createWorkspace, type Model } from '../../src/engine/flat-model.js';
import { copyModel, modelOf, numbers, sameNumbers } from '../support/models.js';

const inlinable = new Set([Activation.identity, Activation.sigmoid, Activation.tanh, Activation.relu]);
const sizes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 });
const case_ = sizes.chain((s) =>
  fc.record({ model: modelOf(s), x: numbers(s[0]), t: numbers(s[s.length - 1], false), rate: fc.double({ min: 1e-3, max: 1, noNaN: true }) }),
).filter(({ model }) => model.activations.every((a) => inlinable.has(a)));

const notebook: Model = {
  sizes: [2, 3, 1],
  weights: [Float64Array.from([1, 0, -1, 1, 2, 0, 0, -2, 1]), Float64Array.from([1, 2, 3, -1])],
  activations: [Activation.sigmoid, Activation.identity],
};

describe('compileStep', () => {
  it('gives the bits of exampleStep on random tiny networks', () => {
    fc.assert(fc.property(case_, ({ model, x, t, rate }) => {
      const loops = copyModel(model);
      const compiled = copyModel(model);
      const step = compileStep(compiled);
      expect(step).not.toBeNull();
      const loopLoss = exampleStep(loops, x, t, Loss.squaredError, rate, createWorkspace(loops, 1));
      // The example sits at an offset in a larger array, as rows of a data set do.
      const data = Float64Array.from([9, ...x]);
      const targets = Float64Array.from([9, 9, ...t]);
      expect(step!(compiled.weights, data, 1, targets, 2, rate)).toBe(loopLoss);
      compiled.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
    }), { numRuns: 200 });
  });

  it("computes the notebook's step: W[0][0] becomes 1 - 0.1 · 11.18993... = -0.11899...", () => {
    const model = copyModel(notebook);
    const loss = compileStep(model)!(model.weights, [1, 2], 0, [5], 0, 0.1);
    // 50-digit values from test/fixtures/notebook-golden.py: loss 31.3036373880604..., W'[0][0] = -0.1189930721512...
    expect(loss).toBeCloseTo(31.30363738806043, 12);
    expect(model.weights[1][0]).toBeCloseTo(-0.11899307215121624, 14);
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
  it('writes every weight index as a constant', () => {
    const source = stepSource(notebook);
    expect(source).toContain('const z0_0 = -w0[0] + x0 * w0[3] + x1 * w0[6];');
    expect(source).not.toMatch(/for \(/);
  });
});

describe('compileStraightStep', () => {
  it('makes one function per architecture: networks of the same sizes and activations share it', () => {
    const other: Model = { ...notebook, weights: [new Float64Array(9).fill(0.5), new Float64Array(4).fill(-1)] };
    const step = compileStraightStep(notebook);
    expect(step).toBeTypeOf('function');
    expect(compileStraightStep(other)).toBe(step);
    expect(compileStraightStep({ ...notebook, activations: [Activation.tanh, Activation.identity] })).not.toBe(step);
  });
});
