/**
 * Tests of src/interop/activations.ts: the interop reads its names off the
 * activation table (src/math/activation-table.ts), so every fixed built-in
 * is exported and read back as itself, every Keras name of the table is
 * one the TF.js reader takes, and the ONNX op map has every kind (the
 * graph is built for each). The expected names are Keras's own
 * (`keras.activations`: linear, sigmoid, tanh, relu, softplus).
 */
import { describe, expect, it } from 'vitest';
import { Activation, UnknownNameError } from '../../src/index.js';
import { ACTIVATION_ROWS } from '../../src/math/activation-table.js';
import { activationOf, activationSpec, KERAS_ACTIVATIONS } from '../../src/interop/activations.js';
import { buildGraph } from '../../src/interop/onnx-graph.js';
import { thrownBy } from '../support/helpers.js';

describe('activationSpec', () => {
  it('gives every fixed built-in its Keras name, and activationOf gives the same built-in back', () => {
    for (const { activation, keras } of ACTIVATION_ROWS) {
      const spec = activationSpec(activation, 'test');
      expect(spec).toEqual({ kind: keras });
      expect(activationOf(spec)).toBe(activation);
    }
  });

  it('reads a leakyRelu by its name and slope, and round-trips it', () => {
    const spec = activationSpec(Activation.leakyRelu(0.2), 'test');
    expect(spec).toEqual({ kind: 'leakyRelu', alpha: 0.2 });
    expect(activationOf(spec).name).toBe('leakyRelu(0.2)');
  });

  it('names every built-in in the message that refuses a custom activation', () => {
    const error = thrownBy(() => activationSpec({ name: 'x', apply: (z) => z, derivative: () => 1 }, 'test'));
    expect(error).toBeInstanceOf(UnknownNameError);
    for (const { activation } of ACTIVATION_ROWS) expect(error.message).toContain(activation.name);
    expect(error.message).toContain('leakyRelu(alpha)');
  });
});

describe('KERAS_ACTIVATIONS', () => {
  it("is the table's Keras names, which are Keras's own", () => {
    expect(KERAS_ACTIVATIONS).toEqual(ACTIVATION_ROWS.map((row) => row.keras));
    expect(KERAS_ACTIVATIONS).toEqual(['linear', 'sigmoid', 'tanh', 'relu', 'softplus']);
  });
});

describe('the ONNX nodes of each activation', () => {
  it('exist for every kind, in both number types, ending in the layer output', () => {
    const weights = Float64Array.from([0, 1]);
    for (const spec of [...ACTIVATION_ROWS.map((row) => ({ kind: row.keras })), { kind: 'leakyRelu' as const, alpha: 0.1 }]) {
      for (const dtype of ['float32', 'float64'] as const) {
        const graph = buildGraph([{ inputs: 1, outputs: 1, weights, activation: spec }], dtype);
        expect(graph.nodes[0].opType).toBe('Gemm');
        expect(graph.nodes.length, `${spec.kind} ${dtype}`).toBeGreaterThan(1);
        expect(graph.nodes[graph.nodes.length - 1].output).toBe('output');
      }
    }
  });
});
