/**
 * Tests of src/math/activations.ts: one shared contract applied to every
 * built-in activation (fast-check's pattern), then the values, stability
 * and choices of each one. `Activation.define` and `Activation.byName` are
 * in activation-registry.test.ts.
 *
 * Sources of expected values:
 * - "Python:" values are CPython 3 `math` results (float64), computed
 *   independently of src/, e.g. `1/(1+math.exp(2))` for sigmoid(-2).
 * - "by hand:" values follow from the definition in a line of arithmetic
 *   that is exact in binary floating point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, ValueError } from '../../src/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import { ULPS, EXACT, RUNS, centralDifference, FINITE_DIFFERENCE } from '../support/activation-cases.js';

/** A number in [min, max] or [-max, -min]: kept at least `min` away from 0. */
function awayFromZero(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.double({ min, max, noNaN: true }), fc.boolean())
    .map(([magnitude, negative]) => (negative ? -magnitude : magnitude));
}

interface ContractOptions {
  /** The activation has a kink at 0: keep finite-difference points away from it. */
  readonly kinkAtZero?: boolean;
}

/**
 * The contract every activation must meet: finite values on the whole range
 * a network can produce, a derivative that agrees with the function, a name
 * that `Activation.byName` maps back to the same function, and immutability.
 */
function checkActivationContract(activation: Activation, { kinkAtZero = false }: ContractOptions = {}): void {
  describe(`${activation.name} (contract)`, () => {
    it('returns finite values and derivatives for z in [-800, 800]', () => {
      fc.assert(
        fc.property(fc.double({ min: -800, max: 800, noNaN: true }), (z) => {
          const a = activation.apply(z);
          expect(Number.isFinite(a), `apply(${z}) = ${a}`).toBe(true);
          const d = activation.derivative(z, a);
          expect(Number.isFinite(d), `derivative(${z}, ${a}) = ${d}`).toBe(true);
        }),
        RUNS,
      );
    });

    it('returns finite values at z = ±1e308', () => {
      for (const z of [1e308, -1e308]) {
        const a = activation.apply(z);
        expect(Number.isFinite(a), `apply(${z}) = ${a}`).toBe(true);
        expect(Number.isFinite(activation.derivative(z, a)), `derivative at ${z}`).toBe(true);
      }
    });

    it('returns a derivative that agrees with a central finite difference of apply', () => {
      // Kinked activations: |z| >= 1e-3, a hundred times h, so z ± h stays on one side.
      const zs = kinkAtZero ? awayFromZero(1e-3, 30) : fc.double({ min: -30, max: 30, noNaN: true });
      fc.assert(
        fc.property(zs, (z) => {
          const analytic = activation.derivative(z, activation.apply(z));
          const numeric = centralDifference((v) => activation.apply(v), z);
          expectMatrixClose(analytic, numeric, FINITE_DIFFERENCE);
        }),
        RUNS,
      );
    });

    it('has a name that Activation.byName maps back to the same function', () => {
      expect(typeof activation.name).toBe('string');
      const found = Activation.byName(activation.name);
      expect(found.name).toBe(activation.name);
      fc.assert(
        fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
          const a = activation.apply(z);
          expectMatrixClose(found.apply(z), a, EXACT);
          expectMatrixClose(found.derivative(z, a), activation.derivative(z, a), EXACT);
        }),
        RUNS,
      );
    });

    it('is frozen', () => {
      expect(Object.isFrozen(activation)).toBe(true);
      expect(() => {
        (activation as { name: string }).name = 'changed';
      }).toThrow(TypeError);
      expect(activation.name).not.toBe('changed');
    });
  });
}

describe('the activation contract', () => {
  checkActivationContract(Activation.identity);
  checkActivationContract(Activation.sigmoid);
  checkActivationContract(Activation.tanh);
  checkActivationContract(Activation.relu, { kinkAtZero: true });
  checkActivationContract(Activation.leakyRelu(), { kinkAtZero: true });
  checkActivationContract(Activation.leakyRelu(0.2), { kinkAtZero: true });
  checkActivationContract(Activation.softplus);
});

describe('Activation.identity', () => {
  it('returns z unchanged, with derivative 1 (by hand)', () => {
    for (const z of [-3.5, 0, 0.25, 800]) {
      expectMatrixClose(Activation.identity.apply(z), z, EXACT);
      expectMatrixClose(Activation.identity.derivative(z, z), 1, EXACT);
    }
  });

  it('is named "identity" and found by that name', () => {
    expect(Activation.identity.name).toBe('identity');
    expect(Activation.byName('identity')).toBe(Activation.identity);
  });
});

describe('Activation.sigmoid', () => {
  it('returns 0.5 at zero, with derivative 0.25 (by hand: 1/(1+1), 0.5·0.5)', () => {
    expect(Activation.sigmoid.apply(0)).toBe(0.5);
    expect(Activation.sigmoid.derivative(0, 0.5)).toBe(0.25);
  });

  it('returns the notebook hidden activations at -2 and 3 (Python: 1/(1+math.exp(2)), 1/(1+math.exp(-3)))', () => {
    expectMatrixClose(Activation.sigmoid.apply(-2), 0.11920292202211755, ULPS);
    expectMatrixClose(Activation.sigmoid.apply(3), 0.9525741268224334, ULPS);
  });

  it('returns the derivative a(1 - a) at -2 (Python: s=1/(1+math.exp(2)); s*(1-s))', () => {
    const a = Activation.sigmoid.apply(-2);
    expectMatrixClose(Activation.sigmoid.derivative(-2, a), 0.1049935854035065, ULPS);
  });

  it('returns exactly 0 at -800 and exactly 1 at 800, never NaN', () => {
    // e^-800 underflows to 0 in float64, so the exact values round to 0 and 1.
    expect(Activation.sigmoid.apply(-800)).toBe(0);
    expect(Activation.sigmoid.apply(800)).toBe(1);
    expect(Activation.sigmoid.derivative(-800, 0)).toBe(0);
    expect(Activation.sigmoid.derivative(800, 1)).toBe(0);
  });

  it('is symmetric: sigmoid(-z) = 1 - sigmoid(z)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expectMatrixClose(Activation.sigmoid.apply(-z), 1 - Activation.sigmoid.apply(z), { rtol: 1e-12, atol: 1e-15 });
      }),
      RUNS,
    );
  });
});

describe('Activation.tanh', () => {
  it('returns 0 at zero, with derivative 1 (by hand)', () => {
    expect(Activation.tanh.apply(0)).toBe(0);
    expect(Activation.tanh.derivative(0, 0)).toBe(1);
  });

  it('returns tanh(0.5) and 1 - tanh(0.5)² (Python: math.tanh(0.5), 1-math.tanh(0.5)**2)', () => {
    const a = Activation.tanh.apply(0.5);
    expectMatrixClose(a, 0.46211715726000974, ULPS);
    expectMatrixClose(Activation.tanh.derivative(0.5, a), 0.7864477329659274, ULPS);
  });

  it('returns exactly ±1 at ±800', () => {
    expect(Activation.tanh.apply(800)).toBe(1);
    expect(Activation.tanh.apply(-800)).toBe(-1);
  });
});

describe('Activation.relu', () => {
  it('returns max(z, 0) with derivative 1 above zero and 0 below (by hand)', () => {
    expect(Activation.relu.apply(3)).toBe(3);
    expect(Activation.relu.apply(-2)).toBe(0);
    expect(Activation.relu.derivative(3, 3)).toBe(1);
    expect(Activation.relu.derivative(-2, 0)).toBe(0);
  });

  it('returns derivative 0 at exactly zero (the documented choice at the kink)', () => {
    // NOTE: relu has no derivative at 0; the library takes the left slope, 0,
    // as most libraries do, so a dead neuron passes no gradient.
    expect(Activation.relu.apply(0)).toBe(0);
    expect(Activation.relu.derivative(0, 0)).toBe(0);
    expect(Activation.relu.derivative(-0, 0)).toBe(0);
  });
});

describe('Activation.leakyRelu', () => {
  it('uses alpha = 0.01 by default and names itself "leakyRelu(0.01)"', () => {
    const leaky = Activation.leakyRelu();
    expect(leaky.name).toBe('leakyRelu(0.01)');
    // by hand: 0.01 · -2 = -0.02 (doubling is exact)
    expect(leaky.apply(-2)).toBe(-0.02);
    expect(leaky.derivative(-2, leaky.apply(-2))).toBe(0.01);
    expect(leaky.apply(3)).toBe(3);
    expect(leaky.derivative(3, 3)).toBe(1);
  });

  it('returns alpha·z below zero for leakyRelu(0.2) (by hand: 0.2·-5 = -1)', () => {
    const leaky = Activation.leakyRelu(0.2);
    expect(leaky.name).toBe('leakyRelu(0.2)');
    expectMatrixClose(leaky.apply(-5), -1, ULPS);
    expect(leaky.derivative(-5, leaky.apply(-5))).toBe(0.2);
  });

  it('returns the slope alpha at exactly zero, as relu takes its left slope', () => {
    expect(Activation.leakyRelu(0.2).apply(0)).toBe(0);
    expect(Activation.leakyRelu(0.2).derivative(0, 0)).toBe(0.2);
  });

  it('records alpha in its name exactly, so Activation.byName rebuilds the same slope', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (alpha) => {
        const rebuilt = Activation.byName(Activation.leakyRelu(alpha).name);
        expect(rebuilt.derivative(-1, rebuilt.apply(-1))).toBe(alpha);
        expect(rebuilt.apply(-1)).toBe(-alpha);
      }),
      RUNS,
    );
  });

  it('throws ValueError when alpha is not a finite number', () => {
    for (const alpha of [Number.NaN, Number.POSITIVE_INFINITY, '0.1' as unknown as number]) {
      const error = thrownBy(() => Activation.leakyRelu(alpha));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.leakyRelu/);
    }
  });
});

describe('Activation.softplus', () => {
  it('returns ln 2 at zero with derivative 0.5 (Python: math.log(2); sigmoid(0) = 0.5)', () => {
    expectMatrixClose(Activation.softplus.apply(0), 0.6931471805599453, ULPS);
    expect(Activation.softplus.derivative(0, Activation.softplus.apply(0))).toBe(0.5);
  });

  it('returns ln(1 + e) at 1 with derivative sigmoid(1) (Python: math.log(1+math.exp(1)), 1/(1+math.exp(-1)))', () => {
    const a = Activation.softplus.apply(1);
    expectMatrixClose(a, 1.3132616875182228, ULPS);
    expectMatrixClose(Activation.softplus.derivative(1, a), 0.7310585786300049, ULPS);
  });

  it('returns exactly 800 at 800', () => {
    // ln(1 + e^800) = 800 + ln(1 + e^-800), and e^-800 underflows to 0.
    expect(Activation.softplus.apply(800)).toBe(800);
  });

  it('returns 0 or a tiny positive number at -800, never NaN', () => {
    // The true value e^-800 ≈ 3.6e-348 is below the smallest float64.
    const a = Activation.softplus.apply(-800);
    expect(Number.isNaN(a)).toBe(false);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1e-300);
  });

  it('returns e^-40 at -40 to 1e-12 relative (ln(1 + e^z) ≈ e^z for very negative z; Python: math.exp(-40))', () => {
    // The relative error of the approximation is about e^-40 / 2 ≈ 2e-18.
    expectMatrixClose(Activation.softplus.apply(-40), 4.248354255291589e-18, { rtol: 1e-12, atol: 0 });
  });
});
