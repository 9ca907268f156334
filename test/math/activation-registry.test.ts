/**
 * Tests of src/math/activation-registry.ts: `Activation.define` and
 * `Activation.byName`.
 *
 * Sources of expected values:
 * - "by hand:" values follow from the definition in a line of arithmetic
 *   that is exact in binary floating point.
 */
import fc from 'fast-check';
import type { BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, UnknownNameError, ValueError } from '../../src/index.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import { ULPS, RUNS, uniqueName, centralDifference, FINITE_DIFFERENCE } from '../support/activation-cases.js';

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
