/**
 * Tests of src/model/summary.ts: `Network.summary`.
 *
 * Sources of expected values: "hand": a layer with n inputs and m neurons
 * has (n + 1) · m weights, so the notebook's 2-3-1 network has 3 · 3 = 9
 * and 4 · 1 = 4, 13 in all, and 784-128-10 has 785 · 128 = 100480 and
 * 129 · 10 = 1290, 101770 in all; the tables are written out here with the
 * documented layout (columns padded to their widest cell, two spaces
 * between columns, parameters right-aligned, no trailing spaces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network, ValueError } from '../../src/index.js';
import { thrownBy } from '../support/helpers.js';

describe('Network.summary', () => {
  it("lists the notebook's 2-3-1 network: 9 + 4 = 13 parameters (hand)", () => {
    const net = Network.create([
      Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
      Layer.create([[1], [2], [3], [-1]], Activation.identity),
    ]);
    expect(Network.summary(net)).toBe(
      [
        'layer  shape  activation  parameters',
        '0      2 → 3  sigmoid              9',
        '1      3 → 1  identity             4',
        'total                             13',
      ].join('\n'),
    );
  });

  it('aligns wide shapes and counts: 784-128-10 has 100480 + 1290 = 101770 parameters (hand)', () => {
    const net = Network.init([784, 128, 10], { activation: Activation.relu });
    expect(Network.summary(net).split('\n')).toEqual([
      'layer  shape      activation  parameters',
      '0      784 → 128  relu            100480',
      '1      128 → 10   identity          1290',
      'total                             101770',
    ]);
  });

  it('names each activation as it is named, leakyRelu with its alpha and custom ones too', () => {
    const custom = Activation.define({ name: 'summaryTestCube', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
    const net = Network.init([1, 1, 1, 1], { activations: [Activation.leakyRelu(0.2), custom, Activation.softplus] });
    const lines = Network.summary(net).split('\n');
    expect(lines[1]).toContain(Activation.leakyRelu(0.2).name);
    expect(lines[2]).toContain('summaryTestCube');
    expect(lines[3]).toContain('softplus');
    expect(lines[4]).toMatch(/^total +6$/);
  });

  it('throws ValueError for something that is not a network', () => {
    const error = thrownBy(() => Network.summary(null as unknown as Network));
    expect(error).toBeInstanceOf(ValueError);
    expect(error.message).toBe('Network.summary: expected a Network, got null');
  });

  it('does not change the network', () => {
    const net = Network.init([2, 2, 1], { seed: 3 });
    const before = net.layers.map((layer) => layer.weights.toArray());
    Network.summary(net);
    expect(net.layers.map((layer) => layer.weights.toArray())).toEqual(before);
  });

  it('has a line per layer plus header and total, all of one width, and the right total (property)', () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(sizes, (s) => {
        const lines = Network.summary(Network.init(s)).split('\n');
        expect(lines).toHaveLength(s.length + 1);
        // The parameters column is right-aligned and never empty, so every line ends at one column.
        expect(new Set(lines.map((line) => line.length)).size).toBe(1);
        let total = 0;
        for (let l = 0; l + 1 < s.length; l++) {
          const count = (s[l] + 1) * s[l + 1];
          total += count;
          expect(lines[l + 1]).toMatch(new RegExp(`^${l} +${s[l]} → ${s[l + 1]} +(sigmoid|identity) +${count}$`));
        }
        expect(lines[lines.length - 1]).toMatch(new RegExp(`^total +${total}$`));
      }),
      { seed: 99, numRuns: 30 },
    );
  });
});
