/**
 * Tests of src/testing/ (the `mathjs-backprop/testing` entry point): the
 * arbitraries draw shapes that fit (properties), stay in their ranges, are
 * the same for the same fast-check seed, keep relu-like pre-activations
 * away from their kinks when asked, refuse bad options with a ValueError
 * naming the function; and the property a user writes for a custom
 * activation passes for a right derivative and fails for one off by 2.
 *
 * Expected values are properties of the definitions (sizes, ranges, sums),
 * checked here by plain loops, not by the kit's own code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ValueError, gradientCheck, type Activation as ActivationType } from '../../src/index.js';
import {
  batchArbitrary,
  builtInActivations,
  gradientCase,
  inputArbitrary,
  networkArbitrary,
  seededNetworkArbitrary,
  targetArbitrary,
  type GradientCase,
  type NetworkData,
} from '../../src/testing/index.js';

/** Property tests stay fast: networks are small, but gradientCheck costs two passes per weight. */
const RUNS = { numRuns: 100, seed: 0x7e57 };

/** Names for `Activation.define` that no other test uses: the registry is global. */
let counter = 0;
function uniqueName(base: string): string {
  counter += 1;
  return `testing-test-${base}-${counter}`;
}

/** The error `fn` throws; fails the test if it throws nothing. */
function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** The input or target as rows: one row for a single example. */
function rowsOf(x: number[] | number[][]): number[][] {
  return Array.isArray(x[0]) ? (x as number[][]) : [x as number[]];
}

/** `[inputs, neurons of each layer]`, read off the layers. */
function sizesOf(net: Network): number[] {
  return [net.layers[0].inputSize, ...net.layers.map((layer) => layer.outputSize)];
}

/** Every weight of a network, flat. */
function weightsOf(net: Network): number[] {
  return net.layers.flatMap((layer) => (layer.weights.toArray() as number[][]).flat());
}

/** Whether the data is one example (both 1-D) or a batch (both 2-D) that fits `net`. */
function fits(net: Network, { input, target }: NetworkData): boolean {
  const [inputs, outputs] = [net.layers[0].inputSize, net.layers[net.layers.length - 1].outputSize];
  const batch = Array.isArray(input[0]);
  if (batch !== Array.isArray(target[0])) return false;
  const xs = rowsOf(input);
  const ts = rowsOf(target);
  return xs.length === ts.length && xs.every((x) => x.length === inputs) && ts.every((t) => t.length === outputs);
}

/** The smallest distance of a kinked neuron's pre-activation from its kinks, over every layer and example. */
function kinkDistance(net: Network, input: number[] | number[][]): number {
  const { layers } = Network.forward(net, input);
  let nearest = Infinity;
  layers.forEach((pass, l) => {
    const kinks = net.layers[l].activation.kinks ?? [];
    for (const z of (pass.z.toArray() as (number | number[])[]).flat()) {
      for (const kink of kinks) nearest = Math.min(nearest, Math.abs(z - kink));
    }
  });
  return nearest;
}

/**
 * A custom activation, the inverse square root unit `z / sqrt(1 + z^2)`,
 * with a derivative `(1 + z^2)^(-3/2)` that is right (`factor` 1) or scaled.
 * NOTE: smooth everywhere, unlike softsign, whose derivative has a corner
 * at 0 where a central difference is only first-order accurate.
 */
function isru(factor = 1): ActivationType {
  return Activation.define({
    name: uniqueName(`isru-times-${factor}`),
    apply: (z) => z / Math.sqrt(1 + z * z),
    derivative: (z) => factor / (1 + z * z) ** 1.5,
  });
}

/** The property of the guide: backpropagation agrees with finite differences. */
function agrees({ net, input, target }: GradientCase): boolean {
  return gradientCheck(net, input, target).ok;
}

describe('networkArbitrary', () => {
  it('draws networks whose sizes and weights stay within the ranges asked for', () => {
    const ranges = fc.record({
      layers: fc.integer({ min: 1, max: 3 }).chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 4 }) })),
      width: fc.integer({ min: 1, max: 3 }).chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 5 }) })),
      weights: fc.double({ min: -5, max: 5, noNaN: true }).chain((min) =>
        fc.record({ min: fc.constant(min), max: fc.double({ min, max: 5, noNaN: true }) })),
    });
    const drawn = ranges.chain((options) => fc.tuple(fc.constant(options), networkArbitrary(options)));
    fc.assert(fc.property(drawn, ([{ layers, width, weights }, net]) => {
      const sizes = sizesOf(net);
      expect(net.layers.length).toBeGreaterThanOrEqual(layers.min);
      expect(net.layers.length).toBeLessThanOrEqual(layers.max);
      for (const size of sizes) expect(size >= width.min && size <= width.max, `size ${size}`).toBe(true);
      for (const w of weightsOf(net)) expect(w >= weights.min && w <= weights.max, `weight ${w}`).toBe(true);
      net.layers.forEach((layer, l) => expect(layer.weights.size()).toEqual([sizes[l] + 1, sizes[l + 1]]));
    }), RUNS);
  });

  it('takes fixed sizes as numbers, and inputSize and outputSize apart from width', () => {
    const nets = fc.sample(networkArbitrary({ layers: 3, width: 2, inputSize: 5, outputSize: { min: 1, max: 1 } }), { seed: 1, numRuns: 30 });
    for (const net of nets) expect(sizesOf(net)).toEqual([5, 2, 2, 1]);
  });

  it('draws the activations from the built-ins by default, each of them sometimes', () => {
    const nets = fc.sample(networkArbitrary(), { seed: 2, numRuns: 200 });
    const names = new Set(nets.flatMap((net) => net.layers.map((layer) => layer.activation.name)));
    expect([...names].sort()).toEqual(builtInActivations.map((a) => a.name).sort());
  });

  it('puts a single custom activation in every layer, the output layer too', () => {
    const mine = isru();
    const nets = fc.sample(networkArbitrary({ activations: [mine], layers: { min: 1, max: 3 } }), { seed: 3, numRuns: 50 });
    for (const net of nets) expect(net.layers.every((layer) => layer.activation === mine)).toBe(true);
  });

  it('draws the output activation from outputActivations when given', () => {
    const nets = fc.sample(networkArbitrary({ layers: 2, activations: [Activation.tanh], outputActivations: [Activation.identity] }), { seed: 4, numRuns: 30 });
    for (const net of nets) expect(net.layers.map((layer) => layer.activation)).toEqual([Activation.tanh, Activation.identity]);
  });

  it('draws the same networks for the same fast-check seed, and others for another', () => {
    const draw = (seed: number) => fc.sample(networkArbitrary(), { seed, numRuns: 20 }).map((net) => Network.toJSON(net));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('spreads the weights over the range instead of crowding them near 0', () => {
    const weights = fc.sample(networkArbitrary(), { seed: 5, numRuns: 300 }).flatMap(weightsOf);
    const ordinary = weights.filter((w) => Math.abs(w) >= 0.1).length;
    expect(ordinary / weights.length).toBeGreaterThan(0.6);
  });

  it('is printed by fast-check as the Network.create call that rebuilds it', () => {
    const [net] = fc.sample(networkArbitrary({ layers: 2 }), { seed: 6, numRuns: 1 });
    const code = fc.stringify(net);
    expect(code).toMatch(/^Network\.create\(\[Layer\.create\(/);
    const rebuilt = new Function('Network', 'Layer', 'Activation', `return ${code};`)(Network, Layer, Activation) as Network;
    expect(Network.toJSON(rebuilt)).toEqual(Network.toJSON(net));
  });

  it('throws ValueError when layers is 0', () => {
    const error = thrownBy(() => networkArbitrary({ layers: 0 }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('networkArbitrary: layers must be an integer >= 1, got 0');
  });

  it('throws ValueError when width.min exceeds width.max, an option is unknown, or a list is empty', () => {
    expect(() => networkArbitrary({ width: { min: 3, max: 2 } })).toThrow(
      new ValueError('networkArbitrary: width.min must not exceed width.max, got 3 and 2'));
    expect(() => networkArbitrary({ hidden: 2 } as never)).toThrow(
      /^networkArbitrary: unknown option "hidden"; the options are layers, width, /);
    expect(() => networkArbitrary({ activations: [] })).toThrow(
      new ValueError('networkArbitrary: activations must be a non-empty array of activations, got an array'));
    expect(() => networkArbitrary({ weights: { min: -Infinity } })).toThrow(
      new ValueError('networkArbitrary: weights.min must be a finite number, got -Infinity'));
  });

  it('does not change its options', () => {
    const options = { layers: { min: 1, max: 2 }, activations: [Activation.relu], weights: { min: -2, max: 2 } };
    const copy = structuredClone({ ...options, activations: undefined });
    fc.sample(networkArbitrary(options), { seed: 7, numRuns: 5 });
    expect({ ...options, activations: undefined }).toEqual(copy);
    expect(options.activations).toEqual([Activation.relu]);
  });
});

describe('seededNetworkArbitrary', () => {
  it('builds with Network.init from the sizes and seed it prints', () => {
    fc.assert(fc.property(seededNetworkArbitrary(), (net) => {
      const code = fc.stringify(net);
      const match = /^Network\.init\((\[[\d,]+\]), \{ activation: Activation\.byName\("([^"]+)"\), outputActivation: Activation\.byName\("([^"]+)"\), seed: (\d+) \}\)$/.exec(code);
      expect(match, code).not.toBeNull();
      const [, sizes, activation, outputActivation, seed] = match!;
      const made = Network.init(JSON.parse(sizes), {
        activation: Activation.byName(activation),
        outputActivation: Activation.byName(outputActivation),
        seed: Number(seed),
      });
      expect(Network.toJSON(made)).toEqual(Network.toJSON(net));
    }), RUNS);
  });

  it('draws sizes within the ranges and every hidden layer with the same activation', () => {
    const nets = fc.sample(seededNetworkArbitrary({ layers: { min: 2, max: 4 }, width: { min: 2, max: 3 } }), { seed: 8, numRuns: 50 });
    for (const net of nets) {
      expect(net.layers.length >= 2 && net.layers.length <= 4).toBe(true);
      expect(sizesOf(net).every((size) => size >= 2 && size <= 3)).toBe(true);
      expect(new Set(net.layers.slice(0, -1).map((layer) => layer.activation)).size).toBe(1);
    }
  });

  it('draws the same networks for the same fast-check seed', () => {
    const draw = () => fc.sample(seededNetworkArbitrary(), { seed: 9, numRuns: 20 }).map((net) => Network.toJSON(net));
    expect(draw()).toEqual(draw());
  });

  it('throws ValueError for the weights option, which Network.init decides', () => {
    expect(() => seededNetworkArbitrary({ weights: { min: 0, max: 1 } } as never)).toThrow(
      /^seededNetworkArbitrary: unknown option "weights"/);
  });
});

describe('inputArbitrary', () => {
  it('draws size numbers within the range', () => {
    const drawn = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }))
      .chain(([size, min, width]) => fc.tuple(fc.constant({ size, min, max: min + width }), inputArbitrary(size, { min, max: min + width })));
    fc.assert(fc.property(drawn, ([{ size, min, max }, x]) => {
      expect(x).toHaveLength(size);
      for (const v of x) expect(v >= min && v <= max, `${v} in [${min}, ${max}]`).toBe(true);
    }), RUNS);
  });

  it('draws 0 and both ends of the range among its values', () => {
    const values = fc.sample(inputArbitrary(3, { min: -2, max: 1 }), { seed: 10, numRuns: 300 }).flat();
    expect(values).toContain(0);
    expect(values).toContain(-2);
    expect(values).toContain(1);
  });

  it('draws the only value of a range of one point', () => {
    expect(fc.sample(inputArbitrary(2, { min: 0.5, max: 0.5 }), { seed: 1, numRuns: 3 })).toEqual([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]);
  });

  it('throws ValueError when the size is not a positive integer or the range is reversed', () => {
    expect(() => inputArbitrary(0)).toThrow(new ValueError('inputArbitrary: size must be a positive integer, got 0'));
    expect(() => inputArbitrary(2, { min: 1, max: -1 })).toThrow(
      new ValueError('inputArbitrary: options.min must not exceed options.max, got 1 and -1'));
  });
});

describe('targetArbitrary', () => {
  it('draws values within the range by default', () => {
    fc.assert(fc.property(targetArbitrary(4), (t) => t.length === 4 && t.every((v) => v >= -1 && v <= 1)), RUNS);
  });

  it('draws one-hot rows: a single 1 among 0s, at every position sometimes', () => {
    const rows = fc.sample(targetArbitrary(3, { kind: 'one-hot' }), { seed: 11, numRuns: 100 });
    for (const t of rows) expect([...t].sort()).toEqual([0, 0, 1]);
    expect(new Set(rows.map((t) => t.indexOf(1)))).toEqual(new Set([0, 1, 2]));
  });

  it('draws class probabilities: in [0, 1], summing to 1 within rounding', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((size) => targetArbitrary(size, { kind: 'probabilities' })), (p) => {
      expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(Math.abs(p.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    }), RUNS);
  });

  it('throws ValueError for an unknown kind, or a range with another kind', () => {
    expect(() => targetArbitrary(2, { kind: 'labels' as never })).toThrow(
      new ValueError('targetArbitrary: kind must be one of values, one-hot, probabilities, got labels'));
    expect(() => targetArbitrary(2, { kind: 'one-hot', max: 2 })).toThrow(
      new ValueError("targetArbitrary: min and max go with kind 'values' only, not 'one-hot'"));
  });
});

describe('batchArbitrary', () => {
  it('draws an input and target that fit the network, as one example or a batch', () => {
    const drawn = networkArbitrary().chain((net) => fc.tuple(fc.constant(net), batchArbitrary(net)));
    fc.assert(fc.property(drawn, ([net, data]) => {
      expect(fits(net, data)).toBe(true);
      const { loss } = Network.gradient(net, data.input, data.target);
      expect(Number.isFinite(loss)).toBe(true);
    }), RUNS);
  });

  it('draws both shapes with the default shape "either"', () => {
    const net = Network.init([2, 1], { seed: 1 });
    const batches = fc.sample(batchArbitrary(net), { seed: 12, numRuns: 50 }).map((data) => Array.isArray(data.input[0]));
    expect(new Set(batches)).toEqual(new Set([true, false]));
  });

  it('draws batches with rows in the range, or single examples, as asked', () => {
    const net = Network.init([3, 2], { seed: 1 });
    for (const data of fc.sample(batchArbitrary(net, { shape: 'batch', rows: { min: 2, max: 5 } }), { seed: 13, numRuns: 50 })) {
      const rows = rowsOf(data.input).length;
      expect(Array.isArray(data.input[0]) && rows >= 2 && rows <= 5).toBe(true);
      expect(fits(net, data)).toBe(true);
    }
    for (const data of fc.sample(batchArbitrary(net, { shape: 'example' }), { seed: 13, numRuns: 20 })) {
      expect([data.input.length, data.target.length, typeof data.input[0]]).toEqual([3, 2, 'number']);
    }
  });

  it('passes the input range and the target options on', () => {
    const net = Network.init([2, 3], { seed: 1 });
    const arbitrary = batchArbitrary(net, { shape: 'batch', input: { min: 5, max: 6 }, target: { kind: 'one-hot' } });
    for (const { input, target } of fc.sample(arbitrary, { seed: 14, numRuns: 20 })) {
      expect(rowsOf(input).flat().every((v) => v >= 5 && v <= 6)).toBe(true);
      expect(rowsOf(target).every((t) => t.reduce((s, v) => s + v, 0) === 1)).toBe(true);
    }
  });

  it('throws ValueError for something that is not a network, or a bad option', () => {
    expect(() => batchArbitrary({ layers: [] } as never)).toThrow(
      new ValueError('batchArbitrary: expected a Network with at least one layer, got [object Object]'));
    const net = Network.init([2, 1], { seed: 1 });
    expect(() => batchArbitrary(net, { shape: 'rows' as never })).toThrow(
      new ValueError('batchArbitrary: shape must be one of example, batch, either, got rows'));
    expect(() => batchArbitrary(net, { target: { kind: 'probabilities', min: 0 } })).toThrow(
      new ValueError("batchArbitrary: target.min and target.max go with kind 'values' only, not 'probabilities'"));
  });
});

describe('gradientCase', () => {
  it('draws cases that fit, on which gradientCheck passes for every built-in activation', () => {
    fc.assert(fc.property(gradientCase(), (c) => fits(c.net, c) && agrees(c)), RUNS);
  });

  it('draws the same cases for the same fast-check seed', () => {
    const draw = () => fc.sample(gradientCase(), { seed: 15, numRuns: 20 })
      .map(({ net, input, target }) => ({ net: Network.toJSON(net), input, target }));
    expect(draw()).toEqual(draw());
  });

  it('keeps every relu and leakyRelu pre-activation at least kinkMargin from 0', () => {
    const activations = [Activation.relu, Activation.leakyRelu(0.2)];
    fc.assert(fc.property(fc.constantFrom(1e-3, 0.05), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (kinkMargin, seed) => {
      const [c] = fc.sample(gradientCase({ activations, kinkMargin }), { seed, numRuns: 1 });
      expect(kinkDistance(c.net, c.input)).toBeGreaterThanOrEqual(kinkMargin);
      expect(gradientCheck(c.net, c.input, c.target).warnings).toEqual([]);
    }), RUNS);
  });

  it('moves only the bias weights of neurons that come within kinkMargin, which kinkMargin 0 leaves there', () => {
    const draw = (kinkMargin: number) => fc.sample(gradientCase({ activations: [Activation.relu], kinkMargin }), { seed: 16, numRuns: 200 });
    const [moved, kept] = [draw(1e-3), draw(0)];
    const near = kept.filter((c) => kinkDistance(c.net, c.input) < 1e-3);
    expect(near.length).toBeGreaterThan(0);
    moved.forEach((c, i) => {
      const original = kept[i];
      expect([c.input, c.target]).toEqual([original.input, original.target]);
      c.net.layers.forEach((layer, l) => {
        const [bias, ...rest] = layer.weights.toArray() as number[][];
        const [originalBias, ...originalRest] = original.net.layers[l].weights.toArray() as number[][];
        expect(rest).toEqual(originalRest);
        bias.forEach((w, j) => expect(Math.abs(w - originalBias[j])).toBeLessThan(0.1));
      });
      const untouched = kinkDistance(original.net, original.input) >= 1e-3;
      expect(Network.toJSON(c.net)).toEqual(untouched ? Network.toJSON(original.net) : expect.anything());
    });
    expect(near.some((c) => gradientCheck(c.net, c.input, c.target).warnings.length > 0)).toBe(true);
  });

  it('moves pre-activations away from the kinks a custom activation declares, not only 0', () => {
    const shifted = Activation.define({
      name: uniqueName('relu-at-half'),
      apply: (z) => Math.max(z, 0.5),
      derivative: (z) => (z > 0.5 ? 1 : 0),
      kinks: [0.5],
    });
    for (const c of fc.sample(gradientCase({ activations: [shifted], kinkMargin: 0.01 }), { seed: 17, numRuns: 100 })) {
      expect(kinkDistance(c.net, c.input)).toBeGreaterThanOrEqual(0.01);
    }
  });

  it('leaves networks alone whose activations declare no kinks', () => {
    const draw = (kinkMargin: number) => fc.sample(gradientCase({ activations: [Activation.tanh, Activation.sigmoid], kinkMargin }), { seed: 18, numRuns: 20 })
      .map((c) => Network.toJSON(c.net));
    expect(draw(0.1)).toEqual(draw(0));
  });

  it('takes its networks from the network option, such as seededNetworkArbitrary', () => {
    const arbitrary = gradientCase({ network: seededNetworkArbitrary({ layers: 2, activations: [Activation.tanh] }), shape: 'batch' });
    fc.assert(fc.property(arbitrary, (c) => {
      expect(c.net.layers.map((layer) => layer.activation)).toEqual([Activation.tanh, Activation.tanh]);
      expect(Array.isArray(c.input[0]) && fits(c.net, c)).toBe(true);
      return agrees(c);
    }), { numRuns: 30, seed: 0x5eed });
  });

  it('throws ValueError naming gradientCase for network with network options, a negative kinkMargin, or bad sizes', () => {
    expect(() => gradientCase({ network: networkArbitrary(), layers: 2 })).toThrow(
      new ValueError('gradientCase: give either network or the network options, not both; got network and layers'));
    expect(() => gradientCase({ network: 3 as never })).toThrow(
      new ValueError('gradientCase: network must be a fast-check Arbitrary of networks, got 3'));
    expect(() => gradientCase({ kinkMargin: -1 })).toThrow(
      new ValueError('gradientCase: kinkMargin must be a finite number >= 0, got -1'));
    expect(() => gradientCase({ layers: 0 })).toThrow(new ValueError('gradientCase: layers must be an integer >= 1, got 0'));
    expect(() => gradientCase({ rows: { min: 0 } })).toThrow(new ValueError('gradientCase: rows.min must be an integer >= 1, got 0'));
  });
});

describe("a user's property test of a custom activation", () => {
  it('passes for the right derivative', () => {
    const mine = isru(1);
    expect(() => fc.assert(fc.property(gradientCase({ activations: [mine] }), ({ net, input, target }) =>
      gradientCheck(net, input, target).ok), { seed: 0x5eed })).not.toThrow();
  });

  it('fails for a derivative off by a factor of 2, printing a counterexample that rebuilds the network', () => {
    const mine = isru(2);
    const error = thrownBy(() => fc.assert(fc.property(gradientCase({ activations: [mine] }), ({ net, input, target }) =>
      gradientCheck(net, input, target).ok), { seed: 1 }));
    expect(error.message).toMatch(/^Property failed after \d+ tests/);
    expect(error.message).toContain(`Counterexample: [{"net":Network.create([Layer.create(`);
    expect(error.message).toContain(`Activation.byName("${mine.name}")`);
  });

  it('fails for a derivative off by a factor of 2 in a seeded relu network with the custom output', () => {
    const mine = isru(2);
    const network = seededNetworkArbitrary({ activations: [Activation.relu], outputActivations: [mine] });
    expect(() => fc.assert(fc.property(gradientCase({ network }), agrees), { seed: 2 })).toThrow(/Property failed/);
  });
});
