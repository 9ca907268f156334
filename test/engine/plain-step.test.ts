import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Loss } from '../../src/index.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { stepWeights } from '../../src/engine/kernels.js';
import { createWorkspace, gradientModel, rowViews, type Model } from '../../src/engine/flat-model.js';
import { compileStraightStep } from '../../src/engine/compiled-step.js';
import { exampleSetOf, sgdRows, stepExample } from '../../src/engine/plain-step.js';
import { PassFault } from '../../src/boundary/pass-fault.js';
import { copyModel, modelOf, numbers, sameNumbers } from '../support/models.js';

// The reference for every bit here is the plain loops: exampleStep for one example,
// gradientModel then stepWeights for a batch (their own tests tie them to each other).
const shared = () => ({ scratch: null, compiled: undefined });
const sizes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 });
const data = (s: number[]) => fc.integer({ min: 1, max: 5 }).chain((rows) => fc.record({
  model: modelOf(s),
  x: numbers(rows * s[0]),
  t: numbers(rows * s[s.length - 1], false),
  rows: fc.constant(rows),
  rate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
}));
const case_ = sizes.chain(data);

function withShared(model: Model): Model {
  return { ...copyModel(model), shared: shared() };
}

describe('stepExample', () => {
  it('gives the bits of exampleStep for every row of a set, compiled or not', () => {
    fc.assert(fc.property(case_, fc.nat(), ({ model, x, t, rows, rate }, pick) => {
      const row = pick % rows;
      const n = model.sizes[0];
      const outputs = model.sizes[model.sizes.length - 1];
      const loops = copyModel(model);
      const loopLoss = exampleStep(loops, x.slice(row * n, (row + 1) * n), t.slice(row * outputs, (row + 1) * outputs), Loss.squaredError, rate, createWorkspace(loops, 1));
      // The set's own workspace, and the model's shared one (ws null).
      for (const ws of [createWorkspace(model, 1), null]) {
        const stepped = withShared(model);
        const set = exampleSetOf(stepped, Loss.squaredError, x, rowViews(t, rows), 1);
        stepExample(set, row, rate, ws);
        expect(set.io[1]).toBe(loopLoss);
        stepped.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
      }
    }), { numRuns: 150, seed: 13 });
  });

  it('takes the compiled step on the notebook network and the loops for a loss it is not written for', () => {
    const notebook: Model = {
      sizes: [2, 3, 1],
      weights: [Float64Array.from([1, 0, -1, 1, 2, 0, 0, -2, 1]), Float64Array.from([1, 2, 3, -1])],
      activations: [Activation.sigmoid, Activation.identity],
      shared: shared(),
    };
    expect(exampleSetOf(notebook, Loss.squaredError, Float64Array.from([1, 2]), [Float64Array.from([5])], null).compiled).not.toBeNull();
    expect(exampleSetOf(notebook, Loss.binaryCrossEntropy, Float64Array.from([1, 2]), [Float64Array.from([1])], null).compiled).toBeNull();
    const set = exampleSetOf(notebook, Loss.squaredError, Float64Array.from([1, 2]), [Float64Array.from([5])], null);
    stepExample(set, 0, 0.1, null);
    // 50-digit values from test/fixtures/notebook-golden.py: loss 31.3036373880604..., W'[0][0] = -0.1189930721512...
    expect(set.io[1]).toBeCloseTo(31.30363738806043, 12);
    expect(notebook.weights[1][0]).toBeCloseTo(-0.11899307215121624, 14);
  });

  it('leaves a z that is not finite to the loops, which name the neuron, with no weight changed by the compiled step', () => {
    // 1-1 identity, w = [[0], [1e308]], x = 10: z = 1e309 overflows to Infinity.
    const model: Model = { sizes: [1, 1], weights: [Float64Array.from([0, 1e308])], activations: [Activation.identity], shared: shared() };
    const compiled = compileStraightStep(model)!;
    const io = Float64Array.from([0.1, 0]);
    expect(compiled(model.weights, [10], 0, [0], 0, io)).toBe(false);
    expect(Array.from(model.weights[0])).toEqual([0, 1e308]);
    const set = exampleSetOf(model, Loss.squaredError, Float64Array.from([10]), [Float64Array.from([0])], null);
    expect(() => stepExample(set, 0, 0.1, null)).toThrow(PassFault);
    expect(() => stepExample(set, 0, 0.1, null)).toThrow(/z/);
  });
});

describe('sgdRows', () => {
  it('gives the bits of the batch gradient and then stepWeights, in order or gathered', () => {
    fc.assert(fc.property(case_, ({ model, x, t, rows, rate }) => {
      const loops = copyModel(model);
      const ws = createWorkspace(loops, rows);
      const targetRows = rowViews(t, rows);
      const expected = rows === 1
        ? exampleStep(loops, x, t, Loss.squaredError, rate, createWorkspace(loops, 1))
        : gradientModel(loops, x, targetRows, Loss.squaredError, ws);
      if (rows > 1) loops.weights.forEach((w, l) => stepWeights(w, ws.grads[l], rate, w));
      const whole = withShared(model);
      const wholeSet = exampleSetOf(whole, Loss.squaredError, x, targetRows, null);
      sgdRows(wholeSet, null, 0, rows, rate, null);
      // The same rows, reversed in the data and gathered back in order through `order`.
      const n = model.sizes[0];
      const reversed = new Float64Array(x.length);
      for (let r = 0; r < rows; r++) reversed.set(x.subarray(r * n, (r + 1) * n), (rows - 1 - r) * n);
      const order = Uint32Array.from({ length: rows }, (_, r) => rows - 1 - r);
      const gathered = withShared(model);
      const gatheredSet = exampleSetOf(gathered, Loss.squaredError, reversed, [...targetRows].reverse(), rows);
      sgdRows(gatheredSet, order, 0, rows, rate, createWorkspace(gathered, rows));
      for (const [set, stepped] of [[wholeSet, whole], [gatheredSet, gathered]] as const) {
        expect(set.io[1]).toBe(expected);
        stepped.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
      }
    }), { numRuns: 150, seed: 13 });
  });
});
