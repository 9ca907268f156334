/**
 * Tests of src/model/gradient.ts: `Network.gradient` and its `input` gradient, for
 * one example (1-D input) and for batches (2-D, one example per row).
 *
 * Sources of expected values:
 * - "by hand:" small integer arithmetic written out in the comment.
 * - Property tests compare with
 *   - central finite differences computed here, weight by weight, from
 *     `Network.predict` and the squared error `mean_r Σ_k (y_rk - t_rk)^2`
 *     written out in `squaredError` below; `gradientCheck` is not used;
 *   - the library itself on single examples (batch = mean of examples).
 * - Random networks: test/support/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   every built-in activation, weights and inputs in [-1, 1], relu and
 *   leakyRelu pre-activations kept 1e-3 away from their kink).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { isMatrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError, type Loss } from '../../src/index.js';
import { buildNetwork, caseArb, withWeight, type Case, type Data } from '../support/arbitraries.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import {
  EXACT, RUNS, rowsOf, sizeOf, smallNet, lineNet, snapshot, inForm, keep, overflowingNet,
  expectNoSilentNaN, type Form,
} from '../support/network-cases.js';
import { gradientCase } from '../../src/testing/index.js';

/** The finite-difference property is slower (two passes per weight): fewer runs. */
const FD_RUNS = { numRuns: 60, seed: 0xfd };

/**
 * The squared-error loss written out: the mean over the rows of
 * `Σ_k (y_k - t_k)^2`, with `y` from `Network.predict`.
 */
function squaredError(net: Network, input: Data, targetRows: readonly (readonly number[])[]): number {
  const outputs = rowsOf(Network.predict(net, input));
  let total = 0;
  outputs.forEach((y, r) => {
    total += y.reduce((sum, yk, k) => sum + (yk - targetRows[r][k]) ** 2, 0);
  });
  return total / outputs.length;
}

/**
 * `∂L/∂w` for every weight by the central difference
 * `(L(w + ε) - L(w - ε)) / (w + ε - (w - ε))`, rebuilding the network with
 * one weight changed each time. Dividing by the step actually taken removes
 * the rounding of `w ± ε` from the quotient.
 */
function finiteDifferences(c: Case, epsilon: number): number[][][] {
  return c.spec.weights.map((w, l) =>
    w.map((row, i) =>
      row.map((value, j) => {
        const up = value + epsilon;
        const down = value - epsilon;
        const lossUp = squaredError(buildNetwork(withWeight(c.spec, l, i, j, up)), c.input, c.targetRows);
        const lossDown = squaredError(buildNetwork(withWeight(c.spec, l, i, j, down)), c.input, c.targetRows);
        return (lossUp - lossDown) / (up - down);
      }),
    ),
  );
}

describe('Network.gradient', () => {
  it('gives the loss and weight gradients of a line (by hand: y = 5, t = 4, δ = 2(5 - 4) = 2, ∂L/∂w = (-1, 3)·2)', () => {
    const g = Network.gradient(lineNet(), [3], [4]);
    expect(g.loss).toBe(1);
    expectMatrixClose(g.output, [5], EXACT);
    expectMatrixClose(g.weights[0], [[-2], [6]], EXACT);
    expectMatrixClose(g.deltas[0], [2], EXACT);
  });

  it('agrees with central finite differences of the squared error, weight by weight', () => {
    // ε = 1e-6. The difference quotient's truncation error is about
    // ε² |L'''| / 6, below 1e-11 here; its rounding error is a few ulps of
    // the loss's intermediate sums divided by ε. Measured over 16,000
    // weights of 300 cases of these arbitraries: |analytic - numeric| is at
    // most 3e-10 · max(1, L), and at most 3% of 1e-8 · max(1, L) + 1e-7 |numeric|.
    // The tolerance below is 35 times that, and far below what a wrong
    // derivative (a factor of 2, a sign, a missed term) would miss by.
    const epsilon = 1e-6;
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const numeric = finiteDifferences(c, epsilon);
        const scale = Math.max(1, g.loss);
        g.weights.forEach((w, l) => expectMatrixClose(w, numeric[l], { rtol: 1e-6, atol: 1e-8 * scale }));
      }),
      FD_RUNS,
    );
  });

  it('gives a batch the mean of its examples\' gradients, losses and (scaled by 1/B) deltas', () => {
    fc.assert(
      fc.property(caseArb({ batch: true }), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const B = c.rows.length;
        const alone = c.rows.map((row, r) => Network.gradient(c.net, [...row], [...c.targetRows[r]]));
        const meanLoss = alone.reduce((sum, a) => sum + a.loss, 0) / B;
        expectMatrixClose([g.loss], [meanLoss], { rtol: 1e-12, atol: 0 });
        const largest = Math.max(1, ...alone.flatMap((a) => a.weights.flatMap((w) => (w.toArray() as number[][]).flat().map(Math.abs))));
        g.weights.forEach((w, l) => {
          const mean = (w.toArray() as number[][]).map((row, i) =>
            row.map((_, j) => alone.reduce((sum, a) => sum + (a.weights[l].toArray() as number[][])[i][j], 0) / B),
          );
          expectMatrixClose(w, mean, { rtol: 1e-10, atol: 1e-12 * largest });
        });
        g.deltas.forEach((d, l) => {
          const scaled = alone.map((a) => (a.deltas[l].toArray() as number[]).map((v) => v / B));
          expectMatrixClose(d, scaled, { rtol: 1e-12, atol: 1e-15 });
        });
      }),
      RUNS,
    );
  });

  it('returns weight gradients shaped like the weights and deltas shaped like z', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        const pass = Network.forward(c.net, c.input);
        expect(g.weights.length).toBe(c.net.layers.length);
        expect(g.deltas.length).toBe(c.net.layers.length);
        g.weights.forEach((w, l) => expect(sizeOf(w)).toEqual(sizeOf(c.net.layers[l].weights)));
        g.deltas.forEach((d, l) => expect(sizeOf(d)).toEqual(sizeOf(pass.layers[l].z)));
        expectMatrixClose(g.output, Network.predict(c.net, c.input), EXACT);
        for (const m of [g.output, ...g.weights, ...g.deltas]) expect(isMatrix(m)).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the loss as the mean over the rows of Σ_k (y_k - t_k)^2', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const g = Network.gradient(c.net, c.input, c.target);
        expectMatrixClose([g.loss], [squaredError(c.net, c.input, c.targetRows)], { rtol: 1e-12, atol: 1e-300 });
      }),
      RUNS,
    );
  });

  it('throws ShapeError naming 2 expected entries and 1 given for the input', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1], [5]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.gradient: input must have 2 entries, got 1');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('throws ShapeError naming the output size [1] and the given [2] for a target of 2 entries', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [5, 6]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.gradient: target/);
    expect(error.message).toContain('[1]');
    expect(error.message).toContain('[2]');
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([2]);
  });

  it('throws ShapeError when the target is 2-D and the input 1-D', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [[5]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.gradient: target/);
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([1, 1]);
  });

  it('throws ShapeError when the target is 1-D and the input 2-D', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [[1, 2]], [5]));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([1, 1]);
    expect((error as ShapeError).actual).toEqual([1]);
  });

  it('throws ShapeError when the target has 3 rows for an input of 2', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [[1, 2], [3, 4]], [[5], [6], [7]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toContain('[2, 1]');
    expect(error.message).toContain('[3, 1]');
    expect((error as ShapeError).expected).toEqual([2, 1]);
    expect((error as ShapeError).actual).toEqual([3, 1]);
  });

  it('throws ValueError naming the entry for a non-finite input or target', () => {
    const cases = [
      [() => Network.gradient(smallNet(), [1, Number.NaN], [5]), 'Network.gradient: input[1]'],
      [() => Network.gradient(smallNet(), [1, 2], [Number.POSITIVE_INFINITY]), 'Network.gradient: target[0]'],
      [() => Network.gradient(smallNet(), [[1, 2], [3, 4]], [[5], [Number.NaN]]), 'Network.gradient: target[1][0]'],
    ] as const;
    for (const [call, where] of cases) {
      const error = thrownBy(call);
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toContain(where);
    }
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.gradient(overflowingNet(), [1e200], [0]));
  });

  it('throws ValueError for a loss that is not one', () => {
    const error = thrownBy(() => Network.gradient(smallNet(), [1, 2], [5], { loss: { name: 'nope' } as unknown as Loss }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toMatch(/^Network\.gradient: loss/);
  });

  it('does not mutate its arguments', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, form) => {
        const input = inForm(c.input, form);
        const target = inForm(c.target, form);
        const kept = [keep(input), keep(target)];
        const before = snapshot(c.net);
        Network.gradient(c.net, input, target);
        kept.forEach((check) => check());
        expect(snapshot(c.net)).toEqual(before);
      }),
      RUNS,
    );
  });
});


describe('Network.gradient(...).input', () => {
  it('returns ∂L/∂x shaped like x (by hand: y = (x, 3x), t = 0, L = 10x², ∂L/∂x = 20x, halved in a batch of 2)', () => {
    const net = Network.create([Layer.create([[0, 0], [1, 3]], Activation.identity)]);
    const one = Network.gradient(net, [1], [0, 0]).input;
    expect([one.size(), one.toArray()]).toEqual([[1], [20]]);
    const batch = Network.gradient(net, [[1], [2]], [[0, 0], [0, 0]]).input;
    expect([batch.size(), batch.toArray()]).toEqual([[2, 1], [[10], [20]]]);
  });

  it('is the first layer\'s deltas carried back through its weights without the bias row, on random networks', () => {
    // ∂L/∂x_i = Σ_j W0[i + 1][j] · delta0_j, by the chain rule through z = [-1, x] · W0.
    fc.assert(fc.property(gradientCase({ shape: 'example' }), ({ net, input, target }) => {
      const g = Network.gradient(net, input, target);
      const w = net.layers[0].weights.toArray() as number[][];
      const delta = g.deltas[0].toArray() as number[];
      const expected = (input as number[]).map((_, i) => delta.reduce((sum, d, j) => sum + w[i + 1][j] * d, 0));
      expectMatrixClose(g.input, expected, { rtol: 1e-12, atol: 1e-15 });
    }), { numRuns: 30, seed: 0x1a });
  });
});
