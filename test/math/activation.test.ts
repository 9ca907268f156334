/**
 * Tests of src/activation.ts: one shared contract applied to every built-in
 * activation (fast-check's pattern), then the values, stability and choices
 * of each one, and `Activation.define` / `Activation.byName`.
 *
 * Sources of expected values:
 * - "Python:" values are CPython 3 `math` results (float64), computed
 *   independently of src/, e.g. `1/(1+math.exp(2))` for sigmoid(-2).
 * - "by hand:" values follow from the definition in a line of arithmetic
 *   that is exact in binary floating point.
 */
import fc from 'fast-check';
import type { BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, UnknownNameError, ValueError } from '../../src/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';

/** Agreement with an independently computed float64 value: a few ulps. */
const ULPS = { rtol: 1e-12, atol: 0 };
/** Values that must come out bit for bit. */
const EXACT = { rtol: 0, atol: 0 };

/** Property tests stay fast: a couple of hundred cases each. */
const RUNS = { numRuns: 200 };

/** Names for `Activation.define` that no other test uses: the registry is global. */
let counter = 0;
function uniqueName(base: string): string {
  counter += 1;
  return `test-${base}-${counter}`;
}

/** A number in [min, max] or [-max, -min]: kept at least `min` away from 0. */
function awayFromZero(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.double({ min, max, noNaN: true }), fc.boolean())
    .map(([magnitude, negative]) => (negative ? -magnitude : magnitude));
}

/**
 * The central difference `(f(z + h) - f(z - h)) / 2h`.
 *
 * With `h = 1e-5` and `|z| <= 30` its error is about 1e-9 at most: the
 * truncation `h² |f'''| / 6` is below 1e-10 for these activations
 * (|f'''| <= 2) and the rounding `ε |f(z)| / h` below 1e-9.
 */
function centralDifference(f: (z: number) => number, z: number, h = 1e-5): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

/**
 * Tolerance of `derivative` against the central difference: 1e-7 absolute
 * plus 1e-7 relative, a hundred times the difference's own error, and far
 * below what a derivative off by a factor of 2 or by a sign would miss by
 * (for |z| <= 30 the smallest derivative, sigmoid's, is still ~1e-13, but
 * most cases land where f' is between 1e-3 and 1).
 */
const FINITE_DIFFERENCE = { rtol: 1e-7, atol: 1e-7 };

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

describe('Activation.define', () => {
  it('returns a frozen activation that Activation.byName finds', () => {
    const name = uniqueName('cube');
    const cube = Activation.define({ name, apply: (z) => z ** 3, derivative: (z) => 3 * z ** 2 });
    expect(cube.name).toBe(name);
    expect(Object.isFrozen(cube)).toBe(true);
    // by hand: 2³ = 8, 3·2² = 12
    expect(cube.apply(2)).toBe(8);
    expect(cube.derivative(2, 8)).toBe(12);
    expect(Activation.byName(name)).toBe(cube);
  });

  it('returns an activation that meets the contract of derivative against finite differences', () => {
    const cube = Activation.define({ name: uniqueName('cube'), apply: (z) => z ** 3, derivative: (z) => 3 * z ** 2 });
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (z) => {
        expectMatrixClose(cube.derivative(z, cube.apply(z)), centralDifference(cube.apply, z), FINITE_DIFFERENCE);
      }),
      RUNS,
    );
  });

  it('returns the same object when the same name is defined again with the same functions', () => {
    const name = uniqueName('same');
    const apply = (z: number): number => 2 * z;
    const derivative = (): number => 2;
    const first = Activation.define({ name, apply, derivative });
    expect(Activation.define({ name, apply, derivative })).toBe(first);
  });

  it('does not keep the definition object: changing it afterwards changes nothing', () => {
    const name = uniqueName('copy');
    const definition = { name, apply: (z: number) => z + 1, derivative: () => 1 };
    const defined = Activation.define(definition);
    definition.apply = () => 42;
    expect(defined.apply(1)).toBe(2);
    expect(Activation.byName(name).apply(1)).toBe(2);
  });

  it('throws ValueError when the name is empty or blank', () => {
    for (const name of ['', '   ']) {
      const error = thrownBy(() => Activation.define({ name, apply: (z) => z, derivative: () => 1 }));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.define/);
    }
  });

  it('throws ValueError when the name is a built-in one', () => {
    for (const name of ['identity', 'sigmoid', 'tanh', 'relu', 'softplus']) {
      const error = thrownBy(() => Activation.define({ name, apply: (z) => z, derivative: () => 1 }));
      expect(error, name).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.define/);
      expect(error.message).toContain(name);
    }
    expect(Activation.byName('sigmoid')).toBe(Activation.sigmoid);
  });

  it('throws ValueError when the name has the leakyRelu(alpha) form', () => {
    for (const name of ['leakyRelu(0.3)', 'leakyRelu(0.01)']) {
      const error = thrownBy(() => Activation.define({ name, apply: (z) => z, derivative: () => 1 }));
      expect(error, name).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.define/);
    }
    // by hand: the parsed leakyRelu(0.3) still answers, 0.3 · -1 = -0.3
    expect(Activation.byName('leakyRelu(0.3)').apply(-1)).toBe(-0.3);
  });

  it('throws ValueError when apply or derivative is missing or not a function', () => {
    const name = uniqueName('missing');
    const bad = [
      { name, derivative: () => 1 },
      { name, apply: (z: number) => z },
      { name, apply: 'z', derivative: () => 1 },
      { name, apply: (z: number) => z, derivative: 1 },
    ];
    for (const definition of bad) {
      const error = thrownBy(() => Activation.define(definition as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.define/);
    }
    expect(thrownBy(() => Activation.byName(name))).toBeInstanceOf(UnknownNameError);
  });

  it('throws ValueError when called without a definition', () => {
    const error = thrownBy(() => Activation.define(undefined as never));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Activation\.define/);
  });

  it('throws ValueError when the name is already defined with different functions, keeping the first', () => {
    const name = uniqueName('taken');
    const first = Activation.define({ name, apply: (z) => z, derivative: () => 1 });
    const error = thrownBy(() => Activation.define({ name, apply: (z) => -z, derivative: () => -1 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Activation\.define/);
    expect(error.message).toContain(name);
    expect(Activation.byName(name)).toBe(first);
    // Same apply, different derivative: still a different activation.
    expect(thrownBy(() => Activation.define({ name, apply: first.apply, derivative: () => 2 }))).toBeInstanceOf(ValueError);
  });
});

describe('Activation.define with kinks and a BigNumber form', () => {
  it('keeps a frozen copy of kinks and the big form', () => {
    const kinks = [1, -1];
    const big = { apply: (z: BigNumber) => z.abs() };
    const defined = Activation.define({
      name: uniqueName('abs-ish'), apply: Math.abs, derivative: (z) => Math.sign(z), kinks, big,
    });
    kinks.push(5);
    expect(defined.kinks).toEqual([1, -1]);
    expect(Object.isFrozen(defined.kinks)).toBe(true);
    expect(defined.big?.apply).toBe(big.apply);
    expect(Object.isFrozen(defined.big)).toBe(true);
  });

  it('leaves kinks and big out when not given', () => {
    const defined = Activation.define({ name: uniqueName('plain'), apply: (z) => z, derivative: () => 1 });
    expect('kinks' in defined).toBe(false);
    expect('big' in defined).toBe(false);
  });

  it('returns the same object for the same members, and throws for different kinks or big forms', () => {
    const name = uniqueName('same-kinks');
    const apply = (z: number): number => Math.max(z, 0);
    const derivative = (z: number): number => (z > 0 ? 1 : 0);
    const big = { apply: (z: BigNumber) => z };
    const first = Activation.define({ name, apply, derivative, kinks: [0], big });
    expect(Activation.define({ name, apply, derivative, kinks: [0], big })).toBe(first);
    expect(thrownBy(() => Activation.define({ name, apply, derivative, kinks: [1], big }))).toBeInstanceOf(ValueError);
    expect(thrownBy(() => Activation.define({ name, apply, derivative, kinks: [0] }))).toBeInstanceOf(ValueError);
  });

  it('throws ValueError when kinks is not an array of finite numbers or big has no apply', () => {
    const bad = [{ kinks: 0 }, { kinks: [Number.NaN] }, { kinks: ['0'] }, { big: null }, { big: {} }, { big: { apply: 1 } }];
    for (const extra of bad) {
      const error = thrownBy(() => Activation.define({ name: uniqueName('bad-extra'), apply: (z: number) => z, derivative: () => 1, ...extra } as never));
      expect(error, JSON.stringify(extra)).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Activation\.define: "test-bad-extra-\d+" (kinks must be an array of finite numbers|big must be an object with an apply\(z, math\) function)/);
    }
  });
});

describe('Activation.byName', () => {
  it('returns each built-in activation itself', () => {
    expect(Activation.byName('identity')).toBe(Activation.identity);
    expect(Activation.byName('sigmoid')).toBe(Activation.sigmoid);
    expect(Activation.byName('tanh')).toBe(Activation.tanh);
    expect(Activation.byName('relu')).toBe(Activation.relu);
    expect(Activation.byName('softplus')).toBe(Activation.softplus);
  });

  it('parses leakyRelu(0.2) into a leaky rectifier of slope 0.2', () => {
    const leaky = Activation.byName('leakyRelu(0.2)');
    expect(leaky.name).toBe('leakyRelu(0.2)');
    // by hand: 0.2 · -10 = -2; slope 1 above zero
    expectMatrixClose(leaky.apply(-10), -2, ULPS);
    expect(leaky.derivative(-10, leaky.apply(-10))).toBe(0.2);
    expect(leaky.apply(4)).toBe(4);
    expect(Object.isFrozen(leaky)).toBe(true);
  });

  it('throws UnknownNameError for a leakyRelu whose alpha is not written as a decimal number', () => {
    for (const name of ['leakyRelu(0x10)', 'leakyRelu(Infinity)', 'leakyRelu()', 'leakyRelu( 1)']) {
      expect(thrownBy(() => Activation.byName(name))).toBeInstanceOf(UnknownNameError);
    }
    expect(Activation.byName('leakyRelu(1e-7)').apply(-1)).toBe(-1e-7);
  });

  it('throws UnknownNameError whose message lists the known names', () => {
    const defined = uniqueName('listed');
    Activation.define({ name: defined, apply: (z) => z, derivative: () => 1 });
    const error = thrownBy(() => Activation.byName('notDefinedAnywhere'));
    expect(error).toBeInstanceOf(UnknownNameError);
    expect((error as UnknownNameError).unknownName).toBe('notDefinedAnywhere');
    expect(error.message).toMatch(/^Activation\.byName/);
    expect(error.message).toContain('"notDefinedAnywhere"');
    for (const known of ['identity', 'sigmoid', 'tanh', 'relu', 'softplus', 'leakyRelu', defined]) {
      expect(error.message).toContain(known);
    }
  });

  it('throws UnknownNameError for malformed leakyRelu names', () => {
    for (const name of ['leakyRelu()', 'leakyRelu( )', 'leakyRelu(abc)', 'leakyRelu(Infinity)', 'leakyRelu(NaN)', 'leakyrelu(0.2)']) {
      const error = thrownBy(() => Activation.byName(name));
      expect(error, name).toBeInstanceOf(UnknownNameError);
      expect((error as UnknownNameError).unknownName).toBe(name);
    }
  });
});
