/**
 * Tests of copyWeights (issue 9, item 18; issue 13): the copies a step
 * returns hold a buffer proportional to the network's weights, so a kept
 * network does not pin memory out of proportion to its own; small
 * networks share a slab of at most SLAB_BYTES with at most
 * MAX_SLAB_COPIES - 1 others of their size.
 */
import { describe, expect, it } from 'vitest';
import { copyWeights, MAX_SLAB_COPIES, SLAB_BYTES, slabCopies, SMALL_WEIGHTS } from '../../src/engine/slab.js';
import { Network } from '../../src/index.js';
import { layerData } from '../../src/model/layer.js';

/** The distinct buffers under the layers of `nets`, and their bytes in all. */
function buffersOf(nets: readonly Network[]): { count: number; bytes: number } {
  const buffers = new Set(nets.flatMap((n) => n.layers.map((layer) => layerData(layer).buffer)));
  let bytes = 0;
  for (const buffer of buffers) bytes += buffer.byteLength;
  return { count: buffers.size, bytes };
}

describe('copyWeights', () => {
  it('copies every layer, in order, into views of one buffer', () => {
    const weights = [Float64Array.of(1, 2, 3), Float64Array.of(4, 5)];
    const copies = copyWeights(weights);
    expect(copies.map((c) => Array.from(c))).toEqual([[1, 2, 3], [4, 5]]);
    expect(copies[0].buffer).toBe(copies[1].buffer);
    expect(copies[1].byteOffset).toBe(copies[0].byteOffset + 3 * 8);
  });

  it('does not change its argument, and copies from one slab do not share numbers', () => {
    const weights = [Float64Array.of(1, 2)];
    const first = copyWeights(weights);
    const second = copyWeights(weights);
    first[0][0] = 9;
    expect(Array.from(weights[0])).toEqual([1, 2]);
    expect(Array.from(second[0])).toEqual([1, 2]);
  });

  it('gives a network of more than SMALL_WEIGHTS weights a buffer exactly as large as its weights', () => {
    const weights = [new Float64Array(SMALL_WEIGHTS - 10).fill(1), new Float64Array(11).fill(2)];
    const copies = copyWeights(weights);
    expect(copies[0].buffer.byteLength).toBe((SMALL_WEIGHTS + 1) * 8);
    expect(copyWeights(weights)[0].buffer).not.toBe(copies[0].buffer);
  });

  it('serves one size only from each slab', () => {
    const three = copyWeights([Float64Array.of(1, 2, 3)]);
    const two = copyWeights([Float64Array.of(1, 2)]);
    expect(two[0].buffer).not.toBe(three[0].buffer);
    expect(three[0].buffer.byteLength).toBe(slabCopies(3) * 3 * 8);
    expect(two[0].buffer.byteLength).toBe(slabCopies(2) * 2 * 8);
  });

  it('holds at most MAX_SLAB_COPIES copies in at most SLAB_BYTES: 32 of 2 or 13 weights, 8 of 64, 9 of 55 (by hand: 4096 / 440 = 9.3)', () => {
    expect([2, 13, 64, 55].map(slabCopies)).toEqual([32, 32, 8, 9]);
    for (let total = 1; total <= SMALL_WEIGHTS; total++) {
      expect(slabCopies(total)).toBeLessThanOrEqual(MAX_SLAB_COPIES);
      expect(slabCopies(total) * total * 8).toBeLessThanOrEqual(SLAB_BYTES);
      expect(slabCopies(total)).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('what networks that sgdStep returns hold (by hand: 2-3-1 has 9 + 4 = 13 weights, 104 bytes)', () => {
  const net = Network.init([2, 3, 1], { seed: 1 });
  const step = () => Network.sgdStep(net, [1, 2], [1], { learningRate: 0.1 });

  it('500 kept in a row hold the slabs they fill, and at most two partly used ones at the ends', () => {
    const { count, bytes } = buffersOf(Array.from({ length: 500 }, step));
    // by hand: 32 copies of 104 bytes (3,328 bytes) per slab; 500 = 15 · 32 + 20, so 16 slabs if the first step starts a slab, else 17.
    expect(count).toBeLessThanOrEqual(17);
    expect(bytes).toBe(count * 3328);
  });

  it('one kept in every 32 holds at most 32 times its own weights', () => {
    const kept: Network[] = [];
    for (let i = 0; i < 100 * 32; i++) {
      const next = step();
      if (i % 32 === 0) kept.push(next);
    }
    const { count, bytes } = buffersOf(kept);
    expect(count).toBe(100);
    expect(bytes).toBeLessThanOrEqual(100 * 32 * 104);
  });
});
