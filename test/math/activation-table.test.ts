/**
 * Tests of src/math/activation-table.ts: the one table of the fixed
 * built-in activations. Every built-in the `Activation` namespace exports
 * has a row, every row states every fact, and each fact agrees with the
 * activation object itself: the engine's loops and the compiled step's
 * inline JavaScript compute `apply` and `derivative` bit for bit (the
 * expected values are the activation's own functions, the definition the
 * fast forms must reproduce), and the registry, the testing kit and the
 * engine read the same list.
 */
import { describe, expect, it } from 'vitest';
import { Activation, type Activation as ActivationType } from '../../src/index.js';
import { ACTIVATION_ROWS, activationRow, FIXED_BUILT_INS } from '../../src/math/activation-table.js';
import { sigmoidOf } from '../../src/math/activations.js';
import { activate, derive } from '../../src/engine/activate.js';
import { builtInActivations } from '../../src/testing/index.js';

/** Points on both sides of every kink, the kinks themselves, and the extremes where overflow would show. */
const PROBES = [-800, -30, -2.5, -1, -0.5, -1e-3, -0, 0, 1e-3, 0.5, 1, 2.5, 30, 800, -Number.MIN_VALUE, Number.MIN_VALUE];

/** The activation objects among the namespace's members: every built-in but the leakyRelu family. */
function namespaceBuiltIns(): ActivationType[] {
  return Object.values(Activation).filter(
    (member): member is ActivationType => typeof member === 'object' && member !== null && 'apply' in member,
  );
}

describe('ACTIVATION_ROWS', () => {
  it('has one row for each built-in activation object of the Activation namespace, and nothing else', () => {
    const built = namespaceBuiltIns();
    expect(built.length).toBe(5);
    expect(new Set(FIXED_BUILT_INS)).toEqual(new Set(built));
    expect(FIXED_BUILT_INS.length).toBe(ACTIVATION_ROWS.length);
  });

  it('states every fact in every row: loops and inline given or null, a Keras name unique to the row', () => {
    for (const row of ACTIVATION_ROWS) {
      expect(Object.keys(row).sort(), row.activation.name).toEqual(['activation', 'inline', 'keras', 'loops']);
      if (row.loops !== null) expect([typeof row.loops.activate, typeof row.loops.derive]).toEqual(['function', 'function']);
      if (row.inline !== null) expect([typeof row.inline.apply, typeof row.inline.derivative]).toEqual(['function', 'function']);
      expect(row.keras).toMatch(/^[a-z]+$/);
      expect(Object.isFrozen(row)).toBe(true);
    }
    expect(new Set(ACTIVATION_ROWS.map((row) => row.keras)).size).toBe(ACTIVATION_ROWS.length);
  });

  it('lists the built-ins in the order messages name them', () => {
    expect(FIXED_BUILT_INS.map((a) => a.name)).toEqual(['identity', 'sigmoid', 'tanh', 'relu', 'softplus']);
    expect(ACTIVATION_ROWS.map((row) => row.keras)).toEqual(['linear', 'sigmoid', 'tanh', 'relu', 'softplus']);
  });

  it('has loops that compute apply and derivative bit for bit, over a stretch only', () => {
    for (const row of ACTIVATION_ROWS.filter((r) => r.loops !== null)) {
      const { activation } = row;
      const n = PROBES.length;
      const z = Float64Array.from([7, ...PROBES, 7]);
      const a = new Float64Array(n + 2).fill(99);
      row.loops!.activate(z, a, 1, n + 1);
      expect([a[0], a[n + 1]]).toEqual([99, 99]);
      const upstream = Float64Array.from(z, (_, k) => (k % 3) - 1.5);
      const delta = new Float64Array(n + 2).fill(99);
      row.loops!.derive(z, a, upstream, delta, 1, n + 1);
      expect([delta[0], delta[n + 1]]).toEqual([99, 99]);
      PROBES.forEach((zk, i) => {
        const ak = activation.apply(zk);
        expect(Object.is(a[i + 1], ak), `${activation.name}(${zk})`).toBe(true);
        expect(Object.is(delta[i + 1], upstream[i + 1] * activation.derivative(zk, ak)), `${activation.name}'(${zk})`).toBe(true);
      });
    }
  });

  it('has inline JavaScript that computes apply and derivative bit for bit', () => {
    for (const row of ACTIVATION_ROWS.filter((r) => r.inline !== null)) {
      const { activation, inline } = row;
      const f = new Function('sigmoid', 'z', `return ${inline!.apply('z')};`) as (s: typeof sigmoidOf, z: number) => number;
      const d = new Function('sigmoid', 'z', 'a', `return ${inline!.derivative('z', 'a')};`) as (s: typeof sigmoidOf, z: number, a: number) => number;
      for (const z of PROBES) {
        const a = activation.apply(z);
        expect(Object.is(f(sigmoidOf, z), a), `${activation.name}(${z})`).toBe(true);
        expect(Object.is(d(sigmoidOf, z, a), activation.derivative(z, a)), `${activation.name}'(${z})`).toBe(true);
      }
    }
  });

  it('is what Activation.byName and the testing kit list as built-ins', () => {
    for (const activation of FIXED_BUILT_INS) expect(Activation.byName(activation.name)).toBe(activation);
    expect(builtInActivations.filter((a) => !a.name.startsWith('leakyRelu('))).toEqual(FIXED_BUILT_INS);
    expect(builtInActivations.map((a) => a.name)).toContain('leakyRelu(0.01)');
  });
});

describe('activationRow', () => {
  it('finds a built-in by identity and nothing for a leakyRelu or a look-alike', () => {
    expect(activationRow(Activation.tanh)?.keras).toBe('tanh');
    expect(activationRow(Activation.leakyRelu(0.1))).toBeUndefined();
    expect(activationRow({ ...Activation.relu })).toBeUndefined();
  });

  it('is what the engine runs: activate and derive take the row loops or, without one, apply and derivative', () => {
    for (const activation of [...FIXED_BUILT_INS, Activation.leakyRelu(0.25)]) {
      const z = Float64Array.from(PROBES);
      const a = new Float64Array(z.length);
      const delta = new Float64Array(z.length);
      activate(activation, z, a, 0, z.length);
      derive(activation, z, a, Float64Array.from(z, () => 2), delta, 0, z.length);
      PROBES.forEach((zk, k) => {
        expect(Object.is(a[k], activation.apply(zk))).toBe(true);
        expect(Object.is(delta[k], 2 * activation.derivative(zk, a[k]))).toBe(true);
      });
    }
  });
});
