// The optimiser kernels of kernels.wat against the JavaScript loops of
// src/optim/updates.ts: the same steps on copies of the same numbers, once
// with every array in an arena (the kernels run) and once in plain arrays
// (the loops run), must give the same bits, the sign of zero included.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Activation, Layer, Network, Optimizer } from '../../src/index.js';
import { allocate, arenaOf, createArena, type Arena } from '../../src/engine/arena.js';
import { workingCopy, type Model } from '../../src/engine/flat-model.js';
import { optimizerKernels } from '../../src/engine/optim-kernels.js';
import { useSimd } from '../../src/engine/simd.js';
import { stepFlat } from '../../src/optim/step.js';
import { bufferRoom, residentBuffers, zeroBuffers, type LayerBuffers } from '../../src/optim/state.js';
import type { AnyOptimizer } from '../../src/optim/types.js';

afterEach(() => useSimd('auto'));

/** Whether two arrays hold the same bits: `Object.is` entry by entry, so -0 differs from 0. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

const rate = fc.double({ min: 1e-4, max: 0.5, noNaN: true });
const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });
const decay = fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.1, noNaN: true }));

/** Every optimiser with every option drawn: momentum on and off, dampening, Nesterov, decay with and without the bias. */
const optimizer: fc.Arbitrary<AnyOptimizer> = fc.oneof(
  fc.record({ learningRate: rate, weightDecay: decay, decayBias: fc.boolean() }).map((o) => Optimizer.sgd(o)),
  fc.record({
    learningRate: rate, momentum: fc.double({ min: 0.01, max: 0.99, noNaN: true }), dampening: fraction,
    weightDecay: decay, decayBias: fc.boolean(),
  }).map((o) => Optimizer.sgd(o)),
  fc.record({
    learningRate: rate, momentum: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    weightDecay: decay, decayBias: fc.boolean(),
  }).map((o) => Optimizer.sgd({ ...o, nesterov: true })),
  fc.record({ learningRate: rate, beta1: fraction, beta2: fraction, weightDecay: decay, decayBias: fc.boolean() })
    .map((o) => Optimizer.adam(o)),
  fc.record({ learningRate: rate, beta1: fraction, beta2: fraction, weightDecay: decay, decayBias: fc.boolean() })
    .map((o) => Optimizer.adamW(o)),
  fc.record({
    learningRate: rate, alpha: fraction, momentum: fc.oneof(fc.constant(0), fraction),
    weightDecay: decay, decayBias: fc.boolean(),
  }).map((o) => Optimizer.rmsprop(o)),
) as fc.Arbitrary<AnyOptimizer>;

/** The buffers each optimiser keeps, as in src/optim/state.ts. */
function namesOf(o: AnyOptimizer): string[] {
  if (o.name === 'adam' || o.name === 'adamW') return ['firstMoment', 'secondMoment'];
  if (o.name === 'rmsprop') return o.momentum > 0 ? ['squareAverage', 'momentum'] : ['squareAverage'];
  return o.momentum > 0 ? ['momentum'] : [];
}

/** Layer sizes (many odd weight counts), and per step a gradient of each layer, with exact zeros and -0. */
const problem = fc.record({
  o: optimizer,
  sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 }),
  steps: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** Numbers in [-1, 1) from a small generator, with exact 0 and -0 among them. */
function filler(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const r = s % 16;
    return r === 0 ? 0 : r === 1 ? -0 : s / 2 ** 31 - 1;
  };
}

/** One run: `steps` steps of `o` from the same numbers, the arrays made by `make`. */
function run(o: AnyOptimizer, sizes: number[], steps: number, seed: number, make: (count: number) => Float64Array) {
  const next = filler(seed);
  const fill = (count: number, square = false) => {
    const a = make(count);
    for (let k = 0; k < count; k++) a[k] = square ? Math.abs(next()) : next();
    return a;
  };
  const lengths = sizes.slice(1).map((m, l) => (sizes[l] + 1) * m);
  const model: Model = { sizes, weights: lengths.map((c) => fill(c)), activations: lengths.map(() => Activation.identity) };
  const buffers: LayerBuffers[] = lengths.map((c) =>
    Object.fromEntries(namesOf(o).map((name) => [name, fill(c, name.endsWith('Moment') || name === 'squareAverage')])));
  const grads = lengths.map((c) => make(c));
  for (let t = 1; t <= steps; t++) {
    grads.forEach((g) => { for (let k = 0; k < g.length; k++) g[k] = next(); });
    stepFlat(o, model, grads, buffers, t, model.weights);
  }
  return { model, buffers, grads };
}

describe('the optimiser kernels', () => {
  it('give the bits of the JavaScript loops for every optimiser and option, on odd and even lengths', () => {
    fc.assert(fc.property(problem, ({ o, sizes, steps, seed }) => {
      const arena: Arena = createArena(8192)!;
      const simd = run(o, sizes, steps, seed, (count) => allocate(arena, count));
      const loops = run(o, sizes, steps, seed, (count) => new Float64Array(count));
      expect(optimizerKernels(simd.model.weights[0], simd.grads[0], simd.model.weights[0])).not.toBeNull();
      expect(optimizerKernels(loops.model.weights[0], loops.grads[0], loops.model.weights[0])).toBeNull();
      simd.model.weights.forEach((w, l) => {
        expect(sameBits(w, loops.model.weights[l])).toBe(true);
        expect(sameBits(simd.grads[l], loops.grads[l])).toBe(true);
        for (const name of Object.keys(loops.buffers[l])) expect(sameBits(simd.buffers[l][name], loops.buffers[l][name])).toBe(true);
      });
    }), { numRuns: 300, seed: 1013 });
  });

  it('run on arrays in one arena only: arrays in two arenas or outside take the loops', () => {
    const [a, b] = [createArena(16)!, createArena(16)!];
    const [x, y, z] = [allocate(a, 3), allocate(a, 3), allocate(b, 3)];
    expect(optimizerKernels(x, y, x, y, x)).not.toBeNull();
    expect(optimizerKernels(x, y, z)).toBeNull();
    expect(optimizerKernels(x, y, x, null, new Float64Array(3))).toBeNull();
  });

  it('find their buffers beside a working copy made with their room, holding the values given', () => {
    useSimd('always');
    const model: Model = { sizes: [3, 2, 1], weights: [new Float64Array(8).fill(0.5), new Float64Array(3)], activations: [Activation.tanh, Activation.identity] };
    const o = Optimizer.adam();
    const working = workingCopy(model, [4], bufferRoom(o, model.weights));
    const given = zeroBuffers(o, model);
    given[1].secondMoment[2] = 0.25;
    const resident = residentBuffers(given, working.weights);
    expect(resident.every((layer, l) => Object.values(layer).every((b) => arenaOf(b) === arenaOf(working.weights[l])))).toBe(true);
    expect(Array.from(resident[1].secondMoment)).toEqual([0, 0, 0.25]);
    expect(arenaOf(residentBuffers(given, model.weights)[0].firstMoment)).toBeUndefined();
  });
});

// Network.train keeps an optimiser's buffers beside its working weights, so
// the kernels run inside training; forcing them off must not change a bit.
describe('Network.train with the optimiser kernels', () => {
  const trained = (mode: 'always' | 'never', optimizer: AnyOptimizer) => {
    useSimd(mode);
    const net = Network.create([
      Layer.create(Array.from({ length: 6 }, (_, i) => [0.1 * i - 0.2, 0.05 * i, -0.3 + 0.07 * i]), Activation.tanh),
      Layer.create([[0.1], [-0.4], [0.3], [0.2]], Activation.identity),
    ]);
    const inputs = Array.from({ length: 11 }, (_, r) => [0.1 * r, -0.2 * r, r % 3, 0.5, -(r % 2)]);
    const targets = inputs.map((x) => [x[0] - x[1] * 0.5]);
    const result = Network.train(net, inputs, targets, { optimizer, epochs: 3, batchSize: 4, seed: 5 });
    return { weights: result.network.layers.map((l) => (l.weights.toArray() as number[][]).flat()), checkpoint: result.checkpoint };
  };
  const optimizers = [
    Optimizer.sgd({ learningRate: 0.05, momentum: 0.9, dampening: 0.1, nesterov: false, weightDecay: 0.01 }),
    Optimizer.sgd({ learningRate: 0.05, momentum: 0.8, nesterov: true, weightDecay: 0.01, decayBias: true }),
    Optimizer.adam({ learningRate: 0.01, weightDecay: 0.001 }),
    Optimizer.adamW({ learningRate: 0.01, weightDecay: 0.1 }),
    Optimizer.rmsprop({ learningRate: 0.01, momentum: 0.5 }),
    Optimizer.rmsprop({ learningRate: 0.01 }),
  ];
  it.each(optimizers.map((o) => [o.name, o] as const))('%s: the same weights and checkpoint with and without SIMD', (_, o) => {
    const simd = trained('always', o);
    const loops = trained('never', o);
    simd.weights.forEach((w, l) => expect(sameBits(w, loops.weights[l])).toBe(true));
    expect(JSON.stringify(simd.checkpoint)).toBe(JSON.stringify(loops.checkpoint));
  });
});
