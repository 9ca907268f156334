/**
 * Tests of copyWeights (issue 9, item 18): the copies a step returns hold
 * a buffer proportional to the network's weights, so a kept network does
 * not pin memory shared with other calls.
 */
import { describe, expect, it } from 'vitest';
import { copyWeights } from '../../src/engine/slab.js';
import { Network } from '../../src/index.js';
import { layerData } from '../../src/model/layer.js';

describe('copyWeights', () => {
  it('copies every layer into one buffer exactly as long as all the weights', () => {
    const weights = [Float64Array.of(1, 2, 3), Float64Array.of(4, 5)];
    const copies = copyWeights(weights);
    expect(copies.map((c) => Array.from(c))).toEqual([[1, 2, 3], [4, 5]]);
    expect(copies[0].buffer).toBe(copies[1].buffer);
    expect(copies[0].buffer.byteLength).toBe(5 * 8);
  });

  it('does not change its argument', () => {
    const weights = [Float64Array.of(1, 2)];
    copyWeights(weights)[0][0] = 9;
    expect(Array.from(weights[0])).toEqual([1, 2]);
  });

  it('gives each network sgdStep returns a buffer of its own weights only (by hand: 2-3-1 has 9 + 4 = 13)', () => {
    const net = Network.init([2, 3, 1], { seed: 1 });
    const kept = Array.from({ length: 500 }, () => Network.sgdStep(net, [1, 2], [1], { learningRate: 0.1 }));
    const buffers = new Set(kept.flatMap((n) => n.layers.map((layer) => layerData(layer).buffer)));
    expect(buffers.size).toBe(500);
    let bytes = 0;
    for (const buffer of buffers) bytes += buffer.byteLength;
    expect(bytes).toBe(500 * 13 * 8);
  });
});
