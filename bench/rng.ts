/**
 * A small seeded pseudo-random generator for the benchmark (mulberry32).
 *
 * Every random number in `bench/` comes from here, so a seed fixes the
 * data, the initial weights and therefore every result of a run.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32 bits of state, a full period of 2^32, plenty for
 * benchmark data. The same seed gives the same sequence on every platform.
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a function returning uniform numbers in [0, 1)
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}
