/**
 * The cost of the BigNumber loss along a direction (src/verify/big-along.ts),
 * counted in BigNumber multiplications rather than timed: what does not
 * depend on the step (the direction, `∇L·d`, the first moved layer's
 * `[-1, a]·d`) is computed once per direction, so each further step costs a
 * few products per neuron, not a pass through every weight of the layer.
 * Before, every step rebuilt `w + h·d` and passed through all the weights
 * (about three products per weight per step: 81 per weight for 8 halvings).
 *
 * Source of the bounds: the operation counts in the comments.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Activation, Network, taylorTest, directionalCheck } from '../../src/index.js';
import { bigMath } from '../../src/math/big-math.js';

// An identity hidden layer, so that no activation's own BigNumber products (exp's) blur the count.
const net = Network.init([64, 3, 2], { seed: 4, activation: Activation.identity });
const x = Array.from({ length: 64 }, (_, i) => Math.sin(i));
const t = [0.5, -0.5];
/** by hand: (64 + 1)·3 + (3 + 1)·2 = 203 weights. */
const weights = 203;

/** The BigNumber multiplications `run` makes at 50 digits. */
function products(run: () => unknown): number {
  const spy = vi.spyOn(Object.getPrototypeOf(bigMath(50).bignumber(1)) as { times: () => unknown }, 'times');
  run();
  const count = spy.mock.calls.length;
  spy.mockRestore();
  return count;
}

afterEach(() => vi.restoreAllMocks());

describe('the BigNumber loss along a direction', () => {
  it('costs a fixed number of products per weight, whatever the number of steps', () => {
    const at = (steps: number) => products(() => taylorTest(net, x, t, { reference: 'bignumber', steps }));
    const eight = at(8);
    const sixteen = at(16);
    // by hand: the pass at w (1 product per weight), then per direction ∇L·d and [-1, a]·d (2 per weight
    // it moves); the three directions move 195 + 8 + 203 weights: 203 + 2 · 406 = 1015 products, plus
    // 9 steps of each direction at a few dozen products each (below).
    expect(eight).toBeLessThan(8 * weights);
    // by hand: one more step of one direction is 3 products for z = z(w) + h·([-1, a]·d), the top layer
    // passed again on w + h·d (2 · 8) and the loss (2): about 21, against 3 · 203 when every weight was
    // moved and passed through again.
    const perStep = (sixteen - eight) / (8 * 3);
    expect(perStep).toBeLessThan(weights / 4);
  });

  it('gives the same verdicts as before: right gradients pass in both checks', () => {
    const report = taylorTest(net, x, t, { reference: 'bignumber' });
    expect(report.ok).toBe(true);
    expect(Math.abs((report.order as number) - 2)).toBeLessThan(0.1);
    expect(report.layers.map((l) => l.ok)).toEqual([true, true]);
    expect(directionalCheck(net, x, t, { reference: 'bignumber' }).ok).toBe(true);
  });
});
