/**
 * Shared cases and checks of the network-function tests (forward,
 * gradient, sgdStep and create): the fixed small networks, the argument
 * forms a call may be given, and the checks that a call leaves its
 * arguments alone and never returns NaN silently.
 */
import { all, create, isMatrix, matrix, type Matrix } from 'mathjs';
import { expect } from 'vitest';
import { Activation, BackpropError, Layer, Network } from '../../src/index.js';
import type { Data } from './arbitraries.js';
import { toNested, type Nested } from './helpers.js';

/** Values that must come out bit for bit. */
export const EXACT = { rtol: 0, atol: 0 };
/** The same arithmetic in another order: a few ulps of the values involved (all below ~1e3 here). */
export const REORDERED = { rtol: 1e-12, atol: 1e-12 };
/** Properties: a fixed seed, so that every run checks the same cases. */
export const RUNS = { numRuns: 100, seed: 0x5eed };

/** A second, independent mathjs instance: its classes are not the default one's. */
export const otherMath = create(all);

/** A deep copy, for before/after comparisons. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The rows of a 1-D (one row) or 2-D value. */
export function rowsOf(value: Matrix | Nested): number[][] {
  const nested = toNested(value) as number[] | number[][];
  return (Array.isArray(nested[0]) ? nested : [nested]) as number[][];
}

/** The size of a matrix, as mathjs reports it. */
export function sizeOf(value: Matrix): number[] {
  return value.size();
}

/** The notebook-sized 2-3-1 net used by the fixed examples: sigmoid hidden, identity output. */
export function smallNet(): Network {
  return Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
}

/** y = -1 + 2x: one identity neuron on one input. */
export function lineNet(): Network {
  return Network.create([Layer.create([[1], [2]], Activation.identity)]);
}

/** The weights of every layer, as plain nested arrays. */
export function weightsOf(net: Network): number[][][] {
  return net.layers.map((layer) => layer.weights.toArray() as number[][]);
}

/** Everything about a network a caller could see change: weights and activations. */
export function snapshot(net: Network): { weights: number[][][]; activations: Activation[]; count: number } {
  return { weights: copy(weightsOf(net)), activations: net.layers.map((l) => l.activation), count: net.layers.length };
}

/** The case's input and target as given to the call: arrays, or mathjs matrices (of either instance). */
export type Form = 'array' | 'matrix' | 'other-matrix';
export function inForm(value: Data, form: Form): Data | Matrix {
  if (form === 'array') return copy(value);
  return form === 'matrix' ? matrix(copy(value)) : (otherMath.matrix(copy(value)) as unknown as Matrix);
}

/**
 * A deep copy of an argument taken before a call, and the check that the
 * call left it equal, and writable (freezing the caller's arrays would
 * change them too).
 */
export function keep(value: Data | Matrix): () => void {
  const before = isMatrix(value) ? { data: copy(value.toArray()), size: value.size() } : copy(value);
  return () => {
    const nested = (isMatrix(value) ? value.valueOf() : value) as unknown[];
    expect([nested, ...nested].some((part) => Array.isArray(part) && Object.isFrozen(part))).toBe(false);
    if (isMatrix(value)) expect({ data: value.toArray(), size: value.size() }).toEqual(before);
    else expect(value).toEqual(before);
  };
}

/**
 * Finite weights and input whose forward pass overflows: layer 0 gives
 * z = (1e200 · 1e200, -1e200 · 1e200) = (Infinity, -Infinity), and layer 1
 * adds them: Infinity - Infinity = NaN.
 */
export function overflowingNet(): Network {
  return Network.create([
    Layer.create([[0, 0], [1e200, -1e200]], Activation.identity),
    Layer.create([[0], [1], [1]], Activation.identity),
  ]);
}

/** Every number in a result: of matrices, arrays, numbers and plain objects. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (isMatrix(value)) return numbersIn(value.toArray());
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') {
    // A layer's numbers are its weights (a getter, so not among its own values).
    if ('weights' in value && 'activation' in value) return numbersIn((value as Layer).weights);
    return Object.values(value).flatMap(numbersIn);
  }
  return [];
}

/**
 * API.md: "No function returns NaN silently". A call may refuse (throw one
 * of our errors) or return, but what it returns holds no NaN.
 */
export function expectNoSilentNaN(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    expect(error).toBeInstanceOf(BackpropError);
    return;
  }
  expect(numbersIn(result).filter(Number.isNaN).length, `returned NaN among ${numbersIn(result).join(', ')}`).toBe(0);
}
