/**
 * Tests of src/internal/random.ts: the seeded generator (splitmix32 seeding
 * sfc32), its doubles, unbiased integers and the Fisher–Yates shuffle.
 *
 * Sources of expected values: test/fixtures/random-golden.py, an independent
 * Python implementation of the generator's definition in unbounded integers
 * masked to 32 bits (run `python3 test/fixtures/random-golden.py`); doubles
 * are compared bit for bit (`toBe`), since every step is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/index.js';
import { checkSeed, createRandom, MAX_SEED, randomBelow, shuffleInPlace } from '../../src/engine/random.js';

const RUNS = { numRuns: 100 };
const seed = fc.integer({ min: 0, max: MAX_SEED });

function draws(s: number, count: number): number[] {
  const random = createRandom(s);
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('createRandom', () => {
  it('returns the golden uint32 stream of random-golden.py for seeds 0, 1, 42 and 2^32 - 1', () => {
    expect(draws(0, 4)).toEqual([548183886, 1097162541, 2219297441, 1664216021]);
    expect(draws(1, 4)).toEqual([1130556604, 2591592147, 3014952990, 960850752]);
    expect(draws(42, 4)).toEqual([3825871779, 1851418855, 1383259262, 890322987]);
    expect(draws(MAX_SEED, 4)).toEqual([2246433216, 2156899173, 2040853526, 3823104220]);
  });

  it('returns the golden doubles of random-golden.py for seed 0, bit for bit', () => {
    const random = createRandom(0);
    expect([random.nextDouble(), random.nextDouble(), random.nextDouble()]).toEqual([
      0.12763400566170402, 0.5167204543015397, 0.810084974068444,
    ]);
  });

  it('makes each double from the top 27 and 26 bits of two draws', () => {
    fc.assert(fc.property(seed, (s) => {
      const [a, b] = draws(s, 2);
      expect(createRandom(s).nextDouble()).toBe(((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53);
    }), RUNS);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    fc.assert(fc.property(seed, seed, (s, t) => {
      expect(draws(s, 8)).toEqual(draws(s, 8));
      if (s !== t) expect(draws(s, 8)).not.toEqual(draws(t, 8));
    }), RUNS);
  });

  it('returns uint32s in 0 .. 2^32 - 1 and doubles in [0, 1) that are multiples of 2^-53', () => {
    fc.assert(fc.property(seed, (s) => {
      const random = createRandom(s);
      for (let k = 0; k < 50; k++) {
        const u = random.nextUint32();
        expect(Number.isInteger(u) && u >= 0 && u <= MAX_SEED).toBe(true);
        const d = random.nextDouble();
        expect(d >= 0 && d < 1 && Number.isInteger(d * 2 ** 53)).toBe(true);
      }
    }), RUNS);
  });

  it('spreads 100000 doubles evenly over 10 bins (chi-squared below 27.9, p = 0.001, 9 dof)', () => {
    const random = createRandom(123);
    const bins = new Array<number>(10).fill(0);
    for (let k = 0; k < 100000; k++) bins[Math.floor(random.nextDouble() * 10)]++;
    const chi2 = bins.reduce((sum, count) => sum + (count - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(27.9);
  });
});

describe('randomBelow', () => {
  it('returns integers in 0 .. n - 1', () => {
    fc.assert(fc.property(seed, fc.integer({ min: 1, max: 2 ** 32 }), (s, n) => {
      const value = randomBelow(createRandom(s), n);
      expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
    }), RUNS);
  });

  it('returns 0 for n = 1 and the draw itself for n = 2^32', () => {
    expect(randomBelow(createRandom(5), 1)).toBe(0);
    expect(randomBelow(createRandom(0), 2 ** 32)).toBe(548183886);
  });
});

describe('shuffleInPlace', () => {
  it('returns the golden permutation of random-golden.py for seed 7', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    shuffleInPlace(items, createRandom(7));
    expect(items).toEqual([1, 0, 2, 5, 7, 6, 8, 3, 4, 9]);
  });

  it('permutes a Uint32Array in place: the same items, the same order for the same seed', () => {
    fc.assert(fc.property(seed, fc.integer({ min: 0, max: 40 }), (s, length) => {
      const a = Uint32Array.from({ length }, (_, i) => i);
      const b = Uint32Array.from({ length }, (_, i) => i);
      shuffleInPlace(a, createRandom(s));
      shuffleInPlace(b, createRandom(s));
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length }, (_, i) => i));
    }), RUNS);
  });

  it('makes each of the 6 orders of 3 items about equally often (chi-squared below 20.5, p = 0.001, 5 dof)', () => {
    const random = createRandom(99);
    const counts = new Map<string, number>();
    for (let k = 0; k < 60000; k++) {
      const items = [0, 1, 2];
      shuffleInPlace(items, random);
      counts.set(items.join(''), (counts.get(items.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi2 = [...counts.values()].reduce((sum, count) => sum + (count - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(20.5);
  });
});

describe('checkSeed', () => {
  it('returns integer seeds from 0 to 2^32 - 1', () => {
    expect(checkSeed(0, 'f')).toBe(0);
    expect(checkSeed(MAX_SEED, 'f')).toBe(MAX_SEED);
  });

  it.each([-1, 1.5, 2 ** 32, NaN, Infinity, '1', null])('throws ValueError for the seed %s', (bad) => {
    expect(() => checkSeed(bad, 'Network.init')).toThrow(ValueError);
    expect(() => checkSeed(bad, 'Network.init')).toThrow(/^Network\.init: seed must be an integer from 0 to 4294967295, got/);
  });
});
