/**
 * Tests of src/math/sigmoid-cross-entropy.ts: `Loss.sigmoidCrossEntropy`,
 * `L = -Σ_k [t_k ln σ(z_k) + (1 - t_k) ln(1 - σ(z_k))]` on the logits `z`,
 * with `∂L/∂z_k = σ(z_k) - t_k`.
 *
 * Source of the golden values: test/fixtures/sigmoid-cross-entropy-golden.py,
 * Python `decimal` at 60 digits from the definition above (not from the
 * rewritten form the code uses).
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Loss, Network } from '../../src/index.js';
import { expectMatrixClose } from '../support/helpers.js';
import { SIGMOID_CROSS_ENTROPY_GOLDEN } from '../fixtures/sigmoid-cross-entropy-golden.js';

const loss = Loss.sigmoidCrossEntropy;
const SEEDED = { seed: 9, numRuns: 150 };

function gradientOf(z: readonly number[], t: readonly number[]): number[] {
  const into = new Float64Array(z.length);
  loss.gradient(z, t, into);
  return Array.from(into);
}

/** Logits in [-lo, lo] and probability targets of the same length. */
function rows(lo: number) {
  return fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: -lo, max: lo, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );
}

describe('Loss.sigmoidCrossEntropy', () => {
  it('matches the decimal golden values, ±1000 included', () => {
    for (const { z, t, loss: expected, gradient } of SIGMOID_CROSS_ENTROPY_GOLDEN) {
      // A few roundings of float64 on values of size up to 2000: 1e-15 relative.
      expect(Math.abs(loss.value(z, t) - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
      // σ(z) - t subtracts numbers of size up to 1: one rounding of them, 2^-52, is the floor for t near σ(z).
      expectMatrixClose(gradientOf(z, t), gradient, { rtol: 1e-15, atol: 2 ** -52 });
    }
  });

  it('has a BigNumber form that agrees with the golden values to 1e-30', () => {
    const math = create(all, { number: 'BigNumber', precision: 64 });
    for (const { z, t, loss: expected } of SIGMOID_CROSS_ENTROPY_GOLDEN) {
      const big = loss.big!.value(z.map((v) => math.bignumber(v)), t.map((v) => math.bignumber(v)), math as never);
      expect(Math.abs(big.toNumber() - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
    }
  });

  it('returns a gradient that agrees with central differences of its value', () => {
    // The loss is smooth with |L''| <= 1/4 per output, so the central
    // difference's truncation error is below h²/6 · max|L'''| < 1e-9, and
    // its rounding about ε·L/h ≈ 1e-16 · 60 / 1e-5 < 1e-9.
    const h = 1e-5;
    fc.assert(fc.property(rows(20), ([z, t]) => {
      const numeric = z.map((_, k) => {
        const up = z.slice(); up[k] += h;
        const down = z.slice(); down[k] -= h;
        return (loss.value(up, t) - loss.value(down, t)) / (2 * h);
      });
      expectMatrixClose(gradientOf(z, t), numeric, { rtol: 1e-6, atol: 1e-7 });
    }), SEEDED);
  });

  it('stays finite and accurate for logits up to ±1000', () => {
    // For |z| >= 40, ln(1 + e^{-|z|}) < 5e-18 is below a rounding of |z|:
    // the loss of one output is max(z, 0) - t z to float64 accuracy.
    fc.assert(fc.property(
      fc.double({ min: 40, max: 1000, noNaN: true }), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }),
      (size, negative, t) => {
        const z = negative ? -size : size;
        const value = loss.value([z], [t]);
        expect(Number.isFinite(value)).toBe(true);
        const expected = Math.max(z, 0) - t * z;
        expect(Math.abs(value - expected)).toBeLessThanOrEqual(4e-16 * size);
        const [g] = gradientOf([z], [t]);
        expect(Math.abs(g - ((negative ? 0 : 1) - t))).toBeLessThanOrEqual(1e-16 + Math.exp(-size));
      },
    ), SEEDED);
  });

  it('agrees with binaryCrossEntropy of sigmoid(z) where both are accurate', () => {
    // For |z| <= 15, σ(z) is in [3e-7, 1 - 3e-7]: no clamp, and 1 - σ(z)
    // keeps about 9 digits, so the two losses agree to 1e-8 relative.
    fc.assert(fc.property(rows(15), ([z, t]) => {
      const y = z.map((v) => Activation.sigmoid.apply(v));
      const bce = Loss.binaryCrossEntropy.value(y, t);
      expect(Math.abs(loss.value(z, t) - bce)).toBeLessThanOrEqual(1e-8 * Math.max(1, bce));
    }), SEEDED);
  });

  it('does not mutate its arguments', () => {
    const z = [1000, -2, 0.5];
    const t = [0, 1, 0.5];
    loss.value(z, t);
    gradientOf(z, t);
    expect(z).toEqual([1000, -2, 0.5]);
    expect(t).toEqual([0, 1, 0.5]);
  });

  it('trains XOR on an identity output where binaryCrossEntropy is refused', () => {
    const xor = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const { network, losses } = Network.train(Network.init([2, 3, 1], { seed: 1 }), xor, [[0], [1], [1], [0]], {
      learningRate: 0.5, epochs: 200, loss,
    });
    expect(losses[199]).toBeLessThan(losses[0]);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(network.layers[1].activation).toBe(Activation.identity);
  });
});
