/**
 * Injected bugs in a 784-128-10 network (sigmoid hidden layer, identity
 * output): `directionalCheck` and `taylorTest` name the layer of each bug,
 * the Taylor orders of that layer are about 1 (2 in the layers above it),
 * and a sampled `gradientCheck` finds every one.
 *
 * Where the expected values come from:
 * - Which layer is named follows from backpropagation's structure: a wrong
 *   f' in layer L corrupts the deltas of L and of every layer below, never
 *   above; a wrong ∂L/∂y corrupts every delta, so the output layer (1) is
 *   the highest that disagrees.
 * - The orders: with an error e in the gradient the Taylor residual is
 *   `h |e·d| + O(h²)`, order 1; without, `O(h²)`, order 2 (see taylorTest).
 * - The sampled check: with `sample >= 128` the whole bias row of each
 *   layer is compared, and `∂L/∂w[0][j] = -delta_j` sees every neuron's
 *   delta, so a bug in any neuron is found with probability 1.
 */
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Loss, Network, directionalCheck, gradientCheck, taylorTest, type Loss as LossType } from '../../src/index.js';
import { createRandom } from '../../src/engine/random.js';

const sigmoid = Activation.sigmoid.apply;
const base = Network.init([784, 128, 10], { seed: 12 });
const random = createRandom(34);
const X = Array.from({ length: 784 }, () => random.nextDouble());
const T = Array.from({ length: 10 }, (_, k) => (k === 3 ? 1 : 0));
const hiddenZ = (Network.forward(base, X).layers[0].z.toArray() as number[]);

/** The base network's weights with layer `at` given `activation`. */
function withActivation(at: number, activation: Activation): Network {
  return Network.create(base.layers.map((layer, l) => Layer.create(layer.weights, l === at ? activation : layer.activation)));
}

const wrongAt = (name: string, derivative: (z: number, a: number) => number) =>
  Activation.define({ name: `test-784-${name}`, apply: sigmoid, derivative });
const withoutTwo: LossType = Object.freeze({
  name: 'test-784-squared-error-without-2',
  value: Loss.squaredError.value,
  gradient(y: ArrayLike<number>, t: ArrayLike<number>, into: Float64Array): void {
    for (let k = 0; k < y.length; k++) into[k] = y[k] - t[k];
  },
});
const z17 = hiddenZ[17];
const outputDoubled = Activation.define({ name: 'test-784-identity-doubled', apply: (z) => z, derivative: () => 2 });

const BUGS: readonly { bug: string; net: Network; loss?: LossType; layer: number }[] = [
  { bug: 'derivative ×2', net: withActivation(0, wrongAt('doubled', (_z, a) => 2 * a * (1 - a))), layer: 0 },
  { bug: 'wrong sign', net: withActivation(0, wrongAt('negated', (_z, a) => -a * (1 - a))), layer: 0 },
  { bug: "wrong function (tanh's derivative)", net: withActivation(0, wrongAt('tanh', (_z, a) => 1 - a * a)), layer: 0 },
  // Only neuron 17 of the hidden layer: the derivative is wrong at its z alone.
  { bug: 'one neuron wrong', net: withActivation(0, wrongAt('neuron-17', (z, a) => (z === z17 ? 3 : 1) * a * (1 - a))), layer: 0 },
  { bug: 'output derivative ×2', net: withActivation(1, outputDoubled), layer: 1 },
  { bug: 'a wrong loss gradient', net: base, loss: withoutTwo, layer: 1 },
];

describe('directionalCheck, taylorTest and gradientCheck({ sample }) on 784-128-10', () => {
  it('agree on the correct network: every layer ok, Taylor orders about 2', () => {
    expect(directionalCheck(base, X, T).ok).toBe(true);
    const taylor = taylorTest(base, X, T);
    expect(taylor.ok).toBe(true);
    for (const s of [taylor, ...taylor.layers]) expect(Math.abs(s.order! - 2)).toBeLessThan(0.1);
  });

  it.each(BUGS.map((b) => [b.bug, b] as const))('name the layer of the bug: %s', (_bug, { net, loss, layer }) => {
    const options = loss === undefined ? {} : { loss };
    const directional = directionalCheck(net, X, T, options);
    expect([directional.ok, directional.suspect]).toEqual([false, layer]);
    const taylor = taylorTest(net, X, T, options);
    expect([taylor.ok, taylor.suspect]).toEqual([false, layer]);
    expect(Math.abs(taylor.layers[layer].order! - 1)).toBeLessThan(0.2);
    for (const above of taylor.layers.slice(layer + 1)) expect(Math.abs(above.order! - 2)).toBeLessThan(0.1);
    const sampled = gradientCheck(net, X, T, { ...options, sample: 160, seed: 5 });
    expect(sampled.ok).toBe(false);
    expect(Math.max(...sampled.entries.filter((e) => !e.ok).map((e) => e.layer))).toBe(layer);
    expect(sampled.cost).toEqual({ forwardPasses: 640, bigOperations: 0, checked: [160, 160], total: [100480, 1290] });
  });
});
