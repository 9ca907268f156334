import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backwardLayer, backwardRows, forwardLayer, forwardRows } from '../../src/engine/kernels.js';
import { activations, numbers, sameNumbers } from '../support/models.js';

describe('forwardRows', () => {
  it('computes z = [-1, x] · w on a hand-checked batch', () => {
    // w = [[1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]: z = [x1 - 1, x2, x3, x4]
    const w = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const x = Float64Array.from({ length: 16 }, (_, k) => k);
    const z = new Float64Array(16);
    forwardRows(w, 4, 4, x, 4, z);
    expect(Array.from(z)).toEqual([-1, 1, 2, 3, 3, 5, 6, 7, 7, 9, 10, 11, 11, 13, 14, 15]);
  });

  it('sums each neuron bias first, then the inputs in order (nine neurons: a block of eight and one more)', () => {
    // Bias weight -1 (so -w[0] = 1), inputs 1e16 and -1e16 with weights 1: in order,
    // (1 + 1e16) rounds to 1e16 (ties to even; the spacing there is 2), then - 1e16 gives 0;
    // summing the inputs first would give (1e16 - 1e16) + 1 = 1.
    const m = 9;
    const w = new Float64Array(3 * m);
    for (let j = 0; j < m; j++) { w[j] = -1; w[m + j] = 1; w[2 * m + j] = 1; }
    const z = new Float64Array(m);
    forwardRows(w, 2, m, Float64Array.from([1e16, -1e16]), 1, z);
    expect(Array.from(z)).toEqual(new Array(m).fill(0));
  });
});

describe('backwardRows', () => {
  it('computes grad = [-1, x]ᵀ · delta and inputGrad = delta · w[1..]ᵀ on a hand-checked example', () => {
    // n = 2, m = 1: w = [[0.5], [2], [3]], x = [1, 4], delta = [0.25]:
    // grad = [-0.25, 0.25, 1]; inputGrad = [2 · 0.25, 3 · 0.25] = [0.5, 0.75]
    const grad = new Float64Array(3);
    const inputGrad = new Float64Array(2);
    backwardRows(Float64Array.from([0.5, 2, 3]), 2, 1, Float64Array.from([1, 4]), 1, Float64Array.from([0.25]), grad, inputGrad);
    expect(Array.from(grad)).toEqual([-0.25, 0.25, 1]);
    expect(Array.from(inputGrad)).toEqual([0.5, 0.75]);
  });
});

describe('forwardLayer and backwardLayer', () => {
  // Batches through every activation: the layer kernels (the loops, then
  // the activation loops) against the loops with each activation's own functions.
  const batch = fc.record({
    n: fc.integer({ min: 1, max: 9 }),
    m: fc.integer({ min: 1, max: 9 }),
    rows: fc.integer({ min: 1, max: 9 }),
    activation: fc.constantFrom(...activations),
  }).chain(({ n, m, rows, activation }) =>
    fc.record({
      n: fc.constant(n), m: fc.constant(m), rows: fc.constant(rows), activation: fc.constant(activation),
      w: numbers((n + 1) * m, false), x: numbers(rows * n), upstream: numbers(rows * m, false),
    }),
  );

  it('give the bits of the plain loops on batches, for every activation', () => {
    fc.assert(fc.property(batch, ({ n, m, rows, activation, w, x, upstream }) => {
      const z = new Float64Array(rows * m);
      const a = new Float64Array(rows * m);
      forwardLayer(w, n, m, activation, x, rows, z, a);
      const plainZ = new Float64Array(rows * m);
      forwardRows(w, n, m, x, rows, plainZ);
      const plainA = plainZ.map((value) => activation.apply(value));
      expect(sameNumbers(z, plainZ)).toBe(true);
      expect(sameNumbers(a, plainA)).toBe(true);

      const delta = new Float64Array(rows * m);
      const grad = new Float64Array(w.length);
      const inputGrad = new Float64Array(rows * n);
      backwardLayer(w, n, m, activation, x, rows, z, a, upstream, delta, grad, inputGrad);
      const plainDelta = upstream.map((u, k) => u * activation.derivative(plainZ[k], plainA[k]));
      const plainGrad = new Float64Array(w.length);
      const plainInput = new Float64Array(rows * n);
      backwardRows(w, n, m, x, rows, plainDelta, plainGrad, plainInput);
      expect(sameNumbers(delta, plainDelta)).toBe(true);
      expect(sameNumbers(grad, plainGrad)).toBe(true);
      expect(sameNumbers(inputGrad, plainInput)).toBe(true);
    }), { numRuns: 200 });
  });
});
