import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ValueError, type Loss as LossType } from '../../src/index.js';
import { simdModule } from '../../src/engine/simd.js';
import { firstNonFinite } from '../../src/engine/finite.js';

// Issue 9, item 8: no pass hands on a non-finite z, a or delta, and custom
// activations and losses that return a non-number are refused, not coerced.

const xor = [[0, 0], [0, 1], [1, 0], [1, 1]];
const xorTargets = [[0], [1], [1], [0]];

/** A sigmoid layer whose z overflows to Infinity for x = 10: z = 10 · 1e308. */
const overflowing = Network.create([Layer.create([[0], [1e308]], Activation.sigmoid)]);

/** A relu layer whose z is 1e308·10 + 1e308·(-10)... = Infinity - Infinity = NaN; relu(NaN) is 0. */
const nanRelu = Network.create([
  Layer.create([[0, 0], [1e308, 1], [1e308, 1]], Activation.relu),
  Layer.create([[0], [1], [1]], Activation.identity),
]);

describe('the checks of every pass', () => {
  it('Network.forward refuses a sigmoid z of Infinity, naming layer, neuron and example', () => {
    expect(() => Network.forward(overflowing, [10])).toThrow(ValueError);
    expect(() => Network.forward(overflowing, [10])).toThrow(
      'Network.forward: z of neuron y of layer 1 came out as Infinity for example 0: the weights or inputs are too large for float64',
    );
  });

  it('predict, gradient, sgdStep and train refuse a relu z of NaN', () => {
    const message = 'z of neuron h₁ of layer 1 came out as NaN for example 0';
    expect(() => Network.predict(nanRelu, [10, -10])).toThrow(`Network.predict: ${message}`);
    expect(() => Network.gradient(nanRelu, [10, -10], [0])).toThrow(`Network.gradient: ${message}`);
    expect(() => Network.sgdStep(nanRelu, [10, -10], [0], { learningRate: 0.1 })).toThrow(`Network.sgdStep: ${message}`);
    expect(() => Network.sgdStep(nanRelu, [[0, 0], [10, -10]], [[0], [0]], { learningRate: 0.1 })).toThrow(
      'Network.sgdStep: z of neuron h₁ of layer 1 came out as NaN for example 1',
    );
    expect(() => Network.train(nanRelu, [[0, 0], [10, -10]], [[0], [0]], { learningRate: 0.1, epochs: 1, shuffle: false })).toThrow(
      /^Network\.train: in epoch 0, z of neuron h₁ of layer 1 came out as NaN for example 1: .*try a learningRate below 0\.1$/,
    );
  });

  it('the tiny compiled step refuses a NaN z too, and changes no weight', () => {
    const net = Network.create([Layer.create([[0], [1e308], [1e308]], Activation.relu)]);
    expect(() => Network.sgdStep(net, [10, -10], [0], { learningRate: 0.1 })).toThrow(
      'Network.sgdStep: z of neuron y of layer 1 came out as NaN for example 0',
    );
    expect(net.layers[0].weights.toArray()).toEqual([[0], [1e308], [1e308]]);
  });

  it('Layer.forward refuses a z of Infinity', () => {
    const layer = Layer.create([[0], [1e308]], Activation.sigmoid);
    expect(() => Layer.forward(layer, [10])).toThrow('Layer.forward: z of neuron y of layer 1 came out as Infinity for example 0');
  });

  it.each([
    ['a string', '0.5', '"0.5" (a string), not a number'],
    ['a boolean', true, 'true (a boolean), not a number'],
    ['null', null, 'null, not a number'],
    ['a BigInt', 1n, 'not a number'],
  ])('refuses an activation that returns %s instead of coercing it', (_kind, value, shown) => {
    const odd = Activation.define({ name: `finiteTestReturns${_kind.replace(/\W/g, '')}`, apply: () => value as unknown as number, derivative: () => 1 });
    const net = Network.create([Layer.create([[0], [1]], odd)]);
    expect(() => Network.predict(net, [2])).toThrow(ValueError);
    expect(() => Network.predict(net, [2])).toThrow(/^Network\.predict: activation 'finiteTestReturns\w+' returned .*not a number at z = 2 \(neuron y of layer 1, example 0\)/);
    expect(() => Network.predict(net, [2])).toThrow(shown);
  });

  it('refuses a derivative that returns a string, naming it', () => {
    const odd = Activation.define({ name: 'finiteTestStringSlope', apply: (z) => z, derivative: () => '1' as unknown as number });
    const net = Network.create([Layer.create([[0], [1]], odd)]);
    expect(() => Network.gradient(net, [2], [0])).toThrow(
      "Network.gradient: the derivative of activation 'finiteTestStringSlope' returned \"1\" (a string), not a number at z = 2 (neuron y of layer 1, example 0)",
    );
  });

  it('refuses a custom loss whose value is a string or NaN', () => {
    const stringy: LossType = { name: 'stringy', value: () => '0.5' as unknown as number, gradient: (_y, _t, into) => into.fill(0) };
    const net = Network.create([Layer.create([[0], [1]], Activation.identity)]);
    expect(() => Network.gradient(net, [2], [0], { loss: stringy })).toThrow(
      "Network.gradient: loss 'stringy' returned \"0.5\" (a string), not a number for example 0",
    );
    const nanLoss: LossType = { name: 'nanLoss', value: () => NaN, gradient: (_y, _t, into) => into.fill(NaN) };
    expect(() => Network.train(net, [[1], [2]], [[0], [0]], { learningRate: 0.1, epochs: 3, loss: nanLoss })).toThrow(
      /^Network\.train: in epoch 0, loss 'nanLoss' returned NaN for example \d; a loss must return a finite number$/,
    );
  });

  it('says a custom activation returned NaN when training stops on it, not "try a lower learningRate"', () => {
    const nanny = Activation.define({ name: 'finiteTestNanAbove', apply: (z) => (z > 0.5 ? NaN : z), derivative: () => 1 });
    const call = () => Network.train(Network.init([2, 3, 1], { seed: 1, activation: nanny }), xor, xorTargets, { learningRate: 0.5, epochs: 20 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: in epoch 0, activation 'finiteTestNanAbove' returned NaN at z = [\d.]+ \(neuron h[₁₂₃] of layer 1, example \d\); an activation must return a finite number$/u);
  });
});

describe('Loss.binaryCrossEntropy domain', () => {
  it('refuses the identity outputs of issue 9 item 9 instead of training to garbage', () => {
    const call = () => Network.train(Network.init([2, 3, 1], { seed: 1 }), xor, xorTargets, { learningRate: 0.5, epochs: 200, loss: Loss.binaryCrossEntropy });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.train: in epoch 0, loss 'binaryCrossEntropy' takes outputs in \[0, 1\], got -?[\d.]+ for output 0 of example \d; .*sigmoid output layer.*Loss\.sigmoidCrossEntropy/);
  });

  it('refuses a target outside [0, 1], naming the example and the output', () => {
    const net = Network.create([Layer.create([[0, 0], [1, 1]], Activation.sigmoid)]);
    expect(() => Network.gradient(net, [[0], [0]], [[0, 1], [1, 2]], { loss: Loss.binaryCrossEntropy })).toThrow(
      "Network.gradient: loss 'binaryCrossEntropy' takes targets in [0, 1], got 2 for output 1 of example 1",
    );
  });

  it('still clamps outputs of exactly 0 and 1', () => {
    const net = Network.create([Layer.create([[0], [1e3]], Activation.sigmoid)]);
    expect(Network.gradient(net, [1], [0], { loss: Loss.binaryCrossEntropy }).loss).toBeCloseTo(40 * Math.LN2, 12);
  });
});

describe('the checks on the SIMD kernels (wide layers)', () => {
  // Layers this wide take the WebAssembly kernels (src/engine/wasm-pass.ts),
  // whose passes must refuse what the plain loops refuse.
  const ones = (n: number, m: number) => Array.from({ length: n + 1 }, () => Array.from({ length: m }, () => 1));
  const wide = Network.create([Layer.create(ones(64, 64), Activation.sigmoid), Layer.create(ones(64, 2), Activation.identity)]);
  const huge = Array.from({ length: 64 }, () => 1e308);
  const small = Array.from({ length: 64 }, (_, k) => (k % 7) / 70);
  const message = 'z of neuron h₁ of layer 1 came out as Infinity for example 0';

  it('run where this test says they do', () => {
    expect(simdModule()).not.toBeNull();
  });

  it('sgdStep and train, per example and in batches, refuse a z that overflows', () => {
    expect(() => Network.sgdStep(wide, huge, [0, 0], { learningRate: 0.1 })).toThrow(`Network.sgdStep: ${message}`);
    const rows = [huge, ...Array.from({ length: 7 }, () => small)];
    const targets = rows.map(() => [0, 0]);
    expect(() => Network.sgdStep(wide, rows, targets, { learningRate: 0.1 })).toThrow(`Network.sgdStep: ${message}`);
    expect(() => Network.train(wide, rows, targets, { learningRate: 0.1, epochs: 1, shuffle: false })).toThrow(`Network.train: in epoch 0, ${message}`);
    expect(() => Network.train(wide, rows, targets, { learningRate: 0.1, epochs: 1, shuffle: false, batchSize: 8 })).toThrow(`Network.train: in epoch 0, ${message}`);
  });

  it('sgdStep refuses a custom loss gradient that writes a non-number, naming the loss', () => {
    const loss: LossType = Loss.define({
      name: 'wideStringGradient',
      value: () => 1,
      gradient: (_y, _t, out) => { (out as unknown as unknown[])[1] = '0.5'; out[0] = 0; },
    });
    expect(() => Network.sgdStep(wide, small, [0, 0], { learningRate: 0.1, loss })).toThrow(
      /^Network\.sgdStep: the gradient of loss 'wideStringGradient' wrote "0\.5" \(a string\), not a number for output 1 of example 0/,
    );
  });

  it('a batch gradient refuses a custom derivative that returns NaN, naming it', () => {
    const bad = Activation.define({ name: 'wideNaNDerivative', apply: (z) => z, derivative: () => Number.NaN });
    const net = Network.create([Layer.create(ones(64, 64), bad), Layer.create(ones(64, 2), Activation.identity)]);
    const rows = Array.from({ length: 8 }, () => small);
    expect(() => Network.gradient(net, rows, rows.map(() => [0, 0]))).toThrow(/^Network\.gradient: .*wideNaNDerivative/);
  });
});

describe('firstNonFinite', () => {
  /** The plain scan it must agree with: the first k in [from, to) that is not finite. */
  const plain = (values: Float64Array, from: number, to: number) => {
    for (let k = from; k < to; k++) if (!Number.isFinite(values[k])) return k;
    return -1;
  };

  it('finds the first NaN or infinity in [from, to), of any length and offset', () => {
    const entry = fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: -1e308, max: 1e308, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0) },
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.nat(), fc.nat(), (numbers, a, b) => {
        const values = Float64Array.from(numbers);
        const from = numbers.length === 0 ? 0 : a % (numbers.length + 1);
        const to = from + (b % (numbers.length - from + 1));
        expect(firstNonFinite(values, from, to)).toBe(plain(values, from, to));
        expect(firstNonFinite(values)).toBe(plain(values, 0, values.length));
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});

describe('the check of the new weights of Network.sgdStep', () => {
  // by hand: identity, z = -1·0 + 0·x1 + ... + 0·xn = 0; with t = -1e150 the delta is 2(0 - t) = 2e150,
  // and the gradient of the weight from x2 = 1e200 is 1e200 · 2e150 = 2e350, which overflows: the new weight is -Infinity.
  // 3 inputs: the first layer (4 weights) is scanned whole; 70 (71 weights): only the bias row and the rows of inputs not 0.
  const message = /^Network\.sgdStep: a new weight of layer 1 came out as -Infinity/;
  for (const n of [3, 70]) {
    const net = Network.create([Layer.create(Array.from({ length: n + 1 }, () => [0]), Activation.identity)]);
    const input = (x2: number) => Array.from({ length: n }, (_, i) => (i === 1 ? x2 : 0));

    it(`refuses a new weight that overflows in the row of an input that is not 0 (${n} inputs)`, () => {
      expect(() => Network.sgdStep(net, input(1e200), [-1e150], { learningRate: 0.1 })).toThrow(message);
    });

    it(`in a batch, looks at the row of an input that is not 0 in some example (${n} inputs)`, () => {
      expect(() => Network.sgdStep(net, [input(0), input(1e200)], [[0], [-1e150]], { learningRate: 0.1 })).toThrow(message);
    });
  }
});
