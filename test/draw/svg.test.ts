/**
 * Tests of src/network-svg.ts and src/loss-curve-svg.ts: `networkToSVG` and
 * `lossCurveToSVG`.
 *
 * Sources of expected values:
 * - The notebook's weights (test/fixtures/notebook-golden.ts `setup`) and
 *   the explanation's numbers, rounded here with `toFixed`.
 * - Geometry: each label must sit on its own edge (distance to the segment
 *   under half a pixel) and no two labels of the notebook's picture may
 *   overlap, read from the SVG's own coordinates.
 * - Well-formedness: the strict parser of test/xml.ts.
 * - Rendering: headless Chromium (Debian's `chromium`), decoded with
 *   test/png.ts. Set SVG_SCREENSHOT_DIR to keep the screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Activation, Layer, Network, ShapeError, ValueError, lossCurveToSVG, networkToSVG, type Explanation,
} from '../../src/index.js';
import { setup } from '../fixtures/notebook-golden.js';
import { countPixels, decodePng } from '../support/png.js';
import { elements, label, onEdge, written } from '../support/svg-queries.js';
import { parseXml, textOf, type XmlElement } from '../support/xml.js';
import { thrownBy } from '../support/helpers.js';

function notebookNetwork(): Network {
  return Network.create([Layer.create(setup.V, Activation.sigmoid), Layer.create(setup.W, Activation.identity)]);
}

function notebookExplanation(): Explanation {
  return Network.explain(notebookNetwork(), setup.x, setup.t, { learningRate: setup.learningRate });
}

describe('networkToSVG', () => {
  it('writes well-formed XML, with and without a pass, for 1 to 3 layers', () => {
    const deep = Network.create([
      Layer.create([[0.1, -0.2], [0.5, 0.3]], Activation.tanh),
      Layer.create([[0, 0.1], [1, -1], [0.5, 2]], Activation.relu),
      Layer.create([[0.2], [0.7], [-0.3]], Activation.identity),
    ]);
    const single = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    for (const svg of [
      networkToSVG(notebookNetwork()),
      networkToSVG(notebookNetwork(), { explanation: notebookExplanation() }),
      networkToSVG(deep, { explanation: Network.explain(deep, [1], [0], { learningRate: 0.1 }) }),
      networkToSVG(single),
    ]) {
      const root = parseXml(svg);
      expect(root.name).toBe('svg');
      expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    }
  });

  it('writes each of the notebook weights on its own edge', () => {
    const svg = parseXml(networkToSVG(notebookNetwork()));
    const matrices = [setup.V, setup.W];
    expect(elements(svg, 'g', 'weight')).toHaveLength(9 + 4);
    expect(elements(elements(svg, 'g', 'edges')[0], 'line')).toHaveLength(9 + 4);
    matrices.forEach((weights, l) => weights.forEach((row, i) => row.forEach((w, j) => {
      const { text, x, y } = label(svg, l, i, j);
      expect(text, `layer ${l} [${i}][${j}]`).toBe(written(w));
      const where = onEdge(svg, l, i, j, x, y);
      expect(where.distance).toBeLessThan(0.5);
      expect(where.t).toBeGreaterThan(0.1);
      expect(where.t).toBeLessThan(0.9);
    })));
    const [v21] = elements(svg, 'g', 'weight').filter((g) => g.attributes['data-row'] === '2' && g.attributes['data-column'] === '1');
    expect(textOf(elements(v21, 'title')[0])).toBe('layers[0].weights[2][1] = -2');
  });

  it('places the notebook picture’s labels without overlaps', () => {
    const svg = parseXml(networkToSVG(notebookNetwork(), { explanation: notebookExplanation() }));
    const boxes = [setup.V, setup.W].flatMap((weights, l) => weights.flatMap((row, i) => row.map((_, j) => label(svg, l, i, j))));
    for (let p = 0; p < boxes.length; p++) {
      for (let q = p + 1; q < boxes.length; q++) {
        const [a, b] = [boxes[p], boxes[q]];
        const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2;
        expect(apart, `labels ${p} and ${q} overlap`).toBe(true);
      }
    }
  });

  it('draws a −1 bias neuron at the top of every column but the output', () => {
    const svg = parseXml(networkToSVG(notebookNetwork()));
    const biases = elements(svg, 'g', 'bias');
    expect(biases.map((g) => g.attributes['data-column'])).toEqual(['0', '1']);
    expect(biases.map(textOf)).toEqual(['\u22121', '\u22121']);
    expect(elements(svg, 'g', 'neuron').map(textOf)).toEqual(['x1', 'x2', 'h1', 'h2', 'h3', 'y']);
    const centre = (g: XmlElement): number => Number(elements(g, 'circle')[0].attributes.cy);
    for (const bias of biases) {
      const column = elements(svg, 'g', 'neuron').filter((g) => g.attributes['data-column'] === bias.attributes['data-column']);
      expect(Math.min(...column.map(centre))).toBeGreaterThan(centre(bias));
    }
  });

  it('writes each neuron’s z, a and δ, the inputs, the target and the loss of an explanation', () => {
    const e = notebookExplanation();
    const svg = parseXml(networkToSVG(notebookNetwork(), { explanation: e }));
    const pass = (layer: number, index: number): string =>
      textOf(elements(svg, 'g', 'pass').find((g) => g.attributes['data-layer'] === String(layer) && g.attributes['data-index'] === String(index))!);
    e.layers[0].z.forEach((z, j) => {
      expect(pass(0, j)).toBe(`z = ${written(z)}a = ${written(e.layers[0].a[j])}\u03b4 = ${written(e.layers[0].delta[j])}`);
    });
    expect(pass(1, 0)).toBe('o = \u22120.595y = \u22120.595\u03b4 = \u221211.19t = 5');
    const text = textOf(svg);
    expect(text).toContain('x1 = 1');
    expect(text).toContain('x2 = 2');
    expect(text).toContain('loss (squaredError) = 31.304');
  });

  it('rounds to the given decimals and names the matrices W(1), W(2) on request', () => {
    const svg = parseXml(networkToSVG(notebookNetwork(), { decimals: 1, explanation: notebookExplanation(), notation: 'layers' }));
    expect(textOf(svg)).toContain('\u03b4 = \u22125.6');
    expect(elements(svg, 'g', 'headings').map(textOf)[0]).toContain('weights W(1)');
  });

  it('escapes the title and activation names', () => {
    const odd = Activation.define({ name: 'a<b>&"c"', apply: (z) => z, derivative: () => 1 });
    const net = Network.create([Layer.create([[0], [1]], odd)]);
    const raw = networkToSVG(net, { title: '<script>alert("&")</script>' });
    expect(raw).not.toContain('<script>');
    const svg = parseXml(raw);
    expect(textOf(elements(svg, 'title')[0])).toBe('<script>alert("&")</script>');
    expect(textOf(elements(svg, 'g', 'headings')[0])).toContain('a<b>&"c"');
  });

  it('does not change the network or the explanation', () => {
    const [net, e] = [notebookNetwork(), notebookExplanation()];
    const before = structuredClone(e);
    networkToSVG(net, { explanation: e });
    expect(e).toEqual(before);
    expect(net.layers.map((layer) => layer.weights.toArray())).toEqual([setup.V, setup.W]);
  });

  it('throws ShapeError for an explanation of another shape and ValueError for one of other weights', () => {
    const other = Network.create([Layer.create([[1], [2], [3]], Activation.identity)]);
    const shape = thrownBy(() => networkToSVG(notebookNetwork(), { explanation: Network.explain(other, [1, 2], [0], { learningRate: 0.1 }) }));
    expect(shape).toBeInstanceOf(ShapeError);
    expect(shape.message).toBe('networkToSVG: the explanation is of a network of sizes [2, 1], not [2, 3, 1]');
    const stepped = Network.sgdStep(notebookNetwork(), setup.x, setup.t, { learningRate: 0.1 });
    const weights = thrownBy(() => networkToSVG(stepped, { explanation: notebookExplanation() }));
    expect(weights).toBeInstanceOf(ValueError);
    expect(weights.message).toMatch(/^networkToSVG: the explanation's weights of layer 0 are not the network's/);
  });

  it('throws ValueError for the notebook notation on a network of 1 layer', () => {
    const single = Network.create([Layer.create([[1], [2]], Activation.identity)]);
    const error = thrownBy(() => networkToSVG(single, { notation: 'notebook' }));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('networkToSVG: the notebook notation is for networks of 2 layers, this one has 1');
  });

  it('throws ValueError for bad decimals, notation or title', () => {
    for (const options of [{ decimals: -1 }, { decimals: 1.5 }, { decimals: 13 }, { notation: 'greek' }, { title: 3 }]) {
      const error = thrownBy(() => networkToSVG(notebookNetwork(), options as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(/^networkToSVG: (decimals|notation|title) must be/);
    }
  });
});

describe('lossCurveToSVG', () => {
  const history = { losses: [4, 2, 1, 0.5, 0.25], validationLosses: [5, 3, 2, 1.5, 1.25] };

  it('writes well-formed XML for a list, a training result and a log scale', () => {
    for (const svg of [lossCurveToSVG([1]), lossCurveToSVG([3, 3, 3]), lossCurveToSVG(history), lossCurveToSVG(history, { logScale: true, width: 300, height: 200 })]) {
      expect(parseXml(svg).name).toBe('svg');
    }
  });

  it('draws one point per epoch, later epochs to the right and higher losses higher up', () => {
    const svg = parseXml(lossCurveToSVG(history));
    for (const [name, values] of [['training', history.losses], ['validation', history.validationLosses]] as const) {
      const [group] = elements(svg, 'g', name);
      const points = elements(group, 'polyline')[0].attributes.points.split(' ').map((p) => p.split(',').map(Number));
      expect(points).toHaveLength(values.length);
      for (let e = 1; e < values.length; e++) {
        expect(points[e][0]).toBeGreaterThan(points[e - 1][0]);
        expect(points[e][1]).toBeGreaterThan(points[e - 1][1]); // the loss falls, so y (downwards) grows
      }
      expect(elements(group, 'title').map(textOf)[1]).toBe(`${name} loss of epoch 2: ${values[1]}`);
    }
    expect(elements(svg, 'g', 'validation')[0].children.some((c) => typeof c !== 'string' && c.attributes['stroke-dasharray'] === '6 4')).toBe(true);
  });

  it('has axes with round ticks, axis titles and a legend for training and validation', () => {
    const svg = parseXml(lossCurveToSVG(history, { title: 'XOR' }));
    const axes = textOf(elements(svg, 'g', 'axes')[0]);
    for (const tick of ['0', '1', '2', '3', '4', '5', 'epoch', 'loss']) expect(axes).toContain(tick);
    expect(textOf(elements(svg, 'g', 'legend')[0])).toBe('trainingvalidation');
    expect(textOf(parseXml(lossCurveToSVG([1, 0.5])).children.find((c) => typeof c !== 'string' && c.attributes.class === 'legend') as XmlElement)).toBe('training');
    const log = textOf(parseXml(lossCurveToSVG(history, { logScale: true })));
    for (const tick of ['0.1', '1', '10', 'loss (log scale)']) expect(log).toContain(tick);
  });

  it('escapes the title', () => {
    const svg = lossCurveToSVG([1, 2], { title: 'a < b & "c"' });
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(textOf(elements(parseXml(svg), 'title')[0])).toBe('a < b & "c"');
  });

  it('does not change the history', () => {
    const copy = structuredClone(history);
    lossCurveToSVG(history, { logScale: true });
    expect(history).toEqual(copy);
  });

  it('throws ShapeError for no losses, or validation losses of another length', () => {
    for (const bad of [[], { losses: [] }]) {
      const error = thrownBy(() => lossCurveToSVG(bad));
      expect(error).toBeInstanceOf(ShapeError);
      expect(error.message).toBe('lossCurveToSVG: losses must not be empty');
    }
    const error = thrownBy(() => lossCurveToSVG({ losses: [1, 2], validationLosses: [1] }));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).expected).toEqual([2]);
  });

  it('throws ValueError for a loss that is not a finite number, naming the epoch', () => {
    for (const [bad, where] of [[[1, NaN], 'losses[1]'], [[Infinity], 'losses[0]'], [{ losses: [1], validationLosses: ['1'] }, 'validationLosses[0]']] as const) {
      const error = thrownBy(() => lossCurveToSVG(bad as never));
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toMatch(new RegExp(`^lossCurveToSVG: ${where.replace(/[[\]]/g, '\\$&')} must be a finite number`));
    }
    expect(() => lossCurveToSVG('losses' as never)).toThrow(ValueError);
  });

  it('throws ValueError for a log scale of a zero loss and for a width below 200', () => {
    const log = thrownBy(() => lossCurveToSVG([4, 0], { logScale: true }));
    expect(log).toBeInstanceOf(ValueError);
    expect(log.message).toMatch(/^lossCurveToSVG: a log scale needs positive losses, got 0/);
    expect(() => lossCurveToSVG([1], { width: 10 })).toThrow(ValueError);
    expect(() => lossCurveToSVG([1], { logScale: 'yes' } as never)).toThrow(ValueError);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const skipReason = existsSync(CHROMIUM) || process.env.CI ? undefined : `${CHROMIUM} is not installed (apt-get install chromium); CI installs it and fails without it`;

describe('the pictures in a browser', () => {
  it.skipIf(skipReason !== undefined)(`render in headless Chromium as non-blank screenshots${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing; CI must install Debian's chromium`).toBe(true);
    const keep = process.env.SVG_SCREENSHOT_DIR;
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'mathjs-backprop-svg-'));
    if (keep) mkdirSync(keep, { recursive: true });
    try {
      const pictures = {
        network: networkToSVG(notebookNetwork(), { explanation: notebookExplanation() }),
        'loss-curve': lossCurveToSVG(history()),
      };
      // The summary of a big network: boxes and bundles, no weights to colour, so only ink and the boxes' fill.
      const summary = decodePng(screenshot(networkToSVG(Network.init([784, 1024, 10], { seed: 1 })), 'summary', dir));
      expect(countPixels(summary, (r, g, b) => r < 200 || g < 200 || b < 200) / (800 * 600), 'summary: inked pixels').toBeGreaterThan(0.01);
      expect(countPixels(summary, (r, g, b) => r > 240 && g > 235 && b > 210 && b < 235), 'summary: the boxes\' fill').toBeGreaterThan(5000);
      for (const [name, svg] of Object.entries(pictures)) {
        const image = decodePng(screenshot(svg, name, dir));
        expect([image.width, image.height]).toEqual([800, 600]);
        const total = image.width * image.height;
        const inked = countPixels(image, (r, g, b) => r < 200 || g < 200 || b < 200);
        const blue = countPixels(image, (r, g, b) => b > 120 && b > r + 50);
        const red = countPixels(image, (r, g, b) => r > 150 && r > b + 60 && r > g + 30);
        expect(inked / total, `${name}: share of inked pixels`).toBeGreaterThan(0.01);
        expect(blue, `${name}: blue pixels (positive weights, training curve)`).toBeGreaterThan(200);
        expect(red, `${name}: red pixels (negative weights, validation curve)`).toBeGreaterThan(100);
      }
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A loss history like a training run's, for the screenshot. */
function history(): { losses: number[]; validationLosses: number[] } {
  const losses = Array.from({ length: 30 }, (_, e) => 2 * Math.exp(-e / 6) + 0.05);
  return { losses, validationLosses: losses.map((l, e) => l * 1.15 + e / 200) };
}

/** Renders `svg` in headless Chromium at 800 × 600 and returns the PNG's bytes. */
function screenshot(svg: string, name: string, dir: string): Uint8Array {
  const file = join(dir, `${name}.svg`);
  const png = join(dir, `${name}.png`);
  writeFileSync(file, svg);
  execFileSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${join(dir, `profile-${name}`)}`, `--screenshot=${png}`, '--window-size=800,600',
    `file://${file}`,
  ], { stdio: 'ignore', timeout: 60_000 });
  return readFileSync(png);
}

describe('networkToSVG for big networks (issue 9, item 17)', () => {
  it('draws 784-1024-10 as a summary: a box per layer, a bundle per matrix, no per-weight element', () => {
    // Counting, not timing: the 803,850 weights would be as many edges and labels; the summary writes a fixed few.
    const svg = networkToSVG(Network.init([784, 1024, 10], { seed: 1 }));
    const root = parseXml(svg);
    expect(elements(root, 'line')).toHaveLength(0);
    expect(elements(root, 'text').length).toBeLessThan(30);
    const boxes = elements(root, 'g').filter((g) => g.attributes.class === 'layer-box');
    expect(boxes.map((g) => g.attributes['data-size'])).toEqual(['784', '1024', '10']);
    const bundles = elements(root, 'g').filter((g) => g.attributes.class === 'bundle');
    expect(bundles.map((g) => [g.attributes['data-rows'], g.attributes['data-columns']])).toEqual([['785', '1024'], ['1025', '10']]);
    expect(svg.length).toBeLessThan(10_000);
  });

  it('draws every neuron of a small network, and of a big one with summary: false', () => {
    const small = parseXml(networkToSVG(notebookNetwork()));
    expect(elements(small, 'line')).toHaveLength(13);
    const forced = parseXml(networkToSVG(Network.init([3, 40, 2], { seed: 1 }), { summary: false, weights: false }));
    expect(elements(forced, 'line')).toHaveLength(4 * 40 + 41 * 2);
  });

  it('writes no weight labels with weights: false', () => {
    const svg = networkToSVG(notebookNetwork(), { weights: false });
    expect(svg).not.toContain('class="weights"');
    expect(elements(parseXml(svg), 'line')).toHaveLength(13);
  });

  it('draws the title, escaped, as lossCurveToSVG does', () => {
    const svg = networkToSVG(notebookNetwork(), { title: 'Step <1> & "more"' });
    const titles = elements(parseXml(svg), 'text').filter((t) => t.attributes.class === 'title');
    expect(titles.map(textOf)).toEqual(['Step <1> & "more"']);
    expect(networkToSVG(Network.init([100, 10], { seed: 1 }))).toContain('class="title">A 100-10 network</text>');
  });

  it('throws ValueError for a summary with an explanation, and for weights or summary that are not booleans', () => {
    expect(() => networkToSVG(notebookNetwork(), { summary: true, explanation: notebookExplanation() })).toThrow(
      'networkToSVG: a summary picture cannot show an explanation; pass summary: false to draw every neuron',
    );
    expect(() => networkToSVG(notebookNetwork(), { weights: 'no' as never })).toThrow(ValueError);
    expect(() => networkToSVG(notebookNetwork(), { summary: 1 as never })).toThrow(ValueError);
  });
});
