/**
 * Tests of src/markdown.ts: `explanationToMarkdown`.
 *
 * Sources of expected values:
 * - test/fixtures/notebook-explanation.md: the rendering of the notebook's
 *   example, reviewed line by line against the notebook
 *   (shared/seed/backprop-notebook.md) and the 50-digit values of
 *   test/fixtures/notebook-golden.ts; the test compares it exactly.
 *   Regenerate after an intended change with
 *   `UPDATE_GOLDEN=1 npx vitest run test/markdown.test.ts`, then review the diff.
 * - For other networks: the explanation's own numbers, rounded here with
 *   `toPrecision` independently of src/internal/latex.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Activation, Layer, Loss, Network, ShapeError, ValueError, explanationToMarkdown, type Explanation,
} from '../../src/index.js';
import { setup } from '../fixtures/notebook-golden.js';
import { thrownBy } from '../support/helpers.js';

const GOLDEN = new URL('../fixtures/notebook-explanation.md', import.meta.url);

function notebookExplanation(): Explanation {
  const net = Network.create([Layer.create(setup.V, Activation.sigmoid), Layer.create(setup.W, Activation.identity)]);
  return Network.explain(net, setup.x, setup.t, { learningRate: setup.learningRate });
}

/** A 2-3-2-1 network of tanh, relu and identity layers, with its explanation. */
function deepExplanation(): Explanation {
  const net = Network.create([
    Layer.create([[0.1, -0.2, 0.3], [0.5, 0.3, -0.7], [-0.25, 0.8, 0.15]], Activation.tanh),
    Layer.create([[-1, -1.5], [1, -1], [0.5, 2], [0.6, -0.2]], Activation.relu),
    Layer.create([[0.2], [0.7], [-0.3]], Activation.identity),
  ]);
  return Network.explain(net, [0.5, -1], [1], { learningRate: 0.5 });
}

/** `x` to 6 significant digits without trailing zeros (plain notation only). */
function six(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Checks that every display is closed and every brace balanced in each math span. */
function expectWellFormedMath(text: string): void {
  expect(text.split('$$').length % 2, 'an odd number of $$').toBe(1);
  expect(text.match(/\\begin\{aligned\}/g)?.length).toBe(text.match(/\\end\{aligned\}/g)?.length);
  const maths = [...text.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$\n]+)\$/g)].map((m) => m[1] ?? m[2]);
  for (const math of maths) {
    let depth = 0;
    for (const c of math.replace(/\\[{}]/g, '')) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      expect(depth, math).toBeGreaterThanOrEqual(0);
    }
    expect(depth, math).toBe(0);
  }
}

describe('explanationToMarkdown', () => {
  it('renders the notebook example exactly as the reviewed golden file', () => {
    const text = explanationToMarkdown(notebookExplanation());
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('renders the same text from the explanation after a JSON round trip', () => {
    const e = notebookExplanation();
    expect(explanationToMarkdown(JSON.parse(JSON.stringify(e)))).toBe(explanationToMarkdown(e));
  });

  it('writes well-formed math: closed displays, balanced braces', () => {
    expectWellFormedMath(explanationToMarkdown(notebookExplanation()));
    expectWellFormedMath(explanationToMarkdown(deepExplanation()));
  });

  it('renders a 3-layer network in layer-numbered letters, with a line for every weight and delta', () => {
    const e = deepExplanation();
    const text = explanationToMarkdown(e);
    expect(text).not.toContain('V_{');
    for (const heading of ['## The forward pass', '### Layer 1', '### Layer 3 (the output layer)', '## The deltas of layer 3', '## The deltas of layer 1', '## The new weights of layer 1']) {
      expect(text).toContain(`${heading}\n`);
    }
    expect(text.match(/&\\leftarrow/g)?.length).toBe(9 + 8 + 3);
    e.layers.forEach((layer, l) => {
      layer.updatedWeights.forEach((row, i) => row.forEach((w, j) => {
        const line = text.split('\n').find((s) => s.startsWith(`W^{(${l + 1})}_{${i},${j + 1}} &\\leftarrow`));
        expect(line, `layer ${l} weight [${i}][${j}]`).toMatch(new RegExp(` = ${six(w).replace(/[.-]/g, '\\$&')}( \\\\\\\\)?$`));
      }));
      layer.delta.forEach((d, j) => {
        const line = text.split('\n').find((s) => s.startsWith(`\\delta^{(${l + 1})}_{${j + 1}} &= `));
        expect(line, `layer ${l} delta ${j}`).toMatch(new RegExp(` = ${six(d).replace(/[.-]/g, '\\$&')}( \\\\\\\\)?$`));
      });
    });
    // The output delta of an identity output with squared error is 2 (y - t).
    expect(text).toContain(`\\delta^{(3)}_{1} &= 2(y - t) = 2 \\cdot `);
    // A hidden delta sums over the 2 neurons above, then multiplies by tanh's slope.
    expect(text).toContain('\\delta^{(1)}_{1} &= (\\delta^{(2)}_{1} W^{(2)}_{1,1} + \\delta^{(2)}_{2} W^{(2)}_{1,2}) \\cdot (1 - {a^{(1)}_{1}}^2)');
  });

  it('writes the notebook example in layer-numbered letters when asked', () => {
    const text = explanationToMarkdown(notebookExplanation(), { notation: 'layers' });
    expect(text).toContain('W^{(1)}_{0,1} &\\leftarrow W^{(1)}_{0,1} - \\eta \\cdot \\delta^{(1)}_{1} \\cdot (-1) = 1 - 0.1 \\cdot (-5.59497) \\cdot (-1) = 1 - 0.1 \\cdot 5.59497 = 0.440503');
    expect(text).not.toContain('V_{');
  });

  it('rounds to the given number of significant digits', () => {
    const text = explanationToMarkdown(notebookExplanation(), { digits: 3 });
    expect(text).toContain('\\mathcal{L} = (y - t)^2 = (-0.595 - 5)^2 = 31.3');
    expect(text).toContain('\\delta_o &= 2(y - t) = 2 \\cdot (-5.59) = -11.2');
  });

  it('writes very small numbers with a power of ten, in parentheses as factors', () => {
    const net = Network.create([Layer.create([[0], [2e-9]], Activation.identity)]);
    const text = explanationToMarkdown(Network.explain(net, [1], [0], { learningRate: 0.5 }));
    // by hand: y = 2e-9, L = 4e-18, delta = 4e-9, w_1 <- 2e-9 - 0.5 · 4e-9 · 1 = 0.
    expect(text).toContain('\\mathcal{L} = (y - t)^2 = (2 \\times 10^{-9} - 0)^2 = 4 \\times 10^{-18}');
    expect(text).toContain('= 2 \\times 10^{-9} - 0.5 \\cdot (4 \\times 10^{-9}) \\cdot 1 = ');
  });

  it('writes the formulas of the other losses and of a sigmoid output', () => {
    const sigmoidOut = Network.create([Layer.create([[0, 0], [1, -1]], Activation.sigmoid)]);
    const bce = explanationToMarkdown(Network.explain(sigmoidOut, [0], [1, 0], { learningRate: 1, loss: Loss.binaryCrossEntropy }));
    expect(bce).toContain('\\mathcal{L} = -\\sum_k \\left[t_k \\ln y_k + (1 - t_k) \\ln(1 - y_k)\\right] = 1.38629');
    // by hand: y = 0.5, dL/dy_1 = (0.5 - 1) / 0.25 = -2, delta = -2 · 0.25 = -0.5.
    expect(bce).toContain('\\frac{\\partial \\mathcal{L}}{\\partial y_{1}} &= \\frac{y_{1} - t_{1}}{y_{1} (1 - y_{1})} = -2');
    expect(bce).toContain('\\delta^{(1)}_{1} &= \\frac{\\partial \\mathcal{L}}{\\partial y_{1}} \\cdot y_{1} (1 - y_{1}) = (-2) \\cdot 0.5 \\cdot (1 - 0.5) = -0.5');
    const identityOut = Network.create([Layer.create([[0, 0], [1, -1]], Activation.identity)]);
    const softmax = explanationToMarkdown(Network.explain(identityOut, [0], [1, 0], { learningRate: 1, loss: Loss.softmaxCrossEntropy }));
    expect(softmax).toContain('\\mathcal{L} = -\\sum_k t_k \\ln \\operatorname{softmax}(y)_k = 0.693147');
  });

  it('escapes custom activation and loss names in LaTeX and Markdown', () => {
    const odd = Activation.define({ name: 'my_act{1}`x', apply: (z) => 2 * z, derivative: () => 2 });
    const loss: Loss = { ...Loss.squaredError, name: 'half & half' };
    const net = Network.create([Layer.create([[0], [1]], odd)]);
    const text = explanationToMarkdown(Network.explain(net, [1], [0], { learningRate: 0.1, loss }));
    expect(text).toContain('\\text{my\\_act\\{1\\}`x}(z^{(1)}_{1})');
    expect(text).toContain('``my_act{1}`x``');
    expect(text).toContain('\\mathcal{L} = \\text{half \\& half}(y, t) = 4');
    expectWellFormedMath(text);
  });

  it('does not change the explanation', () => {
    const e = notebookExplanation();
    const before = structuredClone(e);
    explanationToMarkdown(e, { digits: 4 });
    expect(e).toEqual(before);
  });

  it('throws ValueError for digits out of 1..17 and for an unknown notation', () => {
    for (const digits of [0, 18, 2.5, '6']) {
      const error = thrownBy(() => explanationToMarkdown(notebookExplanation(), { digits } as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^explanationToMarkdown: digits must be an integer from 1 to 17/);
    }
    expect(() => explanationToMarkdown(notebookExplanation(), { notation: 'greek' } as never)).toThrow(ValueError);
  });

  it('throws ValueError for the notebook notation on a network of 3 layers', () => {
    const error = thrownBy(() => explanationToMarkdown(deepExplanation(), { notation: 'notebook' }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('explanationToMarkdown: the notebook notation is for networks of 2 layers, this one has 3');
  });

  it('throws for something that is not an explanation, naming the field', () => {
    expect(thrownBy(() => explanationToMarkdown({} as Explanation))).toBeInstanceOf(ValueError);
    const nan = structuredClone(notebookExplanation()) as unknown as { layers: { z: number[] }[] };
    nan.layers[1].z[0] = NaN;
    const error = thrownBy(() => explanationToMarkdown(nan as unknown as Explanation));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('explanationToMarkdown: explanation.layers[1].z[0] must be a finite number, got NaN');
    const short = structuredClone(notebookExplanation()) as unknown as { layers: { delta: number[] }[] };
    short.layers[0].delta.pop();
    const shape = thrownBy(() => explanationToMarkdown(short as unknown as Explanation));
    expect(shape).toBeInstanceOf(ShapeError);
    expect(shape.message).toBe('explanationToMarkdown: explanation.layers[0].delta must have 3 entries, got 2');
  });
});

describe('explanationToMarkdown with a custom loss', () => {
  it('writes a custom loss by its own name even when it is called squaredError', async () => {
    const { Activation, Layer, Network, explanationToMarkdown } = await import('../../src/index.js');
    const net = Network.create([Layer.create([[0], [1]], Activation.identity)]);
    // A plain object that borrows the built-in name but computes (y - t)^4.
    const impostor = {
      name: 'squaredError',
      value: (y: ArrayLike<number>, t: ArrayLike<number>) => (y[0] - t[0]) ** 4,
      gradient: (y: ArrayLike<number>, t: ArrayLike<number>, into: Float64Array) => { into[0] = 4 * (y[0] - t[0]) ** 3; },
    };
    const explanation = Network.explain(net, [3], [1], { learningRate: 0.1, loss: impostor });
    expect(explanation.builtInLoss).toBeUndefined();
    const markdown = explanationToMarkdown(explanation);
    expect(markdown).toContain('\\operatorname{squaredError}(y, t)');
    expect(markdown).not.toContain('(y - t)^2');
    // by hand: y = 3, t = 1, so the loss is (3 - 1)^4 = 16.
    expect(markdown).toMatch(/= 16\n/);
    const builtIn = Network.explain(net, [3], [1], { learningRate: 0.1 });
    expect(builtIn.builtInLoss).toBe('squaredError');
    expect(explanationToMarkdown(builtIn)).toContain('(y - t)^2');
  });
});

describe('explanationToMarkdown escapes raw HTML in names (issue 9, item 17)', () => {
  it('writes no "<" or ">" outside code spans for an activation and a loss named with HTML', async () => {
    const { Activation: A, Layer: L, Network: N, explanationToMarkdown: toMarkdown } = await import('../../src/index.js');
    const odd = A.define({ name: '<img src=x onerror=alert(1)>', apply: (z) => z, derivative: () => 1 });
    const loss = {
      name: '<b>bold</b>',
      value: (y: ArrayLike<number>, t: ArrayLike<number>) => (y[0] - t[0]) ** 2,
      gradient: (y: ArrayLike<number>, t: ArrayLike<number>, into: Float64Array) => { into[0] = 2 * (y[0] - t[0]); },
    };
    const md = toMarkdown(N.explain(N.create([L.create([[0], [1]], odd)]), [1], [0], { learningRate: 0.1, loss }));
    const outsideCode = md.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/[<>]/);
    expect(md).toContain('\\lt \\text{img src=x onerror=alert(1)}\\gt');
  });
});
