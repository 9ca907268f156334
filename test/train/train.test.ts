/**
 * Tests of src/train.ts: `Network.train`, mini-batch gradient descent over
 * the flat kernels.
 *
 * Sources of expected values: `Network.sgdStep` and `Network.gradient` (the
 * tested one-step API) called by hand on the same batches in the same order,
 * which `train` must match bit for bit (`toEqual` on the weights): both run
 * the same kernels on the same numbers in the same order. The one-weight
 * example is worked by hand in its comment.
 */
import fc from 'fast-check';
import { matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ShapeError, ValueError, type TrainOptions } from '../../src/index.js';
import { createRandom, shuffleInPlace } from '../../src/engine/random.js';

const RUNS = { numRuns: 40 };

function weightsOf(net: Network): number[][][] {
  return net.layers.map((layer) => layer.weights.toArray() as number[][]);
}

/** A random network and data set that fit it: `rows` examples of `sizes[0]` inputs. */
interface Problem {
  readonly net: Network;
  readonly inputs: number[][];
  readonly targets: number[][];
}

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });
const problem: fc.Arbitrary<Problem> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    rows: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    activation: fc.constantFrom(Activation.sigmoid, Activation.tanh, Activation.softplus),
  })
  .chain(({ sizes, rows, seed, activation }) => {
    const matrixOf = (cols: number) => fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
    return fc.record({
      net: fc.constant(Network.init(sizes, { seed, activation })),
      inputs: matrixOf(sizes[0]),
      targets: matrixOf(sizes[sizes.length - 1]),
    });
  });

/** `epochs` passes of `Network.sgdStep` over batches of `orderOf(epoch)`; returns the net and epoch losses. */
function byHand(p: Problem, epochs: number, batchSize: number, orderOf: (epoch: number) => number[], learningRate = 0.1) {
  let net = p.net;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = orderOf(epoch);
    const batchLosses: number[] = [];
    for (let start = 0; start < order.length; start += batchSize) {
      const rows = order.slice(start, start + batchSize);
      const x = rows.map((r) => p.inputs[r]);
      const t = rows.map((r) => p.targets[r]);
      batchLosses.push(Network.gradient(net, x, t).loss);
      net = Network.sgdStep(net, x, t, { learningRate });
    }
    losses.push(batchLosses.reduce((sum, loss) => sum + loss, 0) / batchLosses.length);
  }
  return { net, losses };
}

/** The documented shuffle: Fisher–Yates of the previous order, seeded once. */
function shuffledOrders(rows: number, seed: number): (epoch: number) => number[] {
  const random = createRandom(seed);
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  return () => {
    shuffleInPlace(order, random);
    return Array.from(order);
  };
}

const inOrder = (rows: number) => () => Array.from({ length: rows }, (_, i) => i);

/** y = -w0 + w1·x from zero weights, one example x = 1, t = 2. */
const line = Network.create([Layer.create([[0], [0]], Activation.identity)]);

describe('Network.train', () => {
  it('reaches the exact fit of one example in one step (by hand: ∂L/∂w = 2(0 - 2)·[-1, 1] = [4, -4])', () => {
    const result = Network.train(line, [[1]], [[2]], { learningRate: 0.25, epochs: 2 });
    expect(result.losses).toEqual([4, 0]);
    expect(weightsOf(result.network)).toEqual([[[-1], [1]]]);
    expect(result).not.toHaveProperty('validationLosses');
  });

  it('equals Network.sgdStep on the same batches in order, bit for bit, with shuffle false', () => {
    fc.assert(fc.property(problem, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 3 }), (p, batchSize, epochs) => {
      const result = Network.train(p.net, p.inputs, p.targets, { learningRate: 0.1, epochs, batchSize, shuffle: false });
      const expected = byHand(p, epochs, batchSize, inOrder(p.inputs.length));
      expect(weightsOf(result.network)).toEqual(weightsOf(expected.net));
      expect(result.losses).toEqual(expected.losses);
    }), RUNS);
  });

  it('equals Network.sgdStep on batches in the seeded Fisher–Yates order, reshuffled each epoch', () => {
    fc.assert(fc.property(problem, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (p, batchSize, seed) => {
      const result = Network.train(p.net, p.inputs, p.targets, { learningRate: 0.1, epochs: 3, batchSize, seed });
      const expected = byHand(p, 3, batchSize, shuffledOrders(p.inputs.length, seed));
      expect(weightsOf(result.network)).toEqual(weightsOf(expected.net));
      expect(result.losses).toEqual(expected.losses);
    }), RUNS);
  });

  it('gives the same losses and weights for the same seed and different ones for different seeds', () => {
    const net = Network.init([2, 4, 1], { seed: 1 });
    const inputs = Array.from({ length: 12 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
    const targets = inputs.map(([a, b]) => [a * b]);
    const run = (seed: number) => Network.train(net, inputs, targets, { learningRate: 0.05, epochs: 5, seed });
    expect(run(7).losses).toEqual(run(7).losses);
    expect(weightsOf(run(7).network)).toEqual(weightsOf(run(7).network));
    expect(run(7).losses).not.toEqual(run(8).losses);
    expect(weightsOf(run(7).network)).not.toEqual(weightsOf(run(8).network));
  });

  it('takes a batchSize above the number of examples as one batch of all of them', () => {
    fc.assert(fc.property(problem, (p) => {
      const result = Network.train(p.net, p.inputs, p.targets, { learningRate: 0.1, epochs: 2, batchSize: 50, shuffle: false });
      expect(weightsOf(result.network)).toEqual(weightsOf(byHand(p, 2, p.inputs.length, inOrder(p.inputs.length)).net));
    }), RUNS);
  });

  it('uses the given loss, as Network.sgdStep does', () => {
    const net = Network.init([2, 3, 2], { seed: 4 });
    const inputs = [[0.5, -1], [2, 0.25], [-1, -1]];
    const targets = [[1, 0], [0, 1], [0.5, 0.5]];
    const loss = Loss.softmaxCrossEntropy;
    const result = Network.train(net, inputs, targets, { learningRate: 0.5, epochs: 1, batchSize: 2, shuffle: false, loss });
    const first = Network.sgdStep(net, inputs.slice(0, 2), targets.slice(0, 2), { learningRate: 0.5, loss });
    const second = Network.sgdStep(first, inputs.slice(2), targets.slice(2), { learningRate: 0.5, loss });
    expect(weightsOf(result.network)).toEqual(weightsOf(second));
  });

  it('accepts mathjs matrices', () => {
    const result = Network.train(line, matrix([[1]]), matrix([[2]]), { learningRate: 0.25, epochs: 2 });
    expect(result.losses).toEqual([4, 0]);
  });

  it('does not mutate the network, the inputs, the targets or the options', () => {
    fc.assert(fc.property(problem, (p) => {
      const before = weightsOf(p.net);
      const inputs = structuredClone(p.inputs);
      const targets = structuredClone(p.targets);
      inputs.forEach((row) => Object.freeze(row));
      targets.forEach((row) => Object.freeze(row));
      const options = Object.freeze({ learningRate: 0.1, epochs: 2, batchSize: 2, validation: Object.freeze({ inputs, targets }) });
      Network.train(p.net, Object.freeze(inputs), Object.freeze(targets), options);
      expect(weightsOf(p.net)).toEqual(before);
      expect(inputs).toEqual(p.inputs);
      expect(targets).toEqual(p.targets);
    }), RUNS);
  });
});

describe('Network.train onEpoch', () => {
  const net = Network.init([2, 3, 1], { seed: 2 });
  const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const targets = [[0], [1], [1], [0]];
  const base = { learningRate: 0.5, epochs: 20, seed: 3 };

  it('stops training when it returns false: stopping on its third call leaves three losses', () => {
    let calls = 0;
    const result = Network.train(net, inputs, targets, { ...base, onEpoch: () => ++calls < 3 });
    expect(calls).toBe(3);
    expect(result.losses).toHaveLength(3);
    expect(result.losses).toEqual(Network.train(net, inputs, targets, { ...base, epochs: 3 }).losses);
  });

  it('goes on when it returns true or nothing', () => {
    let calls = 0;
    const result = Network.train(net, inputs, targets, { ...base, onEpoch: () => { calls++; } });
    expect(calls).toBe(20);
    expect(Network.train(net, inputs, targets, { ...base, onEpoch: () => true }).losses).toEqual(result.losses);
  });

  it('receives { epoch, loss, network } with epochs from 0, losses[epoch] and a copy of the network', () => {
    const seen: { epoch: number; loss: number; network: Network; keys: string[] }[] = [];
    const result = Network.train(net, inputs, targets, {
      ...base,
      epochs: 4,
      onEpoch: (info) => { seen.push({ ...info, keys: Object.keys(info).sort() }); },
    });
    expect(seen.map((info) => info.epoch)).toEqual([0, 1, 2, 3]);
    expect(seen.map((info) => info.loss)).toEqual(result.losses);
    expect(seen[0].keys).toEqual(['epoch', 'loss', 'network']);
    expect(weightsOf(seen[3].network)).toEqual(weightsOf(result.network));
    const afterOne = Network.train(net, inputs, targets, { ...base, epochs: 1 }).network;
    expect(weightsOf(seen[0].network)).toEqual(weightsOf(afterOne));
  });
});

describe('Network.train validation', () => {
  const net = Network.init([2, 3, 1], { seed: 5 });
  const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const targets = [[0], [1], [1], [0]];
  const validation = { inputs: [[0.5, 0.5], [0.2, 0.9]], targets: [[0.5], [1]] };

  it('reports the validation loss of each epoch: Network.gradient on the network after it', () => {
    const networks: Network[] = [];
    const reported: (number | undefined)[] = [];
    const result = Network.train(net, inputs, targets, {
      learningRate: 0.5,
      epochs: 3,
      validation,
      onEpoch: ({ network, validationLoss }) => { networks.push(network); reported.push(validationLoss); },
    });
    const expected = networks.map((n) => Network.gradient(n, validation.inputs, validation.targets).loss);
    expect(result.validationLosses).toEqual(expected);
    expect(reported).toEqual(expected);
  });

  it('does not change the training itself', () => {
    const options = { learningRate: 0.5, epochs: 3 };
    const plain = Network.train(net, inputs, targets, options);
    const validated = Network.train(net, inputs, targets, { ...options, validation });
    expect(validated.losses).toEqual(plain.losses);
    expect(weightsOf(validated.network)).toEqual(weightsOf(plain.network));
  });
});

describe('Network.train errors', () => {
  const net = Network.init([2, 3, 1], { seed: 6 });
  const inputs = [[0, 0], [0, 1], [1, 0]];
  const targets = [[0], [1], [1]];
  const good: TrainOptions = { learningRate: 0.1, epochs: 2 };
  const train = (options: unknown) => () => Network.train(net, inputs, targets, options as TrainOptions);

  it.each([
    [{ epochs: 2 }, /^Network\.train: learningRate must be a positive finite number, got undefined$/],
    [{ ...good, learningRate: 0 }, /^Network\.train: learningRate must be a positive finite number, got 0$/],
    [{ ...good, learningRate: Infinity }, /learningRate must be a positive finite number, got Infinity$/],
    [{ learningRate: 0.1 }, /^Network\.train: epochs must be a positive integer, got undefined$/],
    [{ ...good, epochs: 0 }, /^Network\.train: epochs must be a positive integer, got 0$/],
    [{ ...good, epochs: 2.5 }, /^Network\.train: epochs must be a positive integer, got 2\.5$/],
    [{ ...good, batchSize: 0 }, /^Network\.train: batchSize must be a positive integer, got 0$/],
    [{ ...good, batchSize: '4' }, /^Network\.train: batchSize must be a positive integer, got "4" \(a string\)$/],
    [{ ...good, shuffle: 'yes' }, /^Network\.train: shuffle must be true or false, got "yes" \(a string\)$/],
    [{ ...good, seed: -3 }, /^Network\.train: seed must be an integer from 0 to 4294967295, got -3$/],
    [{ ...good, loss: 'squaredError' }, /^Network\.train: loss must be a Loss with name, value and gradient/],
    [{ ...good, onEpoch: true }, /^Network\.train: onEpoch must be a function, got true \(a boolean\)$/],
    [{ ...good, validation: [[0, 0]] }, /^Network\.train: validation must be an object \{ inputs, targets \}/],
    [{ ...good, learningrate: 0.1 }, /^Network\.train: unknown option "learningrate"; the options are learningRate, epochs, batchSize/],
  ])('throws ValueError for the options %j', (options, message) => {
    expect(train(options)).toThrow(ValueError);
    expect(train(options)).toThrow(message);
  });

  it('throws ValueError when options is missing', () => {
    expect(train(undefined)).toThrow(/^Network\.train: options must be an object, got undefined$/);
  });

  it('throws ShapeError naming the sizes when the inputs do not fit the network', () => {
    const call = () => Network.train(net, [[0, 0, 1]], [[0]], good);
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/^Network\.train: inputs must have 2 entries per row, got 3$/);
  });

  it('throws ShapeError when the targets do not fit the output', () => {
    expect(() => Network.train(net, inputs, [[0, 1], [1, 1], [1, 0]], good)).toThrow(/^Network\.train: targets must have 1 entries per row, got 2$/);
  });

  it('throws ShapeError naming both counts when targets and inputs have different numbers of rows', () => {
    const call = () => Network.train(net, inputs, [[0], [1]], good);
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/^Network\.train: targets must have a row for each of the 3 rows of inputs, got 2$/);
    try {
      call();
    } catch (error) {
      expect((error as ShapeError).expected).toEqual([3, 1]);
      expect((error as ShapeError).actual).toEqual([2, 1]);
    }
  });

  it('throws ShapeError for one example given as a vector', () => {
    expect(() => Network.train(net, [0, 1], [1], good)).toThrow(
      /^Network\.train: inputs must be a matrix with one example per row, got a vector of 2; write one example as \[\[\.\.\.\]\]$/,
    );
  });

  it('throws ShapeError when the validation data does not fit', () => {
    const validation = { inputs: [[0, 1]], targets: [[1], [0]] };
    expect(() => Network.train(net, inputs, targets, { ...good, validation })).toThrow(
      /^Network\.train: validation\.targets must have a row for each of the 1 rows of validation\.inputs, got 2$/,
    );
    expect(() => Network.train(net, inputs, targets, { ...good, validation: { inputs: [[1]], targets: [[1]] } })).toThrow(
      /^Network\.train: validation\.inputs must have 2 entries per row, got 1$/,
    );
  });

  it('throws ValueError for a number that is not finite in the data', () => {
    expect(() => Network.train(net, [[0, NaN]], [[0]], good)).toThrow(/^Network\.train: inputs\[0\]\[1\] must be finite, got NaN$/);
  });

  it('throws ValueError when training diverges instead of returning NaN weights', () => {
    const call = () => Network.train(line, [[100]], [[1]], { learningRate: 10, epochs: 200 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: in epoch \d+, .*(NaN|Infinity).*; training diverged: try a learningRate below 10$/);
  });

  it('checks everything before training: a bad validation set stops it before onEpoch runs', () => {
    let calls = 0;
    const options = { ...good, onEpoch: () => { calls++; }, validation: { inputs: [[1, 1]], targets: [[1, 1]] } };
    expect(() => Network.train(net, inputs, targets, options)).toThrow(ShapeError);
    expect(calls).toBe(0);
  });
});
