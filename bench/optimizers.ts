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
 * Prints a Markdown table; run.ts appends it to the report when W3 runs.
 */
import { matrix } from 'mathjs';
import { Activation, Layer, Network, Optimizer, type TrainOptions } from '../src/index.js';
import { rows } from './naive-mathjs.js';
import { rate } from './report.js';
import { FULL_PLAN, QUICK_PLAN, measure } from './timing.js';
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

/** `Network.train` with `step` over the workload, `epochs` at a time, resuming each call's checkpoint. */
function trainerWith(workload: Workload, step: Pick<TrainOptions, 'learningRate' | 'optimizer'>): Trainer {
  const { sizes, count, batchSize } = workload;
  const inputs = matrix(rows(workload.inputs, count, sizes[0]));
  const targets = matrix(rows(workload.targets, count, sizes[sizes.length - 1]));
  let result: ReturnType<typeof Network.train> | undefined;
  let net = initial(workload);
  return {
    train(epochs) {
      const resume = result?.checkpoint;
      result = Network.train(net, inputs, targets, { ...step, epochs, batchSize, shuffle: false, ...(resume ? { resume } : {}) });
      net = result.network;
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
  console.log(lines.join('\n'));
}

main();
