/**
 * Tests of `Network.explain` with `{ optimizer, state? }` and of its
 * Markdown (src/teach/optimizer-step.ts, src/teach/optimizer-markdown.ts).
 *
 * Sources of expected values:
 * - `Optimizer.step` with `Network.gradient` of the same example (tested
 *   against PyTorch's formulas in test/optim), which explain must equal bit
 *   for bit: it runs the same kernel on the same numbers.
 * - The notebook's gradients in 50-digit decimal (test/fixtures/notebook-golden.py)
 *   and, by hand: Adam's first step has `m = (1 - β1) g`, `v = (1 - β2) g²`,
 *   so `m̂ = g`, `v̂ = g²` and the step is `η · g / (|g| + ε)`; momentum's
 *   first step has `b = g`, which is plain SGD's step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, explanationToMarkdown, Layer, Network, Optimizer, ValueError, type OptimizerState } from '../../src/index.js';
import { golden, setup } from '../fixtures/notebook-golden.js';
import { expectMatrixClose } from '../support/helpers.js';
import { optimizerArbitrary, problemArbitrary, weightsOf } from '../support/train-problems.js';

const TRUE = { rtol: 1e-12, atol: 1e-15 };

function notebookNetwork(): Network {
  return Network.create([
    Layer.create(structuredClone(setup.V), Activation.sigmoid),
    Layer.create(structuredClone(setup.W), Activation.identity),
  ]);
}

describe('Network.explain with an optimizer', () => {
  it('shows Adam\'s first step on the notebook: m̂ = g, v̂ = g², the step η · g / (|g| + ε) (by hand)', () => {
    const adam = Optimizer.adam({ learningRate: 0.1 });
    const e = Network.explain(notebookNetwork(), setup.x, setup.t, { optimizer: adam });
    const out = e.layers[1];
    const g = golden.gradientW.map((row) => row.map(Number));
    expectMatrixClose(out.optimizer!.gradient as number[][], g, TRUE);
    expectMatrixClose(out.optimizer!.buffers.firstMoment as number[][], g.map((r) => r.map((x) => 0.1 * x)), TRUE);
    expectMatrixClose(out.optimizer!.buffers.secondMoment as number[][], g.map((r) => r.map((x) => 0.001 * x * x)), TRUE);
    expectMatrixClose(out.optimizer!.firstMomentHat as number[][], g, TRUE);
    expectMatrixClose(out.optimizer!.secondMomentHat as number[][], g.map((r) => r.map((x) => x * x)), TRUE);
    const byHand = setup.W.map((row, i) => row.map((w, j) => w - (0.1 * g[i][j]) / (Math.abs(g[i][j]) + 1e-8)));
    expectMatrixClose(out.updatedWeights as number[][], byHand, TRUE);
    expect(e.optimizer!.step).toBe(1);
    expect(e.optimizer!.corrections!.beta1).toBeCloseTo(0.1, 15);
    expect(e.learningRate).toBe(0.1);
  });

  it('shows momentum\'s first step as plain SGD\'s (by hand: b = g), its buffer equal to the gradient', () => {
    const e = Network.explain(notebookNetwork(), setup.x, setup.t, { optimizer: Optimizer.sgd({ learningRate: 0.1, momentum: 0.9 }) });
    const plain = Network.explain(notebookNetwork(), setup.x, setup.t, { learningRate: 0.1 });
    e.layers.forEach((layer, l) => {
      expect(layer.updatedWeights).toEqual(plain.layers[l].updatedWeights);
      expect(layer.optimizer!.buffers.momentum).toEqual(plain.layers[l].gradient);
      expect(layer.optimizer!.previous.momentum.flat().every((x) => x === 0)).toBe(true);
    });
    expect(plain).not.toHaveProperty('optimizer');
  });

  it('equals Optimizer.step bit for bit, two steps in a row with the state passed on, for every optimizer', () => {
    fc.assert(fc.property(problemArbitrary(1), optimizerArbitrary, (p, o) => {
      const [x, t] = [p.inputs[0], p.targets[0]];
      const first = Network.explain(p.net, x, t, { optimizer: o });
      const state0 = Optimizer.init(o, p.net);
      const step1 = Optimizer.step(o, p.net, Network.gradient(p.net, x, t).weights, state0);
      expect(first.layers.map((l) => l.updatedWeights)).toEqual(weightsOf(step1.network));
      expect(first.optimizer!.state).toEqual(step1.state);
      const state = JSON.parse(JSON.stringify(first.optimizer!.state)) as OptimizerState;
      const second = Network.explain(step1.network, x, t, { optimizer: o, state });
      const step2 = Optimizer.step(o, step1.network, Network.gradient(step1.network, x, t).weights, step1.state);
      expect(second.layers.map((l) => l.updatedWeights)).toEqual(weightsOf(step2.network));
      expect(second.optimizer!.step).toBe(2);
      expect(second.layers.map((l) => l.optimizer!.previous)).toEqual(first.layers.map((l) => l.optimizer!.buffers));
    }), { numRuns: 30, seed: 31 });
  });

  it('does not mutate the state it is given', () => {
    const o = Optimizer.adam();
    const net = notebookNetwork();
    const state = structuredClone(Network.explain(net, setup.x, setup.t, { optimizer: o }).optimizer!.state);
    const copy = structuredClone(state);
    Network.explain(net, setup.x, setup.t, { optimizer: o, state });
    expect(state).toEqual(copy);
  });

  it('throws ValueError for learningRate with optimizer, a state without one, and a state of another optimizer', () => {
    const net = notebookNetwork();
    const adam = Optimizer.adam();
    expect(() => Network.explain(net, setup.x, setup.t, { learningRate: 0.1, optimizer: adam })).toThrow(
      /^Network\.explain: give learningRate or optimizer, not both .*got learningRate 0\.1 and an optimizer$/,
    );
    expect(() => Network.explain(net, setup.x, setup.t, { learningRate: 0.1, state: Optimizer.init(adam, net) })).toThrow(
      /^Network\.explain: state needs an optimizer, got state without one$/,
    );
    const sgdState = Optimizer.init(Optimizer.sgd({ learningRate: 0.1, momentum: 0.5 }), net);
    const call = () => Network.explain(net, setup.x, setup.t, { optimizer: adam, state: sgdState });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/^Network\.explain: state belongs to optimizer "sgd"/);
  });
});

describe('explanationToMarkdown with an optimizer', () => {
  const net = notebookNetwork();

  it('writes Adam\'s m, v, m̂, v̂ and the new weight of each weight', () => {
    const text = explanationToMarkdown(Network.explain(net, setup.x, setup.t, { optimizer: Optimizer.adam({ learningRate: 0.1 }) }));
    expect(text).toContain('The update is the optimiser `adam`');
    expect(text).toContain('1 - \\beta_1^{1} = 0.1');
    // By hand, W_{0,1}: g = δ_o · (-1) = 11.1899 (golden), m = 0.1 · g, v = 0.001 · g², m̂ = g, v̂ = g².
    expect(text).toContain('m &= \\beta_1 m + (1 - \\beta_1)\\, g = 0.9 \\cdot 0 + 0.1 \\cdot 11.1899 = 1.11899');
    expect(text).toContain('\\hat{v} &= v / (1 - \\beta_2^t) = 0.125215 / 0.001 = 125.215');
    expect(text).toContain('W_{0,1} &\\leftarrow W_{0,1} - \\eta\\, \\hat{m} / (\\sqrt{\\hat{v}} + \\epsilon) = 1 - 0.1 \\cdot 11.1899 / (\\sqrt{125.215} + 1 \\times 10^{-8}) = 0.9');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes momentum\'s buffer and step, and survives a JSON round trip', () => {
    const first = Network.explain(net, setup.x, setup.t, { optimizer: Optimizer.sgd({ learningRate: 0.1, momentum: 0.9 }) });
    const e = JSON.parse(JSON.stringify(first));
    const text = explanationToMarkdown(e);
    expect(text).toContain('SGD with momentum $\\mu$ = $0.9$');
    expect(text).toContain('b &= g \\text{ (the first step)}');
    expect(explanationToMarkdown(first)).toBe(text);
  });

  it('throws ValueError for an explanation whose optimizer part is damaged', () => {
    const e = structuredClone(Network.explain(net, setup.x, setup.t, { optimizer: Optimizer.adam() })) as unknown as {
      layers: { optimizer: { firstMomentHat?: unknown } }[];
    };
    delete e.layers[1].optimizer.firstMomentHat;
    expect(() => explanationToMarkdown(e as never)).toThrow(ValueError);
    expect(() => explanationToMarkdown(e as never)).toThrow(/^explanationToMarkdown: explanation\.layers\[1\]\.optimizer\.firstMomentHat must be an array of rows, got undefined/);
  });
});
