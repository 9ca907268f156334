/**
 * The fixed built-in activations as one table: a row for each, holding
 * every fact the rest of the library knows about it beyond the activation
 * object itself. The registry's list of built-in names, the engine's
 * loops, the JavaScript the compiled step writes and the Keras/TF.js
 * names (so the ONNX op map too, which is keyed by them) are all read off
 * these rows, so a new built-in is its object in `activations.ts` plus one
 * row here; `test/math/activation-table.test.ts` checks that every
 * built-in has a row and every row every fact.
 *
 * `leakyRelu(alpha)` is a family, not a row: each alpha is a new object,
 * known by its name (`leakyReluName`), which the engine runs through its
 * own `apply` and `derivative` and the interop reads as `leakyRelu`.
 *
 * @module
 */
import type { Activation } from './activation-type.js';
import { identity, relu, sigmoid, sigmoidOf, softplus, tanh } from './activations.js';

/**
 * The engine's loops for one activation over a stretch `[from, to)` of a
 * buffer. Each calls one known function, so its call site stays
 * monomorphic and V8 can inline it; each computes exactly what the
 * activation's `apply` and `derivative` do, bit for bit.
 */
export interface ActivationLoops {
  /** `a[k] = f(z[k])`. */
  activate(z: Float64Array, a: Float64Array, from: number, to: number): void;
  /** `delta[k] = upstream[k] · f'(z[k], a[k])`. */
  derive(z: Float64Array, a: Float64Array, upstream: Float64Array, delta: Float64Array, from: number, to: number): void;
}

/**
 * `f(z)` and `f'(z, a)` as JavaScript expressions, given the expressions
 * of `z` and `a`, for the compiled step; `sigmoid(...)` there is
 * `sigmoidOf`, which the compiled step passes in under that name.
 */
export interface ActivationInline {
  apply(z: string): string;
  derivative(z: string, a: string): string;
}

/** One fixed built-in activation and what the engine and the interop know about it. */
export interface ActivationRow {
  readonly activation: Activation;
  /** The engine's own loops, or null: the engine calls `apply` and `derivative` per element. */
  readonly loops: ActivationLoops | null;
  /** The compiled step's inline form, or null: a network with it takes the loops. */
  readonly inline: ActivationInline | null;
  /** Its name in Keras and TF.js (a Dense layer's `activation`), and so in the ONNX op map. */
  readonly keras: string;
}

/** The rows, in the order the built-in names are listed in messages. */
const ROWS = [
  {
    activation: identity,
    loops: {
      activate(z, a, from, to) {
        for (let k = from; k < to; k++) a[k] = z[k];
      },
      derive(_z, _a, upstream, delta, from, to) {
        for (let k = from; k < to; k++) delta[k] = upstream[k];
      },
    },
    inline: { apply: (z) => z, derivative: () => '1' },
    keras: 'linear',
  },
  {
    activation: sigmoid,
    loops: {
      activate(z, a, from, to) {
        for (let k = from; k < to; k++) a[k] = sigmoidOf(z[k]);
      },
      derive(_z, a, upstream, delta, from, to) {
        for (let k = from; k < to; k++) delta[k] = upstream[k] * (a[k] * (1 - a[k]));
      },
    },
    inline: { apply: (z) => `sigmoid(${z})`, derivative: (_z, a) => `(${a} * (1 - ${a}))` },
    keras: 'sigmoid',
  },
  {
    activation: tanh,
    loops: {
      activate(z, a, from, to) {
        for (let k = from; k < to; k++) a[k] = Math.tanh(z[k]);
      },
      derive(_z, a, upstream, delta, from, to) {
        for (let k = from; k < to; k++) delta[k] = upstream[k] * (1 - a[k] * a[k]);
      },
    },
    inline: { apply: (z) => `Math.tanh(${z})`, derivative: (_z, a) => `(1 - ${a} * ${a})` },
    keras: 'tanh',
  },
  {
    activation: relu,
    loops: {
      activate(z, a, from, to) {
        for (let k = from; k < to; k++) a[k] = z[k] > 0 ? z[k] : 0;
      },
      derive(z, _a, upstream, delta, from, to) {
        for (let k = from; k < to; k++) delta[k] = upstream[k] * (z[k] > 0 ? 1 : 0);
      },
    },
    inline: { apply: (z) => `(${z} > 0 ? ${z} : 0)`, derivative: (z) => `(${z} > 0 ? 1 : 0)` },
    keras: 'relu',
  },
  {
    activation: softplus,
    loops: null,
    inline: null,
    keras: 'softplus',
  },
] as const satisfies readonly ActivationRow[];

/** The Keras/TF.js name of a fixed built-in activation: `'linear'`, `'sigmoid'`, ... */
export type KerasActivationName = (typeof ROWS)[number]['keras'];

/** Every fixed built-in activation's row, frozen. */
export const ACTIVATION_ROWS: readonly (ActivationRow & { readonly keras: KerasActivationName })[] = Object.freeze(
  ROWS.map((row) => Object.freeze(row)),
);

const ROW_OF: ReadonlyMap<Activation, ActivationRow> = new Map(ACTIVATION_ROWS.map((row) => [row.activation, row]));

/** The fixed built-in activations, in the table's order. */
export const FIXED_BUILT_INS: readonly Activation[] = Object.freeze(ACTIVATION_ROWS.map((row) => row.activation));

/** The row of `activation` when it is a fixed built-in (known by identity), else undefined. */
export function activationRow(activation: Activation): ActivationRow | undefined {
  return ROW_OF.get(activation);
}
