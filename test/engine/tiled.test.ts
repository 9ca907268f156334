import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backwardLayer, backwardRows, forwardLayer, forwardRows, useTiles } from '../../src/engine/kernels.js';
import { forwardProduct, inputProduct, weightProduct } from '../../src/engine/tiled.js';
import { activations, numbers, sameNumbers } from '../support/models.js';

// Shapes around the tile size, so every edge case (full tiles, partial rows,
// partial columns, no full tile at all) is drawn.
const shape = fc.record({
  n: fc.integer({ min: 1, max: 11 }),
  m: fc.integer({ min: 1, max: 11 }),
  rows: fc.integer({ min: 1, max: 11 }),
});

const layer = shape.chain(({ n, m, rows }) =>
  fc.record({
    n: fc.constant(n), m: fc.constant(m), rows: fc.constant(rows),
    w: numbers((n + 1) * m, false), x: numbers(rows * n), delta: numbers(rows * m, false),
  }),
);

describe('forwardProduct', () => {
  it('gives the bits of the plain loops for every shape', () => {
    fc.assert(fc.property(layer, ({ n, m, rows, w, x }) => {
      const plain = new Float64Array(rows * m);
      const tiled = new Float64Array(rows * m);
      forwardRows(w, n, m, x, rows, plain);
      forwardProduct(w, n, m, x, rows, tiled);
      expect(sameNumbers(tiled, plain)).toBe(true);
    }), { numRuns: 300 });
  });

  it('computes z = [-1, x] · w on a hand-checked batch', () => {
    // w = [[1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]: z = [x1 - 1, x2, x3, x4]
    const w = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const x = Float64Array.from({ length: 16 }, (_, k) => k);
    const z = new Float64Array(16);
    forwardProduct(w, 4, 4, x, 4, z);
    expect(Array.from(z)).toEqual([-1, 1, 2, 3, 3, 5, 6, 7, 7, 9, 10, 11, 11, 13, 14, 15]);
  });
});

describe('weightProduct and inputProduct', () => {
  it('give the bits of the plain loops for every shape', () => {
    fc.assert(fc.property(layer, ({ n, m, rows, w, x, delta }) => {
      const plainGrad = new Float64Array(w.length);
      const plainInput = new Float64Array(rows * n);
      backwardRows(w, n, m, x, rows, delta, plainGrad, plainInput);
      const grad = new Float64Array(w.length).fill(Number.NaN);
      const inputGrad = new Float64Array(rows * n).fill(Number.NaN);
      weightProduct(n, m, x, rows, delta, grad);
      inputProduct(w, n, m, rows, delta, inputGrad);
      expect(sameNumbers(grad, plainGrad)).toBe(true);
      expect(sameNumbers(inputGrad, plainInput)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('useTiles', () => {
  it('takes tiles only when a 4 × 4 tile fits every product', () => {
    expect(useTiles(784, 128, 32)).toBe(true);
    expect(useTiles(2, 3, 32)).toBe(false);
    expect(useTiles(784, 128, 3)).toBe(false);
  });
});

describe('forwardLayer and backwardLayer', () => {
  // Batches large enough for the tiles, through every activation: the layer
  // kernels (tiles, then the activation loops) against the plain loops.
  const batch = fc.record({
    n: fc.integer({ min: 4, max: 9 }),
    m: fc.integer({ min: 4, max: 9 }),
    rows: fc.integer({ min: 4, max: 9 }),
    activation: fc.constantFrom(...activations),
  }).chain(({ n, m, rows, activation }) =>
    fc.record({
      n: fc.constant(n), m: fc.constant(m), rows: fc.constant(rows), activation: fc.constant(activation),
      w: numbers((n + 1) * m, false), x: numbers(rows * n), upstream: numbers(rows * m, false),
    }),
  );

  it('give the bits of the plain loops on batches, for every activation', () => {
    fc.assert(fc.property(batch, ({ n, m, rows, activation, w, x, upstream }) => {
      expect(useTiles(n, m, rows)).toBe(true);
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
