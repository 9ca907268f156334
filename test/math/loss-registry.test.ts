/**
 * Tests of src/math/loss-registry.ts (`Loss.define`): it checks and
 * freezes a custom loss, refuses the built-in losses' names and bad
 * members, and leaves its definition unchanged.
 *
 * Sources of expected values: "by hand:" arithmetic in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loss, ValueError, type LossDefinition } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const absolute: LossDefinition = {
  name: 'absoluteError',
  value: (y, t) => Array.from(y).reduce((sum, yk, k) => sum + Math.abs(yk - t[k]), 0),
  gradient: (y, t, into) => {
    for (let k = 0; k < y.length; k++) into[k] = Math.sign(y[k] - t[k]);
  },
};

describe('Loss.define', () => {
  it('returns a frozen loss that computes what its definition does', () => {
    const loss = Loss.define(absolute);
    expect(Object.isFrozen(loss)).toBe(true);
    expect(loss.name).toBe('absoluteError');
    // by hand: |3 - 1| + |1 - 2| = 3; signs +1 and -1.
    expect(loss.value([3, 1], [1, 2])).toBe(3);
    const into = new Float64Array(2);
    loss.gradient([3, 1], [1, 2], into);
    expect(Array.from(into)).toEqual([1, -1]);
    expect(loss.big).toBeUndefined();
  });

  it('freezes the big form too', () => {
    const loss = Loss.define({ ...absolute, name: 'withBig', big: { value: (y, t, math) => y.reduce((s, yk, k) => s.plus(yk.minus(t[k]).abs()), math.bignumber(0)) } });
    expect(Object.isFrozen(loss.big)).toBe(true);
  });

  it.each(['squaredError', 'binaryCrossEntropy', 'softmaxCrossEntropy', 'sigmoidCrossEntropy'])('throws ValueError for the built-in name %s', (name) => {
    const error = thrownBy(() => Loss.define({ ...absolute, name }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe(`Loss.define: "${name}" is the name of a built-in loss; use Loss.${name} or choose another name`);
  });

  it('throws ValueError for an empty name, a missing function or a big form without value', () => {
    expect(thrownBy(() => Loss.define({ ...absolute, name: ' ' })).message).toMatch(/^Loss\.define: name must be a non-empty string of at most 100 characters, got/);
    const noGradient = { name: 'x', value: absolute.value } as unknown as LossDefinition;
    const error = thrownBy(() => Loss.define(noGradient));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Loss.define: "x" needs value(y, t) and gradient(y, t, into) functions');
    const badBig = { ...absolute, name: 'y', big: {} } as unknown as LossDefinition;
    expect(thrownBy(() => Loss.define(badBig)).message).toMatch(/^Loss\.define: "y" big must be an object with a value\(y, t, math\) function/);
    expect(thrownBy(() => Loss.define(undefined as unknown as LossDefinition))).toBeInstanceOf(ValueError);
  });

  it('does not mutate its definition', () => {
    const definition = { ...absolute, name: 'untouched' };
    const before = { ...definition };
    Loss.define(definition);
    expect(definition).toEqual(before);
    expect(Object.isFrozen(definition)).toBe(false);
  });

  it('keeps any allowed name and the functions as given (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !['squaredError', 'binaryCrossEntropy', 'softmaxCrossEntropy', 'sigmoidCrossEntropy'].includes(s)), (name) => {
        const loss = Loss.define({ ...absolute, name });
        return loss.name === name && loss.value === absolute.value && loss.gradient === absolute.gradient;
      }),
      { numRuns: 50, seed: 0x1d },
    );
  });
});
