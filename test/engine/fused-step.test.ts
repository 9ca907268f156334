import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Loss } from '../../src/index.js';
import { exampleStep } from '../../src/engine/fused-step.js';
import { stepWeights } from '../../src/engine/kernels.js';
import { createWorkspace, gradientModel } from '../../src/engine/flat-model.js';
import { copyModel, modelOf, numbers, sameNumbers } from '../support/models.js';

const sizes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 5 });
const case_ = sizes.chain((s) =>
  fc.record({ model: modelOf(s), x: numbers(s[0]), t: numbers(s[s.length - 1], false), rate: fc.double({ min: 1e-3, max: 1, noNaN: true }) }),
);

describe('exampleStep', () => {
  it('gives the bits of gradientModel followed by stepWeights, for every activation', () => {
    fc.assert(fc.property(case_, ({ model, x, t, rate }) => {
      const generic = copyModel(model);
      const fused = copyModel(model);
      const ws = createWorkspace(generic, 1);
      const genericLoss = gradientModel(generic, x, [t], Loss.squaredError, ws);
      generic.weights.forEach((w, l) => stepWeights(w, ws.grads[l], rate, w));
      const fusedLoss = exampleStep(fused, x, t, Loss.squaredError, rate, createWorkspace(fused, 1));
      expect(fusedLoss).toBe(genericLoss);
      fused.weights.forEach((w, l) => expect(sameNumbers(w, generic.weights[l])).toBe(true));
    }), { numRuns: 200 });
  });

  it('uses the old weights of a layer for the deltas below it', () => {
    // 1-1-1 identity network, w0 = [[0], [1]], w1 = [[0], [2]], x = 1, t = 0, rate 1:
    // y = 2, dL/dy = 4; layer 1: grad = [-4, 4 · 1] → w1 = [[4], [-2]];
    // the delta of layer 0 is 4 · 2 (old weight) = 8, not 4 · -2: grad = [-8, 8] → w0 = [[8], [-7]].
    const model = {
      sizes: [1, 1, 1],
      weights: [Float64Array.from([0, 1]), Float64Array.from([0, 2])],
      activations: [Activation.identity, Activation.identity],
    };
    const loss = exampleStep(model, Float64Array.from([1]), [0], Loss.squaredError, 1, createWorkspace(model, 1));
    expect(loss).toBe(4);
    expect(Array.from(model.weights[1])).toEqual([4, -2]);
    expect(Array.from(model.weights[0])).toEqual([8, -7]);
  });
});
