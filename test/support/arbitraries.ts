/**
 * Shared fast-check arbitraries: random networks, inputs and targets.
 *
 * A network is generated as plain data (a {@link NetworkSpec}: sizes,
 * weights as nested arrays, activations), so a test can rebuild it with one
 * weight changed, and compute with it independently of src/.
 *
 * What the shipped testing kit (`mathjs-backprop/testing`, src/testing/)
 * already provides is taken from it: the list of built-in activations
 * (`builtInActivations`), the numbers and matrices of weights, inputs and
 * targets (`matrixArbitrary`: evenly spread over [-1, 1], so with the same
 * seeds the cases are new, no longer crowded near 0 as `fc.double`'s are),
 * which activations have kinks (their `kinks`), and the kink clearing
 * (`clearOfKinks`). What the kit lacks is kept here: networks as plain data,
 * an activation drawn per layer from an arbitrary (leakyRelu with a random
 * alpha), the plain-JS forward pass and learning rates.
 *
 * Ranges, chosen so that finite differences stay meaningful:
 * - 1 to 4 layers, each 1 to 8 neurons wide (inputs 1 to 8 too);
 * - weights and inputs in [-1, 1], targets in [-1, 1]: a pre-activation is
 *   at most 1 + 8 = 9 in size, so sigmoid and tanh are not flat everywhere
 *   and an all-identity network's output stays below 9^4;
 * - every built-in activation, leakyRelu with alpha in [0.01, 0.5].
 *
 * Kinks: relu and leakyRelu have no derivative at z = 0, where a finite
 * difference straddles the kink. `caseArb` therefore moves every
 * pre-activation of a neuron whose activation declares `kinks` at least
 * {@link KINK_MARGIN} away from each kink on every example of the input,
 * by nudging that neuron's bias weight by a few thousandths, layer by
 * layer ({@link clearKinks}: the kit's `clearOfKinks`), and then checks
 * the result with a plain-JS forward pass ({@link referenceForward}), not
 * the library. Filtering instead would throw away most relu networks:
 * fast-check favours 0 for weights and inputs, which puts z exactly on the
 * kink. A step ε ≤ 1e-5 in one weight moves any z by far less than the
 * margin.
 */
import fc from 'fast-check';
import { Activation, Layer, Network } from '../../src/index.js';
import { builtInActivations } from '../../src/testing/index.js';
import { clearOfKinks as clearNetworkOfKinks } from '../../src/testing/kinks.js';
import { matrixArbitrary } from '../../src/testing/numbers.js';

/** How far from 0 the pre-activations of relu and leakyRelu neurons are kept. */
export const KINK_MARGIN = 1e-3;

/** A network as plain data: `weights[l]` is `(sizes[l] + 1) × sizes[l + 1]`, row 0 the bias. */
export interface NetworkSpec {
  readonly sizes: readonly number[];
  readonly weights: readonly (readonly (readonly number[])[])[];
  readonly activations: readonly Activation[];
}

/** One example (1-D input and target) or a batch (2-D, one example per row). */
export type Data = number[] | number[][];

/** A network with an input and a matching target. */
export interface Case {
  readonly spec: NetworkSpec;
  readonly net: Network;
  readonly input: Data;
  readonly target: Data;
  /** The input as rows: one row for a single example. */
  readonly rows: readonly (readonly number[])[];
  /** The target as rows. */
  readonly targetRows: readonly (readonly number[])[];
  readonly batch: boolean;
}

/** Whether a built-in activation is a leakyRelu (of any alpha). */
const isLeaky = (activation: Activation) => activation.name.startsWith('leakyRelu(');

/**
 * The built-in activations with fixed parameters, for tests that name each
 * one: the kit's `builtInActivations` (leakyRelu of alpha 0.01), with a
 * leakyRelu of alpha 0.3 beside the first.
 */
export const BUILT_IN_ACTIVATIONS: readonly Activation[] = builtInActivations.flatMap((activation) =>
  isLeaky(activation) ? [activation, Activation.leakyRelu(0.3)] : [activation],
);

/** Any built-in activation, leakyRelu with a random alpha in [0.01, 0.5]. */
export function activationArb(): fc.Arbitrary<Activation> {
  return fc.oneof(
    fc.constantFrom(...builtInActivations.filter((activation) => !isLeaky(activation))),
    fc.double({ min: 0.01, max: 0.5, noNaN: true }).map((alpha) => Activation.leakyRelu(alpha)),
  );
}

/** The range of every weight, input and target. */
const UNIT = { min: -1, max: 1 };

function matrixArb(rows: number, cols: number): fc.Arbitrary<number[][]> {
  return matrixArbitrary(rows, cols, UNIT);
}

/** Options of {@link specArb}. */
export interface SpecOptions {
  /** Fewest and most layers. @defaultValue 1 and 4 */
  readonly minLayers?: number;
  readonly maxLayers?: number;
  /** Most inputs or neurons of a layer. @defaultValue 8 */
  readonly maxWidth?: number;
  /** The activation of each layer. @defaultValue {@link activationArb} */
  readonly activation?: fc.Arbitrary<Activation>;
  /** The activation of layer `layer` of `layers`, where it matters; overrides `activation`. */
  readonly activationOf?: (layer: number, layers: number) => fc.Arbitrary<Activation>;
}

/** Random sizes, weights in [-1, 1] and activations. */
export function specArb(options: SpecOptions = {}): fc.Arbitrary<NetworkSpec> {
  const { minLayers = 1, maxLayers = 4, maxWidth = 8, activation = activationArb() } = options;
  const activationOf = options.activationOf ?? (() => activation);
  // The number of layers first, uniformly: fc.array alone favours short arrays.
  return fc
    .integer({ min: minLayers, max: maxLayers })
    .chain((layers) => fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: layers + 1, maxLength: layers + 1 }))
    .chain((sizes) =>
      fc.record({
        sizes: fc.constant(sizes),
        weights: fc.tuple(...sizes.slice(1).map((m, l) => matrixArb(sizes[l] + 1, m))),
        activations: fc.tuple(...sizes.slice(1).map((_, l) => activationOf(l, sizes.length - 1))),
      }),
    );
}

/** The network a spec describes, made with `Layer.create` and `Network.create`. */
export function buildNetwork(spec: NetworkSpec): Network {
  return Network.create(spec.weights.map((w, l) => Layer.create(w.map((row) => [...row]), spec.activations[l])));
}

/** A copy of `spec` with `weights[layer][row][column]` set to `value`. */
export function withWeight(spec: NetworkSpec, layer: number, row: number, column: number, value: number): NetworkSpec {
  const weights = spec.weights.map((w) => w.map((r) => [...r]));
  weights[layer][row][column] = value;
  return { ...spec, weights };
}

/** How many weights a spec has. */
export function weightCount(spec: NetworkSpec): number {
  return spec.weights.reduce((sum, w) => sum + w.length * w[0].length, 0);
}

/**
 * A plain-JS forward pass, independent of src/: for each layer and example,
 * `z_j = -w[0][j] + Σ_i x_i w[i + 1][j]` and `a_j = f(z_j)`.
 *
 * @returns `z[l][r]` and `a[l][r]` for layer `l` and example `r`.
 */
export function referenceForward(spec: NetworkSpec, rows: readonly (readonly number[])[]): { z: number[][][]; a: number[][][] } {
  const z: number[][][] = [];
  const a: number[][][] = [];
  let inputs = rows.map((row) => [...row]);
  spec.weights.forEach((w, l) => {
    const zl = inputs.map((x) => w[0].map((bias, j) => x.reduce((sum, xi, i) => sum + xi * w[i + 1][j], -bias)));
    const al = zl.map((row) => row.map((value) => spec.activations[l].apply(value)));
    z.push(zl);
    a.push(al);
    inputs = al;
  });
  return { z, a };
}

/** Whether every pre-activation of a neuron with kinks (relu's and leakyRelu's at 0) is at least `margin` from each. */
export function clearOfKinks(spec: NetworkSpec, rows: readonly (readonly number[])[], margin = KINK_MARGIN): boolean {
  const { z } = referenceForward(spec, rows);
  return z.every((layer, l) => {
    const kinks = spec.activations[l].kinks ?? [];
    return layer.every((row) => row.every((v) => kinks.every((kink) => Math.abs(v - kink) >= margin)));
  });
}

/**
 * `spec` moved clear of the kinks on `rows` by the shipped testing kit's
 * `clearOfKinks` (src/testing/kinks.ts), the one kink-clearing algorithm:
 * the bias weights of the neurons too close to a kink shifted just enough.
 */
export function clearKinks(spec: NetworkSpec, rows: readonly (readonly number[])[], margin = KINK_MARGIN): NetworkSpec {
  const net = clearNetworkOfKinks(buildNetwork(spec), rows.map((row) => [...row]), margin);
  return { ...spec, weights: net.layers.map((layer) => layer.weights.toArray() as number[][]) };
}

/** Options of {@link caseArb}. */
export interface CaseOptions extends SpecOptions {
  /** One example (false), a batch of 1 to 5 rows (true), or either. @defaultValue either */
  readonly batch?: boolean;
  /** Most rows of a batch. @defaultValue 5 */
  readonly maxRows?: number;
}

/**
 * A random network with a matching input and target (both 1-D, or both
 * `B × n` and `B × m` with B from 1 to 5), moved clear of relu kinks by
 * {@link clearKinks}; the filter after it is a safety net that in practice
 * rejects nothing.
 */
export function caseArb(options: CaseOptions = {}): fc.Arbitrary<Case> {
  const { batch, maxRows = 5 } = options;
  const batchArb = batch === undefined ? fc.boolean() : fc.constant(batch);
  return fc
    .tuple(specArb(options), batchArb, fc.integer({ min: 1, max: maxRows }))
    .chain(([spec, isBatch, count]) => {
      const rows = isBatch ? count : 1;
      const inputs = spec.sizes[0];
      const outputs = spec.sizes[spec.sizes.length - 1];
      return fc.record({
        spec: fc.constant(spec),
        batch: fc.constant(isBatch),
        rows: matrixArb(rows, inputs),
        targetRows: matrixArb(rows, outputs),
      });
    })
    .map(({ spec: raw, batch: isBatch, rows, targetRows }) => {
      const spec = clearKinks(raw, rows);
      return { spec, batch: isBatch, rows, targetRows };
    })
    .filter(({ spec, rows }) => clearOfKinks(spec, rows))
    .map(({ spec, batch: isBatch, rows, targetRows }) => ({
      spec,
      net: buildNetwork(spec),
      batch: isBatch,
      rows,
      targetRows,
      input: isBatch ? rows.map((r) => [...r]) : [...rows[0]],
      target: isBatch ? targetRows.map((r) => [...r]) : [...targetRows[0]],
    }));
}

/** A positive learning rate from 1e-4 to 1. */
export function learningRateArb(): fc.Arbitrary<number> {
  return fc.double({ min: 1e-4, max: 1, noNaN: true });
}
