/**
 * The activations as the hand-written contenders compute them, by code
 * number so inner loops switch on a small integer instead of calling through
 * a function object. The formulas are the ones API.md fixes, written so that
 * a library using the same expressions gets the same bits:
 *
 *   sigmoid(z) = 1 / (1 + exp(-z)) for z >= 0, exp(z) / (1 + exp(z)) below
 *                (no overflow of exp at z = -800), derivative a * (1 - a)
 *   tanh(z)    = Math.tanh(z),       derivative 1 - a * a
 *   identity   = z,                  derivative 1
 */
import type { ActivationName } from './workloads.js';

export const IDENTITY = 0;
export const SIGMOID = 1;
export const TANH = 2;

/** The code of an activation name. */
export function activationCode(name: ActivationName): number {
  return name === 'sigmoid' ? SIGMOID : name === 'tanh' ? TANH : IDENTITY;
}

/** a = f(z). */
export function activate(code: number, z: number): number {
  if (code === SIGMOID) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  }
  if (code === TANH) return Math.tanh(z);
  return z;
}

/** f'(z) from the activation `a = f(z)`. */
export function derivative(code: number, a: number): number {
  if (code === SIGMOID) return a * (1 - a);
  if (code === TANH) return 1 - a * a;
  return 1;
}
