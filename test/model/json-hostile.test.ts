/**
 * Tests of Network.fromJSON and Network.toJSON against hostile documents
 * and hand-made activations (issue 9, items 1-4): huge names are refused
 * before they are read, holes are refused by their path, every refusal
 * while reading is a FormatError naming a path, and toJSON saves only
 * what reads back the same. A seeded property test throws random hostile
 * documents at fromJSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, FormatError, Layer, Network, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

const FORMAT = 'mathjs-backprop/network';
const identityLayer = { activation: 'identity', weights: [[0], [1]] };

function documentOf(layers: unknown): Record<string, unknown> {
  return { format: FORMAT, version: 1, layers };
}

function expectFormatError(document: unknown, path: string): FormatError {
  const caught = thrownBy(() => Network.fromJSON(document));
  expect(caught).toBeInstanceOf(FormatError);
  expect((caught as FormatError).path).toBe(path);
  expect((caught as FormatError).message).toContain(`Network.fromJSON: ${path} `);
  return caught as FormatError;
}

/** Counts calls of string and regex methods on strings at least `minLength` long while `run` runs. */
function countReadsOfLongStrings(minLength: number, run: () => void): number {
  let reads = 0;
  const restore: (() => void)[] = [];
  const watch = (proto: object, names: string[], subject: (self: unknown, args: unknown[]) => unknown) => {
    for (const name of names) {
      const original = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        const s = subject(this, args);
        if (typeof s === 'string' && s.length >= minLength) reads++;
        return original.apply(this, args);
      };
      restore.push(() => { (proto as Record<string, unknown>)[name] = original; });
    }
  };
  watch(String.prototype, ['slice', 'substring', 'startsWith', 'endsWith', 'indexOf', 'includes', 'match', 'replace', 'charCodeAt', 'at', 'trim', 'split'],
    (self) => (typeof self === 'string' ? self : String(self).length >= minLength ? String(self) : ''));
  watch(RegExp.prototype, ['test', 'exec'], (_self, args) => args[0]);
  watch(JSON, ['stringify'], (_self, args) => args[0]);
  try {
    run();
  } finally {
    for (const undo of restore) undo();
  }
  return reads;
}

describe('Network.fromJSON on hostile names (item 1)', () => {
  it('refuses the 80 KB leakyRelu name of the report with a FormatError naming the path', () => {
    const name = `leakyRelu(${'1'.repeat(80000)}x)`;
    const error = expectFormatError(documentOf([{ activation: name, weights: [[0], [1]] }]), 'layers[0].activation');
    expect(error.message).toBe('Network.fromJSON: layers[0].activation must be an activation name of at most 200 characters, got one of 80012');
  });

  it('refuses a 1 MB name without reading it: no string or regex method is called on it', () => {
    const name = `leakyRelu(${'1'.repeat(1_000_000)}x)`;
    const document = documentOf([{ activation: name, weights: [[0], [1]] }]);
    let caught: unknown;
    const reads = countReadsOfLongStrings(1_000_000, () => { caught = thrownBy(() => Network.fromJSON(document)); });
    expect(caught).toBeInstanceOf(FormatError);
    expect(reads).toBe(0);
  });

  it('reads a 200-character name and refuses one of 201, by the length alone', () => {
    const at200 = `leakyRelu(0.${'1'.repeat(187)})`;
    expect(at200.length).toBe(200);
    expect(Network.fromJSON(documentOf([{ activation: at200, weights: [[0], [1]] }])).layers[0].activation.apply(-1)).toBeLessThan(0);
    expectFormatError(documentOf([{ activation: `${at200} `, weights: [[0], [1]] }]), 'layers[0].activation');
  });
});

describe('Network.fromJSON on holes (item 2)', () => {
  it('refuses a hole inside layers ([L, , L]) with its path instead of a TypeError', () => {
    const error = expectFormatError(documentOf([identityLayer, , identityLayer]), 'layers[1]');
    expect(error.message).toBe('Network.fromJSON: layers[1] is a hole in the array; every entry must be given');
  });

  it('refuses a trailing hole in layers ([L, L, ,]) rather than dropping it', () => {
    expectFormatError(documentOf([identityLayer, identityLayer, ,]), 'layers[2]');
  });

  it('refuses holes in the weight rows and in a row', () => {
    expectFormatError(documentOf([{ activation: 'identity', weights: [[0], , [1]] }]), 'layers[0].weights[1]');
    expectFormatError(documentOf([{ activation: 'identity', weights: [[0, 1], [1, , ]] }]), 'layers[0].weights[1][1]');
    expectFormatError(documentOf([{ activation: 'identity', weights: [[0, , 1], [1, 2, 3]] }]), 'layers[0].weights[0][1]');
  });
});

describe('Network.fromJSON refuses with a FormatError and a path (item 3)', () => {
  it('refuses leakyRelu(1e400), whose alpha is not finite, with the path', () => {
    expectFormatError(documentOf([{ activation: 'leakyRelu(1e400)', weights: [[0], [1]] }]), 'layers[0].activation');
  });

  it('refuses a weight 1e400 (Infinity once parsed) in a JSON string with the path', () => {
    const text = `{"format":"${FORMAT}","version":1,"layers":[{"activation":"identity","weights":[[0],[1e400]]}]}`;
    expectFormatError(text, 'layers[0].weights[1][0]');
  });

  it('refuses a layer over the size limit as a FormatError, before reading its rows', () => {
    const rows = new Array(2 ** 14 + 1);
    rows[0] = new Array(2 ** 13).fill(0);
    const error = expectFormatError(documentOf([{ activation: 'identity', weights: rows }]), 'layers[0].weights');
    expect(error.message).toMatch(/more than the 134217728 a layer may have$/);
  });
});

describe('Network.toJSON saves only what reads back the same (item 4)', () => {
  it('refuses a hand-made object named leakyRelu(0.5) that computes z²', () => {
    const fake = { name: 'leakyRelu(0.5)', apply: (z: number) => z * z, derivative: (z: number) => 2 * z };
    const net = Network.create([Layer.create([[0], [1]], fake)]);
    const error = thrownBy(() => Network.toJSON(net));
    expect(error).toBeInstanceOf(ValueError);
    expect((error as Error).message).toMatch(/^Network\.toJSON: layer 0's activation "leakyRelu\(0\.5\)" was not made by Activation\.leakyRelu/);
  });

  it('saves a leakyRelu the library made, which reads back to the same predictions', () => {
    const net = Network.create([Layer.create([[0], [1]], Activation.leakyRelu(0.5))]);
    const back = Network.fromJSON(Network.toJSON(net));
    // by hand: z = -(-1)·0 + 1·(-2) = -2, leaky 0.5 · -2 = -1
    expect(Network.predict(back, [-2]).toArray()).toEqual([-1]);
  });
});

/** A hostile value: huge or odd numbers, long and odd strings, deep nesting, holes, `__proto__` keys. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -0, Number.MAX_SAFE_INTEGER, 2 ** 31, NaN, Infinity, null, true, '', [], {}),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'leakyRelu(', 'leakyRelu()', 'leakyRelu(1e400)', 'leakyRelu(0x10)',
    'leakyRelu(-0)', 'leakyRelu(1e-400)', 'sigmoid\u0000', 'ⅽ', `leakyRelu(${'9'.repeat(199)})`, 'x'.repeat(100_000)),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => {
    let nested: unknown = [0];
    for (let i = 0; i < depth; i++) nested = [nested];
    return nested;
  }),
  fc.sparseArray(fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 3 })), { maxLength: 5 }),
  fc.constant(JSON.parse('{"__proto__": {"activation": "identity"}, "weights": [[0], [1]]}')),
);

/** A valid document with one to three values replaced at random paths. */
const hostileDocument: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('format', 'version', 'layers', 'layer', 'activation', 'weights', 'row', 'entry', '__proto__'), hostileValue), {
      minLength: 1, maxLength: 3,
    }),
    fc.boolean(),
  )
  .map(([changes, asText]) => {
    const document = JSON.parse(`{"format":"${FORMAT}","version":1,"layers":[{"activation":"tanh","weights":[[1,0],[1,2]]},{"activation":"identity","weights":[[1],[2],[3]]}]}`);
    for (const [where, value] of changes) {
      const layer = Array.isArray(document.layers) && typeof document.layers[1] === 'object' ? document.layers[1] : {};
      const rows = Array.isArray(layer.weights) ? layer.weights : [];
      if (where === 'layer' && Array.isArray(document.layers)) document.layers[0] = value;
      else if (where === 'activation') layer.activation = value;
      else if (where === 'weights') layer.weights = value;
      else if (where === 'row') rows[1] = value;
      else if (where === 'entry' && Array.isArray(rows[2])) rows[2][0] = value;
      else if (where === '__proto__') Object.defineProperty(document, '__proto__', { value, enumerable: true, configurable: true, writable: true });
      else document[where] = value;
    }
    return asText ? JSON.stringify(document) ?? document : document;
  });

describe('Network.fromJSON on random hostile documents (items 1-3)', () => {
  it('either reads each one or refuses it with a FormatError naming a path (seeded)', () => {
    fc.assert(
      fc.property(hostileDocument, (document) => {
        try {
          Network.fromJSON(document);
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
          const { path, message } = error as FormatError;
          expect(typeof path).toBe('string');
          expect(message.startsWith(`Network.fromJSON: ${path}`)).toBe(true);
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});
