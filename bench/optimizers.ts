/**
 * `npm run bench`'s optimiser rows: `Network.train` on W3 (784-128-10
 * MNIST, batches of 32) with plain SGD (`learningRate`) and with each
 * optimiser, all in one process and one after another, timed the same way
 * as the contenders (timing.ts). The step of an optimiser costs a few more
 * operations per weight than plain SGD's `w - η·g`; the ratio "Adam step
 * over plain SGD step" is the time per example of the two runs.
 *
 *   tsx bench/optimizers.ts [--quick]
 *
 * Then, to see through the load of a shared machine, the steps alone,
 * interleaved: rounds of 40 batch steps (the gradient of 32 digits, then the
 * update) of plain SGD, of Adam with its SIMD kernels (its buffers beside the
 * weights, as `Network.train` keeps them) and of Adam on the JavaScript loops
 * (its buffers outside the kernels' memory), taking turns, the median of 9.
 *
 * Prints Markdown tables; run.ts appends them to the report when W3 runs.
 */
import { matrix } from 'mathjs';
import { performance } from 'node:perf_hooks';
import { Activation, Layer, Loss, Network, Optimizer, type TrainOptions } from '../src/index.js';
import { createWorkspace, gradientModel, workingCopy, type Model } from '../src/engine/flat-model.js';
import { stepWeights } from '../src/engine/kernels.js';
import { stepFlat } from '../src/optim/step.js';
import { bufferRoom, residentBuffers, zeroBuffers } from '../src/optim/state.js';
import { rows } from './naive-mathjs.js';
import { rate } from './report.js';
import { FULL_PLAN, QUICK_PLAN, measure, median } from './timing.js';
import type { Trainer } from './trainer.js';
import { makeWorkload, type Workload } from './workloads.js';

/** The rows of the table: a name and the step options given to `Network.train`. */
const ROWS: readonly [string, (w: Workload) => Pick<TrainOptions, 'learningRate' | 'optimizer'>][] = [
  ['plain SGD (learningRate)', (w) => ({ learningRate: w.learningRate })],
  ['Optimizer.sgd', (w) => ({ optimizer: Optimizer.sgd({ learningRate: w.learningRate }) })],
  ['Optimizer.sgd, momentum 0.9', (w) => ({ optimizer: Optimizer.sgd({ learningRate: w.learningRate, momentum: 0.9 }) })],
  ['Optimizer.adam', () => ({ optimizer: Optimizer.adam() })],
  ['Optimizer.adamW', () => ({ optimizer: Optimizer.adamW() })],
  ['Optimizer.rmsprop', () => ({ optimizer: Optimizer.rmsprop() })],
];

/**
 * `Network.train` with `step` over the workload, `epochs` at a time, each
 * call going on from the last one's network.
 *
 * NOTE: not from its checkpoint: a step's work does not depend on the
 * optimiser's state, and reading a checkpoint writes the state out as
 * arrays of numbers (about 23 ms per call for Adam's 2 × 101,770 here),
 * which would be timed as if it were training.
 */
function trainerWith(workload: Workload, step: Pick<TrainOptions, 'learningRate' | 'optimizer'>): Trainer {
  const { sizes, count, batchSize } = workload;
  const inputs = matrix(rows(workload.inputs, count, sizes[0]));
  const targets = matrix(rows(workload.targets, count, sizes[sizes.length - 1]));
  let net = initial(workload);
  return {
    train(epochs) {
      net = Network.train(net, inputs, targets, { ...step, epochs, batchSize, shuffle: false }).network;
    },
    weights: () => net.layers.map((layer) => Float64Array.from((layer.weights.toArray() as number[][]).flat())),
  };
}

/** The workload's initial network. */
function initial(workload: Workload): Network {
  const { sizes } = workload;
  return Network.create(workload.initialWeights.map((w, l) =>
    Layer.create(rows(w, sizes[l] + 1, sizes[l + 1]), Activation[workload.activations[l]])));
}

/** Milliseconds per batch step of plain SGD, Adam on its kernels and Adam on the loops, interleaved (see the header). */
function interleaved(workload: Workload, quick: boolean): string {
  const { sizes, batchSize } = workload;
  const base: Model = {
    sizes,
    weights: workload.initialWeights.map((w) => Float64Array.from(w)),
    activations: workload.activations.map((a) => Activation[a]),
  };
  const x = Float64Array.from(workload.inputs.subarray(0, batchSize * sizes[0]));
  const m = sizes[sizes.length - 1];
  const t = Array.from({ length: batchSize }, (_, r) => workload.targets.subarray(r * m, (r + 1) * m));
  const adam = Optimizer.adam({ learningRate: 1e-6 });
  const model = workingCopy(base, [batchSize], bufferRoom(adam, base.weights));
  const ws = createWorkspace(model, batchSize);
  const resident = residentBuffers(zeroBuffers(adam, base), model.weights);
  const outside = zeroBuffers(adam, base);
  let step = 1;
  const gradient = () => gradientModel(model, x, t, Loss.squaredError, ws);
  const runs: [string, () => void][] = [
    ['plain SGD', () => { gradient(); model.weights.forEach((w, l) => stepWeights(w, ws.grads[l], 1e-6, w)); }],
    ['Adam, SIMD kernels', () => { gradient(); stepFlat(adam, model, ws.grads, resident, step++, model.weights); }],
    ['Adam, JavaScript loops', () => { gradient(); stepFlat(adam, model, ws.grads, outside, step++, model.weights); }],
  ];
  const [rounds, steps] = quick ? [3, 5] : [9, 40];
  const times = runs.map((): number[] => []);
  for (const [, run] of runs) for (let i = 0; i < steps; i++) run();
  for (let round = 0; round < rounds; round++) {
    runs.forEach(([, run], k) => {
      const started = performance.now();
      for (let i = 0; i < steps; i++) run();
      times[k].push((performance.now() - started) / steps);
    });
  }
  const ms = times.map(median);
  return [
    '',
    `Interleaved: ${rounds} rounds of ${steps} batch steps each (gradient of ${batchSize} digits, then the update), the median per step.`,
    '',
    '| step | ms per step | vs plain SGD |',
    '| --- | ---: | ---: |',
    ...runs.map(([name], k) => `| ${name} | ${ms[k].toFixed(2)} | ${(ms[k] / ms[0]).toFixed(2)} |`),
  ].join('\n');
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const workload = makeWorkload('W3');
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const timings = ROWS.map(([name, step]) => [name, measure(trainerWith(workload, step(workload)), workload.count, plan)] as const);
  const plain = timings[0][1].examplesPerSecond;
  // Examples per second of CPU time: less sensitive than wall time to other load on a shared machine.
  const perCpu = (t: (typeof timings)[number][1]) => t.examplesPerSecond / t.cpuShare;
  const plainCpu = perCpu(timings[0][1]);
  const lines = [
    `### Optimisers on ${workload.title}`,
    '',
    '`Network.train` with each optimiser, one process, one after another; time per step relative to plain SGD.',
    '',
    '| optimiser | examples/s | step time vs plain SGD | examples per CPU-second | CPU time vs plain SGD | cpu/wall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...timings.map(([name, t]) =>
      `| ${name} | ${rate(t.examplesPerSecond)} | ${(plain / t.examplesPerSecond).toFixed(2)} | ${rate(perCpu(t))} | ${(plainCpu / perCpu(t)).toFixed(2)} | ${t.cpuShare.toFixed(2)} |`),
  ];
  console.log(lines.join('\n') + '\n' + interleaved(workload, quick));
}

main();
