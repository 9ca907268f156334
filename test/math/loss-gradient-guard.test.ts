/**
 * Tests of the checked buffer that src/math/loss-type.ts (`checkLoss`) gives
 * a custom loss's gradient (issue 9, item 8): a non-number the gradient
 * writes (`"0.5"`, `true`, `null`, a BigInt, an object) is refused with the
 * loss, the example and the output named, as a custom activation's is,
 * instead of being coerced by the Float64Array; the built-in losses go
 * through untouched.
 *
 * Sources of expected values: "by hand:" arithmetic in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, ValueError, type Loss as LossType } from '../../src/index.js';
import { checkLoss } from '../../src/math/loss-type.js';

/** 1 input, 2 identity outputs, weights 0 apart from w = [1, 1]: y = [x, x]. */
const net = Network.create([Layer.create([[0, 0], [1, 1]], Activation.identity)]);

/** A squared error whose gradient writes `bad` at output 1 of any example with y_1 > 1, through `how`. */
function writing(bad: unknown, how: 'index' | 'fill' | 'set', name: string): LossType {
  return Loss.define({
    name,
    value: Loss.squaredError.value,
    gradient: (y, t, into) => {
      Loss.squaredError.gradient(y, t, into);
      if (y[1] <= 1) return;
      if (how === 'index') (into as unknown as unknown[])[1] = bad;
      else if (how === 'fill') (into.fill as (v: unknown, start: number) => Float64Array)(bad, 1);
      else (into.set as (s: unknown[], offset: number) => void)([bad], 1);
    },
  });
}

const nonNumbers: [unknown, string][] = [
  ['0.5', '"0.5" (a string)'],
  [true, 'true (a boolean)'],
  [null, 'null'],
  [2n, '2n (a bigint)'],
  [{ valueOf: () => 0.5 }, 'an object'],
];

describe('a custom loss gradient that writes a non-number', () => {
  it.each(nonNumbers)('Network.gradient refuses %s, naming the loss, the example and the output', (bad, shown) => {
    const loss = writing(bad, 'index', 'guardIndex');
    // by hand: x = [[1], [2]] gives y = [1, 1] then [2, 2]; only example 1 has y_1 > 1.
    const call = () => Network.gradient(net, [[1], [2]], [[0, 0], [0, 0]], { loss });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(`Network.gradient: the gradient of loss 'guardIndex' wrote ${shown}, not a number for output 1 of example 1; it must write finite numbers`);
  });

  it('is refused through fill and set as well, and by sgdStep and train', () => {
    for (const how of ['fill', 'set'] as const) {
      const loss = writing('0.5', how, `guard_${how}`);
      expect(() => Network.gradient(net, [2], [0, 0], { loss })).toThrow(
        `Network.gradient: the gradient of loss 'guard_${how}' wrote "0.5" (a string), not a number for output 1 of example 0`,
      );
    }
    const loss = writing(true, 'index', 'guardTrain');
    expect(() => Network.sgdStep(net, [2], [0, 0], { learningRate: 0.1, loss })).toThrow(/^Network\.sgdStep: the gradient of loss 'guardTrain' wrote true \(a boolean\), not a number for output 1 of example 0/);
    expect(() => Network.train(net, [[1], [2]], [[0, 0], [0, 0]], { learningRate: 0.1, epochs: 2, loss })).toThrow(
      /^Network\.train: in epoch 0, the gradient of loss 'guardTrain' wrote true \(a boolean\), not a number for output 1 of example 1/,
    );
  });

  it('a plain object loss (not from Loss.define) is guarded too', () => {
    const plain: LossType = { name: 'plainGuard', value: () => 0, gradient: (_y, _t, into) => { (into as unknown as unknown[])[0] = null; } };
    expect(() => Network.gradient(net, [2], [0, 0], { loss: plain })).toThrow(
      "Network.gradient: the gradient of loss 'plainGuard' wrote null, not a number for output 0 of example 0",
    );
  });

  it.each(nonNumbers)('Loss.check refuses %s with the loss, the example and the output', (bad, shown) => {
    const loss = writing(bad, 'index', 'guardCheck');
    // by hand: outputRange [2, 3] makes y_1 > 1 in example 0 already.
    expect(() => Loss.check(loss, { size: 2, outputRange: [2, 3] })).toThrow(
      `Loss.check: the gradient of loss 'guardCheck' wrote ${shown}, not a number for output 1 of example 0; it must write finite numbers`,
    );
  });

  it('Loss.check refuses a value that is not a number', () => {
    const loss = Loss.define({ name: 'guardValue', value: () => '1' as unknown as number, gradient: (_y, _t, into) => into.fill(0) });
    expect(() => Loss.check(loss)).toThrow(`Loss.check: loss 'guardValue' returned "1" (a string), not a number for example 0; a loss must return a finite number`);
  });
});

describe('what the checked buffer leaves alone', () => {
  it('built-in losses are handed on as they are (no checked buffer, no cost)', () => {
    for (const loss of [Loss.squaredError, Loss.binaryCrossEntropy, Loss.softmaxCrossEntropy, Loss.sigmoidCrossEntropy]) {
      expect(checkLoss(loss, 'test')).toBe(loss);
    }
  });

  it('a custom loss keeps one guarded form, and its methods may use the buffer as a Float64Array', () => {
    const loss = Loss.define({
      name: 'guardMethods',
      value: Loss.squaredError.value,
      gradient: (y, t, into) => {
        into.fill(0);
        into.set([2 * (y[0] - t[0])]);
        into.subarray(1)[0] = 2 * (y[1] - t[1]);
        expect(into.length).toBe(2);
        expect(into instanceof Float64Array).toBe(true);
      },
    });
    expect(checkLoss(checkLoss(loss, 'test'), 'test')).toBe(checkLoss(loss, 'test'));
    // by hand: y = [2, 2], t = [1, 0]: ∂L/∂y = [2, 4]; ∂L/∂w = [-1, x] ⊗ [2, 4] = [[-2, -4], [4, 8]].
    expect(Network.gradient(net, [2], [1, 0], { loss }).weights[0].toArray()).toEqual([[-2, -4], [4, 8]]);
    expect(Loss.check(loss, { size: 2 }).ok).toBe(true);
  });

  it('property: a guarded custom squared error gives the built-in gradient exactly', () => {
    const copy = Loss.define({ name: 'guardCopy', value: Loss.squaredError.value, gradient: Loss.squaredError.gradient });
    fc.assert(fc.property(
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 2 }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      (t, x) => {
        const mine = Network.gradient(net, [x], t, { loss: copy }).weights[0].toArray();
        expect(mine).toEqual(Network.gradient(net, [x], t).weights[0].toArray());
      },
    ), { seed: 9, numRuns: 30 });
  });
});
