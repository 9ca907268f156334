/**
 * Tests of src/draw/decision-boundary.ts (`decisionBoundaryToSVG`): the
 * cells are shaded by what the network predicts there, the points carry
 * their classes, bad arguments are refused, nothing is mutated, and in
 * headless Chromium the picture is not blank and shows both classes.
 *
 * Sources of expected values: a single sigmoid neuron `σ(4 x1 - 4 x2)`
 * (bias weight 0), by hand: above 0.5 exactly where `x1 > x2`, so the
 * lower right half of the plane is class 1 (blue), the upper left class 0
 * (orange).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ShapeError, ValueError, decisionBoundaryToSVG } from '../../src/index.js';
import { countPixels, decodePng } from '../support/png.js';
import { parseXml, type XmlElement } from '../support/xml.js';
import { thrownBy } from '../support/helpers.js';

const diagonal = Network.create([Layer.create([[0], [4], [-4]], Activation.sigmoid)]);
const points = [[1, 0], [0.8, -0.5], [0, 1], [-0.5, 0.7]];
const labels = [1, 1, 0, 0];

function all(node: XmlElement, name: string): XmlElement[] {
  const found = node.name === name ? [node] : [];
  return [...found, ...node.children.filter((c): c is XmlElement => typeof c !== 'string').flatMap((c) => all(c, name))];
}

describe('decisionBoundaryToSVG', () => {
  it('shades the class-1 side blue and the class-0 side orange, with the points on top', () => {
    const svg = decisionBoundaryToSVG(diagonal, { points, labels, show: 'class', cells: 10, xRange: [-1, 1], yRange: [-1, 1] });
    const root = parseXml(svg);
    const cells = all(root, 'g').find((g) => g.attributes.class === 'cells') as XmlElement;
    const rects = all(cells, 'rect');
    // by hand: the tints are 45% of the class colour on white, 255 - 0.45 (255 - c) per channel:
    // orange #e67e22 gives #f4c59c, blue #1f5fa8 gives #9ab7d8. Row 1 (x2 = 0.7) is class 1 only at
    // its last cell (x1 = 0.9 > 0.7): one orange run of 9 cells, then one blue cell.
    const rows = [...new Set(rects.map((r) => r.attributes.y))];
    const second = rects.filter((r) => r.attributes.y === rows[1]);
    expect(second.map((r) => r.attributes.fill)).toEqual(['#f4c59c', '#9ab7d8']);
    // Row 8 (x2 = -0.7) is class 0 only at its first cell (x1 = -0.9).
    expect(rects.filter((r) => r.attributes.y === rows[8]).map((r) => r.attributes.fill)).toEqual(['#f4c59c', '#9ab7d8']);
    const dots = all(root, 'circle');
    expect(dots.map((d) => d.attributes['data-class'])).toEqual(['1', '1', '0', '0']);
    expect(dots.map((d) => d.attributes.fill)).toEqual(['#1f5fa8', '#1f5fa8', '#e67e22', '#e67e22']);
  });

  it('leaves the boundary white in the probability view', () => {
    // by hand: a zero network outputs σ(0) = 0.5 everywhere, which is white.
    const flat = Network.create([Layer.create([[0], [0], [0]], Activation.sigmoid)]);
    const svg = decisionBoundaryToSVG(flat, { points, labels, cells: 5 });
    const cells = all(parseXml(svg), 'g').find((g) => g.attributes.class === 'cells') as XmlElement;
    expect(new Set(all(cells, 'rect').map((r) => r.attributes.fill))).toEqual(new Set(['#ffffff']));
  });

  it('throws ShapeError and ValueError for bad arguments', () => {
    const three = Network.create([Layer.create([[0], [1], [1], [1]], Activation.sigmoid)]);
    const wrongNet = thrownBy(() => decisionBoundaryToSVG(three, { points, labels }));
    expect(wrongNet).toBeInstanceOf(ShapeError);
    expect(wrongNet.message).toBe('decisionBoundaryToSVG: the network must take 2 inputs, got 3');
    expect(thrownBy(() => decisionBoundaryToSVG(diagonal, { points: [[1, 2, 3]], labels: [0] }))).toBeInstanceOf(ShapeError);
    const count = thrownBy(() => decisionBoundaryToSVG(diagonal, { points, labels: [0, 1] }));
    expect(count.message).toBe('decisionBoundaryToSVG: labels must have one class per point, expected 4, got 2');
    expect(thrownBy(() => decisionBoundaryToSVG(diagonal, { points, labels, cells: 1 }))).toBeInstanceOf(ValueError);
    expect(thrownBy(() => decisionBoundaryToSVG(diagonal, { points, labels, show: 'odds' } as never)).message).toMatch(/^decisionBoundaryToSVG: show must be "probability" or "class"/);
    expect(thrownBy(() => decisionBoundaryToSVG(diagonal, { points, labels, xRange: [1, 1] })).message).toMatch(/^decisionBoundaryToSVG: xRange must be \[low, high\]/);
  });

  it('does not mutate its arguments', () => {
    const options = { points: structuredClone(points), labels: [...labels], xRange: [-1, 1] as [number, number] };
    const copy = structuredClone(options);
    decisionBoundaryToSVG(diagonal, options);
    expect(options).toEqual(copy);
  });

  it('draws one dot per point and well-formed XML for any points (property)', () => {
    const point = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(fc.property(fc.array(fc.tuple(point, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 8 }), (data) => {
      const svg = decisionBoundaryToSVG(diagonal, { points: data.map(([p]) => [...p]), labels: data.map(([, c]) => c), cells: 6 });
      return all(parseXml(svg), 'circle').length === data.length;
    }), { seed: 0xdb, numRuns: 40 });
  });
});

const CHROMIUM = '/usr/bin/chromium';
const skipReason = existsSync(CHROMIUM) || process.env.CI ? undefined : `${CHROMIUM} is not installed`;

describe('the decision boundary in a browser', () => {
  it.skipIf(skipReason !== undefined)('renders a picture that is not blank and shows both classes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mathjs-backprop-boundary-'));
    try {
      const file = join(dir, 'boundary.svg');
      const png = join(dir, 'boundary.png');
      writeFileSync(file, decisionBoundaryToSVG(diagonal, { points, labels, xRange: [-1, 1], yRange: [-1, 1] }));
      execFileSync(CHROMIUM, [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${png}`, '--window-size=600,600', `file://${file}`,
      ], { stdio: 'ignore', timeout: 60_000 });
      const image = decodePng(readFileSync(png));
      const total = image.width * image.height;
      const blue = countPixels(image, (r, g, b) => b > 150 && b > r + 50);
      const orange = countPixels(image, (r, g, b) => r > 200 && r > b + 60 && g > 100);
      // by hand: each half of the 400 × 400 plot holds about 80 000 pixels, most of them shaded.
      expect(blue / total, 'share of blue (class 1) pixels').toBeGreaterThan(0.1);
      expect(orange / total, 'share of orange (class 0) pixels').toBeGreaterThan(0.1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
