/**
 * Tests of src/math/losses.ts: `Loss.squaredError`, the squared error
 * `L = Σ_k (y_k - t_k)²` of one example (no ½) and its gradient
 * `∂L/∂y_k = 2 (y_k - t_k)`.
 *
 * Sources of expected values: worked by hand in the comments (each step is
 * exact in binary floating point), and the notebook's `(y - t)²` with one
 * output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loss } from '../../src/index.js';
import { expectMatrixClose } from '../support/helpers.js';

const EXACT = { rtol: 0, atol: 0 };
const RUNS = { numRuns: 200 };

/** The gradient of `loss` at (output, target), as a plain array. */
function gradientOf(output: ArrayLike<number>, target: ArrayLike<number>): number[] {
  const into = new Float64Array(output.length);
  Loss.squaredError.gradient(output, target, into);
  return Array.from(into);
}

/** An output row and a target row of the same length, entries in [-10, 10]. */
const rowPair = fc.integer({ min: 1, max: 6 }).chain((length) => {
  const row = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: length, maxLength: length });
  return fc.tuple(row, row);
});

describe('Loss.squaredError', () => {
  it('is named "squaredError" and frozen, as is Loss', () => {
    expect(Loss.squaredError.name).toBe('squaredError');
    expect(Object.isFrozen(Loss.squaredError)).toBe(true);
    expect(Object.isFrozen(Loss)).toBe(true);
  });

  it('returns the sum of squared differences without ½ (by hand: 0.25 + 4 + 1 = 5.25)', () => {
    // y - t = [0.5 - 1, -1 - 1, 2 - 1] = [-0.5, -2, 1]; squares 0.25, 4, 1.
    expectMatrixClose(Loss.squaredError.value([0.5, -1, 2], [1, 1, 1]), 5.25, EXACT);
  });

  it('returns the notebook\'s (y - t)² for one output (by hand: (-0.5 - 5)² = 30.25)', () => {
    expectMatrixClose(Loss.squaredError.value([-0.5], [5]), 30.25, EXACT);
  });

  it('returns 0 when the output equals the target', () => {
    expect(Loss.squaredError.value([3, -7.25, 0], [3, -7.25, 0])).toBe(0);
  });

  it('writes the gradient 2 (y - t) (by hand: 2·[-0.5, -2, 1] = [-1, -4, 2])', () => {
    expectMatrixClose(gradientOf([0.5, -1, 2], [1, 1, 1]), [-1, -4, 2], EXACT);
  });

  it('writes the notebook\'s output delta 2 (y - t) for one output (by hand: 2·(-0.5 - 5) = -11)', () => {
    expectMatrixClose(gradientOf([-0.5], [5]), [-11], EXACT);
  });

  it('overwrites every entry of `into` rather than adding to it', () => {
    const into = new Float64Array([100, -100, 7]);
    Loss.squaredError.gradient([0.5, -1, 2], [1, 1, 1], into);
    expectMatrixClose(Array.from(into), [-1, -4, 2], EXACT);
  });

  it('accepts Float64Array rows (e.g. row views of a batch)', () => {
    const output = new Float64Array([0.5, -1, 2]);
    const target = new Float64Array([1, 1, 1]);
    expectMatrixClose(Loss.squaredError.value(output, target), 5.25, EXACT);
    expectMatrixClose(gradientOf(output, target), [-1, -4, 2], EXACT);
  });

  it('returns a gradient that agrees with central finite differences of value', () => {
    // value is quadratic, so the central difference has no truncation error;
    // its rounding error is about ε·value/h <= 1.1e-16 · 2400 / 1e-4 ≈ 3e-9
    // (value <= 6 · 20² = 2400). Tolerance 1e-6 absolute + 1e-6 relative.
    const h = 1e-4;
    fc.assert(
      fc.property(rowPair, ([output, target]) => {
        const numeric = output.map((_, k) => {
          const plus = output.slice();
          const minus = output.slice();
          plus[k] += h;
          minus[k] -= h;
          return (Loss.squaredError.value(plus, target) - Loss.squaredError.value(minus, target)) / (2 * h);
        });
        expectMatrixClose(gradientOf(output, target), numeric, { rtol: 1e-6, atol: 1e-6 });
      }),
      RUNS,
    );
  });

  it('returns a value that is non-negative and symmetric in output and target', () => {
    fc.assert(
      fc.property(rowPair, ([output, target]) => {
        const value = Loss.squaredError.value(output, target);
        expect(value).toBeGreaterThanOrEqual(0);
        expectMatrixClose(Loss.squaredError.value(target, output), value, EXACT);
      }),
      RUNS,
    );
  });

  it('does not modify its inputs', () => {
    fc.assert(
      fc.property(rowPair, ([output, target]) => {
        const outputCopy = output.slice();
        const targetCopy = target.slice();
        // Frozen, so a write would also throw (the library is strict-mode ESM).
        const frozenOutput = Object.freeze(output.slice());
        const frozenTarget = Object.freeze(target.slice());
        Loss.squaredError.value(frozenOutput, frozenTarget);
        Loss.squaredError.gradient(frozenOutput, frozenTarget, new Float64Array(output.length));
        const typedOutput = Float64Array.from(output);
        const typedTarget = Float64Array.from(target);
        Loss.squaredError.value(typedOutput, typedTarget);
        Loss.squaredError.gradient(typedOutput, typedTarget, new Float64Array(output.length));
        expect(Array.from(frozenOutput)).toEqual(outputCopy);
        expect(Array.from(frozenTarget)).toEqual(targetCopy);
        expect(Array.from(typedOutput)).toEqual(outputCopy);
        expect(Array.from(typedTarget)).toEqual(targetCopy);
      }),
      RUNS,
    );
  });
});
