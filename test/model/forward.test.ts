/**
 * Tests of src/model/forward.ts: `Network.forward` and `Network.predict`, for one
 * example (1-D input) and for batches (2-D, one example per row).
 *
 * Sources of expected values:
 * - "by hand:" small integer arithmetic written out in the comment.
 * - Property tests compare with
 *   - `referenceForward` (test/support/arbitraries.ts), a plain-JS transcription of
 *     `z_j = -w[0][j] + Σ_i x_i w[i + 1][j]`, `a = f(z)`;
 *   - the library itself on single examples (batch = mean of examples).
 * - Random networks: test/support/arbitraries.ts (1 to 4 layers, widths 1 to 8,
 *   every built-in activation, weights and inputs in [-1, 1], relu and
 *   leakyRelu pre-activations kept 1e-3 away from their kink).
 *
 * Properties run with explicit seeds, so every run checks the same cases.
 */
import fc from 'fast-check';
import { isMatrix, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Network, ShapeError, ValueError, type MatrixLike } from '../../src/index.js';
import { caseArb, referenceForward } from '../support/arbitraries.js';
import { expectMatrixClose, thrownBy } from '../support/helpers.js';
import {
  EXACT, REORDERED, RUNS, otherMath, rowsOf, sizeOf, smallNet, lineNet, snapshot, inForm, keep,
  overflowingNet, expectNoSilentNaN, type Form,
} from '../support/network-cases.js';

/** `run` changes neither the network nor its input, in any form the input may take. */
function expectNoMutation(run: (net: Network, input: MatrixLike) => unknown): void {
  fc.assert(
    fc.property(caseArb(), fc.constantFrom<Form>('array', 'matrix', 'other-matrix'), (c, form) => {
      const input = inForm(c.input, form);
      const inputKept = keep(input);
      const before = snapshot(c.net);
      run(c.net, input);
      inputKept();
      expect(snapshot(c.net)).toEqual(before);
    }),
    RUNS,
  );
}

describe('Network.forward', () => {
  it('gives z, a and the output of each layer (by hand: y = -1 + 2·3 = 5)', () => {
    const pass = Network.forward(lineNet(), [3]);
    expectMatrixClose(pass.output, [5], EXACT);
    expect(pass.layers.length).toBe(1);
    expectMatrixClose(pass.layers[0].input, [3], EXACT);
    expectMatrixClose(pass.layers[0].z, [5], EXACT);
    expectMatrixClose(pass.layers[0].a, [5], EXACT);
  });

  it('returns 1-D results for a 1-D input and 2-D results for a 2-D input', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const pass = Network.forward(c.net, c.input);
        const rows = c.rows.length;
        const out = c.spec.sizes[c.spec.sizes.length - 1];
        expect(sizeOf(pass.output)).toEqual(c.batch ? [rows, out] : [out]);
        pass.layers.forEach((layer, l) => {
          const shape = (n: number): number[] => (c.batch ? [rows, n] : [n]);
          expect(sizeOf(layer.input)).toEqual(shape(c.spec.sizes[l]));
          expect(sizeOf(layer.z)).toEqual(shape(c.spec.sizes[l + 1]));
          expect(sizeOf(layer.a)).toEqual(shape(c.spec.sizes[l + 1]));
        });
      }),
      RUNS,
    );
  });

  it('agrees with a plain-JS forward pass, layer by layer', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const pass = Network.forward(c.net, c.input);
        const reference = referenceForward(c.spec, c.rows);
        pass.layers.forEach((layer, l) => {
          expectMatrixClose(rowsOf(layer.input), l === 0 ? (c.rows as number[][]) : reference.a[l - 1], REORDERED);
          expectMatrixClose(rowsOf(layer.z), reference.z[l], REORDERED);
          expectMatrixClose(rowsOf(layer.a), reference.a[l], REORDERED);
        });
        expectMatrixClose(rowsOf(pass.output), reference.a[reference.a.length - 1], REORDERED);
      }),
      RUNS,
    );
  });

  it('gives each row of a batch the result of that row alone', () => {
    fc.assert(
      fc.property(caseArb({ batch: true }), (c) => {
        const pass = Network.forward(c.net, c.input);
        c.rows.forEach((row, r) => {
          const alone = Network.forward(c.net, [...row]);
          pass.layers.forEach((layer, l) => {
            expectMatrixClose(rowsOf(layer.z)[r], alone.layers[l].z, REORDERED);
            expectMatrixClose(rowsOf(layer.a)[r], alone.layers[l].a, REORDERED);
          });
        });
      }),
      RUNS,
    );
  });

  it('accepts matrices from another copy of mathjs', () => {
    const x = otherMath.matrix([[1, 2], [0, 0]]) as unknown as Matrix;
    expect(Network.forward(smallNet(), x).output.toArray()).toEqual(Network.forward(smallNet(), [[1, 2], [0, 0]]).output.toArray());
  });

  it('throws ShapeError naming 2 expected entries and 3 given for a 1-D input', () => {
    const error = thrownBy(() => Network.forward(smallNet(), [1, 2, 3]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.forward: input must have 2 entries, got 3');
    expect((error as ShapeError).expected).toEqual([2]);
    expect((error as ShapeError).actual).toEqual([3]);
  });

  it('throws ShapeError naming 2 expected columns and 1 given for a batch', () => {
    const error = thrownBy(() => Network.forward(smallNet(), [[1], [2], [3]]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.forward: input must have 2 entries per row, got 1');
    expect((error as ShapeError).expected).toEqual([3, 2]);
    expect((error as ShapeError).actual).toEqual([3, 1]);
  });

  it('throws ShapeError for an empty input', () => {
    const error = thrownBy(() => Network.forward(smallNet(), []));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^Network\.forward: input/);
  });

  it('throws ValueError for something that is not a network', () => {
    for (const bad of [null, undefined, 3, { layers: [] }]) {
      const error = thrownBy(() => Network.forward(bad as never, [1]));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^Network\.forward: /);
    }
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.forward(overflowingNet(), [1e200]));
  });

  it('throws ValueError naming the entry for NaN, Infinity and non-numbers', () => {
    for (const [input, where] of [
      [[1, Number.NaN], 'input[1]'],
      [[[1, 2], [Number.POSITIVE_INFINITY, 0]], 'input[1][0]'],
      [[[1, 2], [0, Number.NEGATIVE_INFINITY]], 'input[1][1]'],
      [[1, '2'], 'input[1]'],
    ] as const) {
      const error = thrownBy(() => Network.forward(smallNet(), input as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toContain(`Network.forward: ${where}`);
    }
  });

  it('does not mutate its arguments', () => {
    expectNoMutation((net, input) => Network.forward(net, input));
  });
});


describe('Network.predict', () => {
  it('returns the output of Network.forward, bit for bit, in its shape', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const output = Network.predict(c.net, c.input);
        expect(isMatrix(output)).toBe(true);
        expect(sizeOf(output)).toEqual(sizeOf(Network.forward(c.net, c.input).output));
        expectMatrixClose(output, Network.forward(c.net, c.input).output, EXACT);
      }),
      RUNS,
    );
  });

  it('gives one row per example (by hand: -1 + 2·3 = 5, -1 + 2·0 = -1)', () => {
    expectMatrixClose(Network.predict(lineNet(), [[3], [0]]), [[5], [-1]], EXACT);
    expectMatrixClose(Network.predict(lineNet(), [3]), [5], EXACT);
  });

  it('throws ShapeError naming 1 expected entry and 2 given', () => {
    const error = thrownBy(() => Network.predict(lineNet(), [1, 2]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('Network.predict: input must have 1 entries, got 2');
    expect((error as ShapeError).expected).toEqual([1]);
    expect((error as ShapeError).actual).toEqual([2]);
  });

  it('throws rather than return NaN when finite weights and input overflow (1e200 · 1e200)', () => {
    expectNoSilentNaN(() => Network.predict(overflowingNet(), [1e200]));
  });

  it('throws ValueError for a non-finite input', () => {
    const error = thrownBy(() => Network.predict(lineNet(), [[1], [Number.NaN]]));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toContain('Network.predict: input[1][0]');
  });

  it('does not mutate its arguments', () => {
    expectNoMutation((net, input) => Network.predict(net, input));
  });
});

