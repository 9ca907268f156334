import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Loss } from '../../src/index.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { stepWeights } from '../../src/engine/kernels.js';
import { createWorkspace, gradientModel, rowViews, type Model } from '../../src/engine/flat-model.js';
import { compileStraightStep } from '../../src/engine/compiled-step.js';
import { exampleSetOf, sgdPass } from '../../src/engine/plain-step.js';
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

describe('sgdPass, one example at a time', () => {
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
        expect(sgdPass(set, null, row, row + 1, 1, rate, ws, null)).toBe(loopLoss);
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
    const loss = sgdPass(set, null, 0, 1, 1, 0.1, null, null);
    // 50-digit values from test/fixtures/notebook-golden.py: loss 31.3036373880604..., W'[0][0] = -0.1189930721512...
    expect(loss).toBeCloseTo(31.30363738806043, 12);
    expect(notebook.weights[1][0]).toBeCloseTo(-0.11899307215121624, 14);
  });

  it('leaves a z that is not finite to the loops, which name the neuron, with no weight changed by the compiled step', () => {
    // 1-1 identity, w = [[0], [1e308]], x = 10: z = 1e309 overflows to Infinity.
    const model: Model = { sizes: [1, 1], weights: [Float64Array.from([0, 1e308])], activations: [Activation.identity], shared: shared() };
    const compiled = compileStraightStep(model)!;
    const io = Float64Array.from([0.1, 0]);
    expect(compiled(model.weights, Float64Array.from([10]), [Float64Array.from([0])], null, 0, 1, io)).toBe(0);
    expect(Array.from(model.weights[0])).toEqual([0, 1e308]);
    const set = exampleSetOf(model, Loss.squaredError, Float64Array.from([10]), [Float64Array.from([0])], null);
    expect(() => sgdPass(set, null, 0, 1, 1, 0.1, null, null)).toThrow(PassFault);
    expect(() => sgdPass(set, null, 0, 1, 1, 0.1, null, null)).toThrow(/z/);
  });
});

describe('sgdPass, a batch', () => {
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
      const wholeLoss = sgdPass(wholeSet, null, 0, rows, rows, rate, null, null);
      // The same rows, reversed in the data and gathered back in order through `order`.
      const n = model.sizes[0];
      const reversed = new Float64Array(x.length);
      for (let r = 0; r < rows; r++) reversed.set(x.subarray(r * n, (r + 1) * n), (rows - 1 - r) * n);
      const order = Uint32Array.from({ length: rows }, (_, r) => rows - 1 - r);
      const gathered = withShared(model);
      const gatheredSet = exampleSetOf(gathered, Loss.squaredError, reversed, [...targetRows].reverse(), rows);
      const gatheredLoss = sgdPass(gatheredSet, order, 0, rows, rows, rate, createWorkspace(gathered, rows), null);
      for (const [loss, stepped] of [[wholeLoss, whole], [gatheredLoss, gathered]] as const) {
        expect(loss).toBe(expected);
        stepped.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
      }
    }), { numRuns: 150, seed: 13 });
  });
});

describe('sgdPass, a whole pass', () => {
  it('gives the bits of one step after another, in steps of any size, and says where a step threw', () => {
    fc.assert(fc.property(case_, fc.integer({ min: 1, max: 3 }), ({ model, x, t, rows, rate }, size) => {
      const n = model.sizes[0];
      const outputs = model.sizes[model.sizes.length - 1];
      const loops = copyModel(model);
      let expected = 0;
      for (let k = 0; k < rows; k += size) {
        const r = Math.min(size, rows - k);
        const ws = createWorkspace(loops, r);
        const xs = x.slice(k * n, (k + r) * n);
        const ts = rowViews(t.slice(k * outputs, (k + r) * outputs), r);
        expected += r === 1
          ? exampleStep(loops, xs, ts[0], Loss.squaredError, rate, createWorkspace(loops, 1))
          : gradientModel(loops, xs, ts, Loss.squaredError, ws);
        if (r > 1) loops.weights.forEach((w, l) => stepWeights(w, ws.grads[l], rate, w));
      }
      const stepped = withShared(model);
      const set = exampleSetOf(stepped, Loss.squaredError, x, rowViews(t, rows), size);
      const order = Uint32Array.from({ length: rows }, (_, r) => r);
      const last = rows % size;
      const full = createWorkspace(stepped, Math.min(size, rows));
      const partial = last > 0 && rows > size ? createWorkspace(stepped, last) : null;
      expect(sgdPass(set, order, 0, rows, size, rate, full, partial ?? full)).toBe(expected);
      stepped.weights.forEach((w, l) => expect(sameNumbers(w, loops.weights[l])).toBe(true));
    }), { numRuns: 100, seed: 13 });
  });

  it('leaves in `at` the position of the example whose step threw', () => {
    // 1-1 identity, w = [[0], [1]]: the second example, x = 1e308 · 10, overflows z.
    const model: Model = { sizes: [1, 1], weights: [Float64Array.from([0, 1])], activations: [Activation.identity], shared: shared() };
    const set = exampleSetOf(model, Loss.squaredError, Float64Array.from([1, 1e308 * 10, 1]), rowViews(Float64Array.from([0, 0, 0]), 3), 1);
    expect(() => sgdPass(set, Uint32Array.from([0, 1, 2]), 0, 3, 1, 0.1, createWorkspace(model, 1), null)).toThrow(PassFault);
    expect(set.at).toBe(1);
  });
});
