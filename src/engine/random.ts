/**
 * The library's own seeded pseudo-random generator, so that a seed gives the
 * same numbers on every platform and Node version (never `Math.random`).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128 bits of state, from PractRand), its four state words set
 * from the seed by splitmix32. Both use only 32-bit integer arithmetic
 * (`Math.imul`, `+` then `| 0`, shifts, `^`), which JavaScript defines
 * exactly, so every output is bit-identical everywhere.
 * test/fixtures/random-golden.py implements the same definition in Python.
 */
import { checkNumber } from '../boundary/options.js';

/** A stream of pseudo-random numbers; each call advances its state. */
export interface Random {
  /** The next 32-bit unsigned integer, uniform on `0 .. 2^32 - 1`. */
  nextUint32(): number;
  /**
   * The next double, uniform on the multiples of `2^-53` in `[0, 1)`, made
   * from two 32-bit draws: the top 27 bits of the first and the top 26 of
   * the second, `(a >>> 5) · 2^26 + (b >>> 6)`, divided by `2^53`.
   * Every step is exact, so no rounding happens anywhere.
   */
  nextDouble(): number;
  /**
   * The four state words a, b, c, d as unsigned 32-bit integers: what
   * {@link randomFromState} needs to go on with the same stream.
   */
  state(): [number, number, number, number];
}

/** The state of a generator: its four sfc32 words, each an integer from 0 to 2^32 - 1. */
export type RandomState = readonly [number, number, number, number];

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const UINT32_RANGE = 4294967296;

/** The largest seed: seeds are the 32-bit unsigned integers. */
export const MAX_SEED = UINT32_RANGE - 1;

/**
 * splitmix32: each call adds the golden-ratio constant `0x9e3779b9` to the
 * state and returns a mix of it, Chris Wellons's 32-bit hash
 * `z ^= z >>> 16; z *= 0x21f0aaad; z ^= z >>> 15; z *= 0x735a2d97; z ^= z >>> 15`
 * (the multiplications modulo 2^32).
 */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/**
 * A generator seeded with `seed`: sfc32 with its state words a, b, c, d
 * set to the first four outputs of splitmix32(seed), then 12 outputs
 * discarded, as PractRand seeds sfc32. One sfc32 step:
 * `t = a + b + d; d = d + 1; a = b ^ (b >>> 9); b = c + (c << 3);
 * c = rotl(c, 21) + t` (all modulo 2^32), returning `t`.
 *
 * @param seed - an integer from 0 to 2^32 - 1, checked by {@link checkSeed}.
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  const random = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) random.nextUint32();
  return random;
}

/**
 * The generator whose state words are `state` (as `random.state()` gave
 * them): it draws on exactly as the one that gave the state would have.
 * The words are not checked here: they come checked from the boundary.
 */
export function randomFromState(state: RandomState): Random {
  return sfc32(state[0], state[1], state[2], state[3]);
}

/** sfc32 from the four state words, as it stands (no outputs discarded). */
function sfc32(wordA: number, wordB: number, wordC: number, wordD: number): Random {
  let a = wordA | 0;
  let b = wordB | 0;
  let c = wordC | 0;
  let d = wordD | 0;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  const nextDouble = (): number => ((nextUint32() >>> 5) * TWO_POW_26 + (nextUint32() >>> 6)) / TWO_POW_53;
  const state = (): [number, number, number, number] => [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
  return { nextUint32, nextDouble, state };
}

/**
 * A uniform integer in `0 .. n - 1` without modulo bias: 32-bit draws at or
 * above the largest multiple of `n` are rejected and drawn again.
 *
 * @param n - a positive integer at most 2^32.
 */
export function randomBelow(random: Random, n: number): number {
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  let x = random.nextUint32();
  while (x >= limit) x = random.nextUint32();
  return x % n;
}

/**
 * Shuffles `items` in place by Fisher–Yates: for `i` from the last index
 * down to 1, swaps item `i` with item `randomBelow(i + 1)`. Every
 * permutation is equally likely; costs `items.length - 1` draws or a few more.
 */
export function shuffleInPlace(items: { [index: number]: number; readonly length: number }, random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBelow(random, i + 1);
    const item = items[i];
    items[i] = items[j];
    items[j] = item;
  }
}

/** Refuses a seed that is not an integer from 0 to 2^32 - 1. */
export function checkSeed(seed: unknown, where: string): number {
  return checkNumber(seed, { integer: true, min: 0, max: MAX_SEED }, 'seed', where);
}
