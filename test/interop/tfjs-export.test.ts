import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activation, Layer, Network } from '../../src/index.js';
import { batchArbitrary, builtInActivations, networkArbitrary } from '../../src/testing/index.js';
import { toTFJS } from '../../src/interop/tfjs.js';
import { readyTF, tfPredict } from './engines.js';
import { expectMatrixClose, toNested } from '../helpers.js';

beforeAll(readyTF);

const activations = [...builtInActivations, Activation.leakyRelu(0.2), Activation.leakyRelu(-0.5)];
const cases = networkArbitrary({ layers: { min: 1, max: 4 }, activations }).chain((net) =>
  batchArbitrary(net, { shape: 'batch', rows: { min: 1, max: 5 } }).map(({ input }) => ({ net, input: input as number[][] })),
);

describe('toTFJS', () => {
  it('gives a model whose TF.js predict equals Network.predict to float32 rounding', async () => {
    let worst = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ net, input }) => {
        const expected = toNested(Network.predict(net, input)) as number[][];
        const actual = await tfPredict(toTFJS(net), input);
        expected.flat().forEach((e, k) => { worst = Math.max(worst, Math.abs(actual.flat()[k] - e) / (1e-6 + Math.abs(e))); });
        expectMatrixClose(actual, expected, { rtol: 1e-5, atol: 1e-6 });
      }),
      { seed: 11, numRuns: 200 },
    );
    console.log('worst', worst);
  });
});
