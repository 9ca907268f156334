/**
 * Tests of Network.toJSON and Network.fromJSON: the document's shape, the
 * round trip (property test: predictions bit for bit), and every refusal
 * with its FormatError path and message.
 *
 * Expected documents are written out by hand from the format in
 * src/json.ts; "bit for bit" compares the IEEE-754 bits of every output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Activation,
  FormatError,
  Layer,
  Network,
  UnknownNameError,
  ValueError,
  type NetworkJSON,
} from '../../src/index.js';
import type { Matrix } from 'mathjs';
import { thrownBy } from '../support/helpers.js';

/** A custom activation, defined once for the whole file. */
const softsign = Activation.define({
  name: 'jsonTestSoftsign',
  apply: (z) => z / (1 + Math.abs(z)),
  derivative: (z) => 1 / (1 + Math.abs(z)) ** 2,
});

/** The notebook's 2-3-1 network. */
function notebook(): Network {
  return Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
}

/** The hex of the IEEE-754 bits of every output, so -0 and 0 differ. */
function bits(m: Matrix): string[] {
  const flat = (m.toArray() as (number | number[])[]).flat();
  return Array.from(new Uint8Array(Float64Array.from(flat).buffer), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .match(/.{16}/g) as string[];
}

/** A valid document to break one field of at a time. */
function valid(): Record<string, unknown> {
  return {
    format: 'mathjs-backprop/network',
    version: 1,
    layers: [
      { activation: 'sigmoid', weights: [[1, 0, -1], [1, 2, 0], [0, -2, 1]] },
      { activation: 'identity', weights: [[1], [2], [3], [-1]] },
    ],
  };
}

/** Asserts that `fromJSON(document)` throws FormatError with this path and message. */
function expectRefused(document: unknown, path: string, message: string): void {
  const caught = thrownBy(() => Network.fromJSON(document));
  expect(caught).toBeInstanceOf(FormatError);
  expect((caught as FormatError).message).toBe(`Network.fromJSON: ${message}`);
  expect((caught as FormatError).path).toBe(path);
}

describe('Network.toJSON', () => {
  it('writes the format, the version and each layer by activation name and weight rows', () => {
    expect(Network.toJSON(notebook())).toEqual({
      format: 'mathjs-backprop/network',
      version: 1,
      layers: [
        { activation: 'sigmoid', weights: [[1, 0, -1], [1, 2, 0], [0, -2, 1]] },
        { activation: 'identity', weights: [[1], [2], [3], [-1]] },
      ],
    });
  });

  it('writes plain data that survives JSON.stringify unchanged', () => {
    const saved = Network.toJSON(notebook());
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    expect(Object.getPrototypeOf(saved)).toBe(Object.prototype);
    expect(Array.isArray(saved.layers[0].weights[0])).toBe(true);
  });

  it('writes leakyRelu with its alpha and a custom activation by its defined name', () => {
    const net = Network.create([
      Layer.create([[0, 0], [1, 1]], Activation.leakyRelu(0.2)),
      Layer.create([[0], [1], [1]], softsign),
    ]);
    expect(Network.toJSON(net).layers.map((layer) => layer.activation)).toEqual(['leakyRelu(0.2)', 'jsonTestSoftsign']);
  });

  it('throws UnknownNameError for an activation that was never defined, so it could not be read back', () => {
    const cube = { name: 'jsonTestUndefinedCube', apply: (z: number) => z ** 3, derivative: (z: number) => 3 * z * z };
    const net = Network.create([Layer.create([[0], [1]], cube)]);
    expect(() => Network.toJSON(net)).toThrow(UnknownNameError);
    expect(() => Network.toJSON(net)).toThrow(
      `Network.toJSON: layer 0's activation "jsonTestUndefinedCube" is neither built in nor made with Activation.define, so it could not be read back; define it first`,
    );
  });

  it('throws ValueError for an activation that borrows the name of another one', () => {
    const fake = { name: 'sigmoid', apply: (z: number) => z, derivative: () => 1 };
    const net = Network.create([Layer.create([[0], [1]], fake)]);
    expect(() => Network.toJSON(net)).toThrow(ValueError);
    expect(() => Network.toJSON(net)).toThrow(/layer 0's activation "sigmoid" is not the activation Activation.byName knows/);
  });

  it('does not mutate the network', () => {
    const net = notebook();
    const saved = Network.toJSON(net);
    (saved.layers[0].weights[0] as number[])[0] = 99;
    expect(net.layers[0].weights.toArray()).toEqual([[1, 0, -1], [1, 2, 0], [0, -2, 1]]);
  });
});

/** Random networks: 1 to 3 layers of 1 to 4 neurons, every kind of activation, full-precision weights. */
const activations = fc.oneof(
  fc.constantFrom(Activation.identity, Activation.sigmoid, Activation.tanh, Activation.relu, Activation.softplus, softsign),
  // NOTE: alpha -0 is mapped to 0: Activation.leakyRelu(-0) is named "leakyRelu(0)", so its name
  // rebuilds alpha 0, which changes the sign of an output that is exactly 0 (reported, not ours).
  fc.double({ min: -1, max: 1, noNaN: true }).map((alpha) => Activation.leakyRelu(alpha === 0 ? 0 : alpha)),
);
// NOTE: -0 is mapped to 0 because JSON has no -0 (JSON.stringify(-0) is "0"); see Network.toJSON.
const weight = fc.double({ min: -5, max: 5, noNaN: true }).map((w) => (w === 0 ? 0 : w));
const networks = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    rows: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ sizes, rows }) =>
    fc.record({
      layers: fc.tuple(
        ...sizes.slice(1).map((m, l) =>
          fc.record({
            weights: fc.array(fc.array(weight, { minLength: m, maxLength: m }), { minLength: sizes[l] + 1, maxLength: sizes[l] + 1 }),
            activation: activations,
          }),
        ),
      ),
      x: fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: sizes[0], maxLength: sizes[0] }), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

describe('Network.fromJSON', () => {
  it('reads back what toJSON wrote, as an object and as a string, predicting bit for bit (property)', () => {
    fc.assert(
      fc.property(networks, ({ layers, x }) => {
        const net = Network.create(layers.map((layer) => Layer.create(layer.weights, layer.activation)));
        const saved = Network.toJSON(net);
        const expected = bits(Network.predict(net, x));
        for (const copy of [Network.fromJSON(saved), Network.fromJSON(JSON.stringify(saved))]) {
          expect(bits(Network.predict(copy, x))).toEqual(expected);
          expect(copy.layers.map((layer) => layer.activation.name)).toEqual(net.layers.map((layer) => layer.activation.name));
          expect(copy.layers.map((layer) => layer.weights.toArray())).toEqual(net.layers.map((layer) => layer.weights.toArray()));
          expect(Network.toJSON(copy)).toEqual(saved);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads back weights that need all 17 significant digits exactly', () => {
    const weights = [[0.1 + 0.2, Number.MIN_VALUE], [Number.MAX_VALUE, -Number.EPSILON], [1 / 3, -(2 ** -1074)]];
    const net = Network.create([Layer.create(weights, Activation.identity)]);
    const copy = Network.fromJSON(JSON.stringify(Network.toJSON(net)));
    expect(copy.layers[0].weights.toArray()).toEqual(weights);
  });

  it('reads the custom activation back as the defined one', () => {
    const net = Network.create([Layer.create([[0], [1]], softsign)]);
    expect(Network.fromJSON(Network.toJSON(net)).layers[0].activation).toBe(softsign);
  });

  it('ignores fields it does not read', () => {
    const document = { ...valid(), note: 'trained on Iris', layers: [{ activation: 'identity', weights: [[1], [2]], extra: true }] };
    expect(Network.predict(Network.fromJSON(document), [3]).toArray()).toEqual([5]);
  });

  it('does not mutate its argument (a deeply frozen document is read)', () => {
    const document = valid();
    const frozen = structuredClone(document);
    const freeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(freeze);
        Object.freeze(value);
      }
    };
    freeze(frozen);
    Network.fromJSON(frozen);
    expect(frozen).toEqual(document);
  });

  describe('refuses with FormatError and the path of the problem', () => {
    const layer0 = (change: Record<string, unknown>): Record<string, unknown> => {
      const document = valid();
      const layers = document.layers as Record<string, unknown>[];
      layers[0] = { ...layers[0], ...change };
      return document;
    };
    const withWeights = (weights: unknown): Record<string, unknown> => layer0({ weights });

    it('a string that is not JSON', () => {
      const caught = thrownBy(() => Network.fromJSON('{"format": '));
      expect(caught).toBeInstanceOf(FormatError);
      expect((caught as Error).message).toMatch(/^Network\.fromJSON: the string is not valid JSON \(/);
    });

    it('something that is not an object', () => {
      const message = (got: string): string => `expected a saved network (an object from Network.toJSON, or its JSON string), got ${got}`;
      expectRefused(null, '', message('null'));
      expectRefused([1, 2], '', message('an array of 2'));
      expectRefused(undefined, '', message('undefined'));
      expectRefused('42', '', message('42'));
    });

    it('a missing or wrong format name', () => {
      const { format: _format, ...noFormat } = valid();
      expectRefused(noFormat, 'format', 'format is missing; a saved network has format "mathjs-backprop/network"');
      expectRefused({ ...valid(), format: 'keras' }, 'format', 'format must be "mathjs-backprop/network", got "keras" (a string)');
    });

    it('a missing or unsupported version, saying which are supported', () => {
      const { version: _version, ...noVersion } = valid();
      expectRefused(noVersion, 'version', 'version is missing; supported versions: 1');
      expectRefused({ ...valid(), version: 2 }, 'version', 'version 2 is not supported; this version of mathjs-backprop reads version 1');
      expectRefused({ ...valid(), version: '1' }, 'version', 'version "1" (a string) is not supported; this version of mathjs-backprop reads version 1');
    });

    it('missing, non-array or empty layers', () => {
      const { layers: _layers, ...noLayers } = valid();
      expectRefused(noLayers, 'layers', 'layers is missing; expected an array of layers');
      expectRefused({ ...valid(), layers: {} }, 'layers', 'layers must be an array of layers, got an object');
      expectRefused({ ...valid(), layers: [] }, 'layers', 'layers must hold at least one layer, got none');
      expectRefused({ ...valid(), layers: [null] }, 'layers[0]', 'layers[0] must be an object with activation and weights, got null');
    });

    it('a missing or non-string activation', () => {
      expectRefused(layer0({ activation: undefined }), 'layers[0].activation', 'layers[0].activation is missing; expected an activation name such as "sigmoid"');
      expectRefused(layer0({ activation: 3 }), 'layers[0].activation', 'layers[0].activation must be an activation name (a string), got 3');
    });

    it('an unknown activation, mentioning Activation.define for custom ones', () => {
      const document = valid();
      (document.layers as Record<string, unknown>[])[1].activation = 'notDefinedAnywhere';
      const caught = thrownBy(() => Network.fromJSON(document));
      expect(caught).toBeInstanceOf(FormatError);
      expect((caught as FormatError).path).toBe('layers[1].activation');
      expect((caught as Error).message).toMatch(/^Network\.fromJSON: layers\[1\]\.activation "notDefinedAnywhere" is not a known activation \(known: identity, sigmoid, .*leakyRelu\(alpha\).*\); define a custom one with Activation\.define before reading the network$/);
      expect((caught as Error).message).toContain('jsonTestSoftsign');
    });

    it('missing weights or weights that are not rows', () => {
      const path = 'layers[0].weights';
      expectRefused(withWeights(undefined), path, `${path} is missing; expected (inputs + 1) rows of numbers, one column per neuron`);
      expectRefused(withWeights('[[1]]'), path, `${path} must be an array of rows, got "[[1]]" (a string)`);
      expectRefused(withWeights([[1, 2, 3]]), path, `${path} must have at least 2 rows (the bias row and one per input), got 1`);
      expectRefused(withWeights([1, 2]), `${path}[0]`, `${path}[0] must be an array of numbers, got 1`);
      expectRefused(withWeights([[], []]), `${path}[0]`, `${path}[0] must not be empty: a layer needs at least one neuron`);
    });

    it('ragged weights', () => {
      const path = 'layers[0].weights[2]';
      expectRefused(withWeights([[1, 0, -1], [1, 2, 0], [0, -2]]), path, `${path} must have 3 entries like row 0, got 2`);
      expectRefused(withWeights([[1, 0, -1], [1, 2, 0], { 0: 1 }]), path, `${path} must be an array of numbers, got an object`);
    });

    it('entries that are not finite numbers', () => {
      const document = valid();
      ((document.layers as { weights: unknown[][] }[])[1].weights[0] as unknown[]) = [null];
      expectRefused(document, 'layers[1].weights[0][0]', 'layers[1].weights[0][0] must be a finite number, got null');
      const cases: [unknown, string][] = [['x', '"x" (a string)'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [[1], 'an array of 1']];
      for (const [bad, shown] of cases) {
        expectRefused(withWeights([[1, 0, bad], [1, 2, 0], [0, -2, 1]]), 'layers[0].weights[0][2]', `layers[0].weights[0][2] must be a finite number, got ${shown}`);
      }
    });

    it('layers whose sizes do not chain', () => {
      const document = valid();
      (document.layers as Record<string, unknown>[])[1].weights = [[1], [2], [3]];
      expectRefused(document, 'layers[1].weights', 'layers[1].weights must have 4 rows (the bias row and one per neuron of the layer before, which has 3), got 3');
    });
  });

  it('types a saved document as NetworkJSON', () => {
    const saved: NetworkJSON = Network.toJSON(notebook());
    expect(saved.version).toBe(1);
  });
});
