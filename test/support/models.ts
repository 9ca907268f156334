/**
 * Random flat models for the kernel tests: sizes, activations, weights,
 * inputs and targets, drawn by fast-check.
 */
import fc from 'fast-check';
import { Activation } from '../../src/index.js';
import type { Model } from '../../src/engine/flat-model.js';

/** Every built-in activation, and a custom one the kernels cannot inline. */
export const activations: readonly Activation[] = [
  Activation.identity, Activation.sigmoid, Activation.tanh, Activation.relu,
  Activation.leakyRelu(0.1), Activation.softplus,
  Activation.define({ name: 'kernel-test-cube', apply: (z) => z * z * z, derivative: (z) => 3 * z * z }),
];

const weight = fc.double({ min: -2, max: 2, noNaN: true });
/** Inputs with many exact zeros, like image pixels, to exercise the zero skips. */
const input = fc.oneof(fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true }));

/** A model with the given sizes and random weights and activations. */
export function modelOf(sizes: readonly number[]): fc.Arbitrary<Model> {
  const layers = sizes.slice(1).map((m, l) =>
    fc.record({
      weights: fc.array(weight, { minLength: (sizes[l] + 1) * m, maxLength: (sizes[l] + 1) * m }),
      activation: fc.constantFrom(...activations),
    }),
  );
  return fc.tuple(...layers).map((drawn) => ({
    sizes,
    weights: drawn.map((layer) => Float64Array.from(layer.weights)),
    activations: drawn.map((layer) => layer.activation),
  }));
}

/** `count` numbers for inputs (with zeros) or targets. */
export function numbers(count: number, zeros = true): fc.Arbitrary<Float64Array> {
  const value = zeros ? input : fc.double({ min: -1, max: 1, noNaN: true });
  return fc.array(value, { minLength: count, maxLength: count }).map((values) => Float64Array.from(values));
}

/** A copy of a model whose weights can be changed without touching the original. */
export function copyModel(model: Model): Model {
  return { ...model, weights: model.weights.map((w) => w.slice()) };
}

/** Whether two arrays hold the same numbers, bit for bit but for the sign of zero. */
export function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
