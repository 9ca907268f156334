/**
 * Issue 9, item 15: every option of the verification, teaching, drawing,
 * testing and interop functions may be given as an explicit `undefined`
 * (the types say `name?: T | undefined`, see test/types/consumer.ts), and
 * at run time an explicit `undefined` is the option being absent: each call
 * below gives the same result with every option `undefined` as with `{}`.
 *
 * Source of expected values: the same call with no options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Activation, Layer, Loss, Network, decisionBoundaryToSVG, directionalCheck, explanationToMarkdown,
  formatGradientReport, gradientCheck, lossCurveToSVG, networkToSVG, taylorTest,
} from '../../src/index.js';
import { batchArbitrary, gradientCase, inputArbitrary, networkArbitrary, seededNetworkArbitrary, targetArbitrary } from '../../src/testing/index.js';
import { toONNX } from '../../src/interop/onnx.js';

/** `{ key: undefined }` for every key. */
const allUndefined = (...keys: string[]): Record<string, undefined> => Object.fromEntries(keys.map((k) => [k, undefined]));

const net = Network.create([
  Layer.create([[0.5, -0.5], [1, 2], [-1, 0.5]], Activation.tanh),
  Layer.create([[0.1], [1], [-2]], Activation.sigmoid),
]);
const x = [1, 2];
const t = [0.25];

/** A sample of fast-check values, seeded: the same draws for the same arbitrary. */
const drawn = <T>(arbitrary: fc.Arbitrary<T>): T[] => fc.sample(arbitrary, { seed: 5, numRuns: 3 });

describe('an explicit undefined is an absent option', () => {
  it('gradientCheck, formatGradientReport, directionalCheck, taylorTest', () => {
    const check = allUndefined('epsilon', 'tolerance', 'absoluteTolerance', 'loss', 'reference', 'digits', 'sample', 'seed', 'inputs');
    const report = gradientCheck(net, x, t, check);
    expect(report).toEqual(gradientCheck(net, x, t, {}));
    expect(formatGradientReport(report, allUndefined('rows', 'warnings'))).toBe(formatGradientReport(report, {}));
    const along = allUndefined('loss', 'seed', 'reference', 'digits');
    expect(directionalCheck(net, x, t, { ...along, ...allUndefined('directions', 'tolerance', 'absoluteTolerance') })).toEqual(directionalCheck(net, x, t, {}));
    expect(taylorTest(net, x, t, { ...along, steps: undefined })).toEqual(taylorTest(net, x, t, {}));
  });

  it('Activation.check and Loss.check', () => {
    const activation = allUndefined('from', 'to', 'points', 'extra', 'epsilon', 'tolerance', 'absoluteTolerance');
    expect(Activation.check(Activation.tanh, activation)).toEqual(Activation.check(Activation.tanh, {}));
    const loss = allUndefined('size', 'samples', 'seed', 'outputRange', 'targetRange', 'epsilon', 'tolerance', 'absoluteTolerance');
    expect(Loss.check(Loss.squaredError, loss)).toEqual(Loss.check(Loss.squaredError, {}));
  });

  it('Network.explain, explanationToMarkdown and the pictures', () => {
    const explained = Network.explain(net, x, t, { learningRate: 0.5, loss: undefined, optimizer: undefined, state: undefined });
    expect(explained).toEqual(Network.explain(net, x, t, { learningRate: 0.5 }));
    expect(explanationToMarkdown(explained, allUndefined('digits', 'notation'))).toBe(explanationToMarkdown(explained, {}));
    const drawing = allUndefined('decimals', 'explanation', 'notation', 'title', 'weights', 'summary');
    expect(networkToSVG(net, drawing)).toBe(networkToSVG(net, {}));
    const history = { losses: [1, 0.5, 0.25], validationLosses: undefined };
    expect(lossCurveToSVG(history, allUndefined('width', 'height', 'logScale', 'title'))).toBe(lossCurveToSVG({ losses: [1, 0.5, 0.25] }, {}));
    const classifier = Network.create([Layer.create([[0], [1], [-1]], Activation.sigmoid)]);
    const data = { points: [[0, 1], [1, 0]], labels: [0, 1] };
    const boundary = allUndefined('show', 'cells', 'size', 'xRange', 'yRange', 'title');
    expect(decisionBoundaryToSVG(classifier, { ...data, ...boundary })).toBe(decisionBoundaryToSVG(classifier, data));
  });

  it('the arbitraries of mathjs-backprop/testing, and toONNX', () => {
    const shape = allUndefined('layers', 'width', 'inputSize', 'outputSize', 'activations', 'outputActivations');
    expect(drawn(networkArbitrary({ ...shape, weights: undefined }))).toEqual(drawn(networkArbitrary({})));
    expect(drawn(seededNetworkArbitrary(shape))).toEqual(drawn(seededNetworkArbitrary({})));
    const range = allUndefined('min', 'max');
    expect(drawn(inputArbitrary(3, range))).toEqual(drawn(inputArbitrary(3, {})));
    expect(drawn(targetArbitrary(3, { ...range, kind: undefined }))).toEqual(drawn(targetArbitrary(3, {})));
    const batch = allUndefined('shape', 'rows', 'input', 'target');
    expect(drawn(batchArbitrary(net, batch))).toEqual(drawn(batchArbitrary(net, {})));
    expect(drawn(gradientCase({ ...shape, ...batch, network: undefined, kinkMargin: undefined, weights: undefined }))).toEqual(drawn(gradientCase({})));
    expect(toONNX(net, { dtype: undefined })).toEqual(toONNX(net, {}));
  });
});
