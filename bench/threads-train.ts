/**
 * Whether `Network.train` gains from the threads over a whole run: trains
 * 784-128-10 (relu, softmax cross-entropy) in batches of 32 on 1,024 rows,
 * with one thread, two threads forced on every product, and `'auto'`
 * (src/engine/thread-pool.ts), in one process, taking turns.
 *
 * Each timing is one `Network.train` call of 4 epochs on mathjs-free
 * Float64Array rows, so the per-call work (checking and copying the 1,024
 * rows, the working copy of the weights) is a small part of it. Each
 * round times the three modes one after another, in a rotating order; the
 * table gives each mode's median and best over the rounds, and the median
 * of the per-round ratios to one thread.
 *
 * Two inputs: the benchmark's MNIST digits (`loadDigits` of bench/mnist.ts,
 * the same 1,024 as W3's; about 80 % zeros, so the kernels that skip zeros
 * run) and the same digits made dense (a small pattern added to every
 * pixel, so the tiled kernels run).
 *
 *   tsx bench/threads-train.ts [--rounds N] [--quick]
 *
 * `npm run bench` appends its table to the report when W3 runs
 * (`--quick`: 3 rounds).
 */
import { loadavg } from 'node:os';
import { Activation, Loss, Network } from '../src/index.js';
import { useThreads, type ThreadMode } from '../src/engine/thread-host.js';
import { CLASSES, PIXELS, loadDigits } from './mnist.js';
import { median } from './timing.js';

const digits = loadDigits(1024);
/** Row `e` of a flat row-major array of rows of `width` numbers. */
const rowsOf = (flat: Float64Array, width: number) =>
  Array.from({ length: digits.count }, (_, e) => flat.subarray(e * width, (e + 1) * width));
const targets = rowsOf(digits.targets, CLASSES);
const inputs = {
  mnist: rowsOf(digits.inputs, PIXELS),
  dense: rowsOf(digits.inputs.map((v, k) => v + ((k % PIXELS) * 7 % 13) / 100), PIXELS),
};
const net = Network.init([784, 128, 10], { seed: 1, activation: Activation.relu });
const EPOCHS = 4;
const at = process.argv.indexOf('--rounds');
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : process.argv.includes('--quick') ? 3 : 7;
const MODES: readonly ThreadMode[] = [1, 2, 'auto'];

/** Milliseconds per epoch of one `Network.train` call under `mode`. */
function epochTime(x: Float64Array[], mode: ThreadMode): number {
  useThreads(mode);
  const start = performance.now();
  Network.train(net, x, targets, { learningRate: 0.01, epochs: EPOCHS, batchSize: 32, loss: Loss.softmaxCrossEntropy });
  return (performance.now() - start) / EPOCHS;
}


console.log('\n### Both cores: 784-128-10 in batches of 32, dense and sparse inputs (bench/threads-train.ts)\n');
console.log(`One \`Network.train\` call of ${EPOCHS} epochs per timing, ${ROUNDS} rounds in a rotating order; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} at the start.\n`);
console.log('| inputs | 1 thread ms/epoch, median (best) | 2 threads | × | auto | × |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, x] of Object.entries(inputs)) {
  for (const mode of MODES) epochTime(x, mode);
  const times = new Map<ThreadMode, number[]>(MODES.map((m) => [m, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < MODES.length; k++) {
      const mode = MODES[(round + k) % MODES.length];
      times.get(mode)!.push(epochTime(x, mode));
    }
  }
  const one = times.get(1)!;
  const cell = (mode: ThreadMode) => {
    const t = times.get(mode)!;
    return `${median(t).toFixed(1)} (${Math.min(...t).toFixed(1)})`;
  };
  const ratio = (mode: ThreadMode) => median(one.map((o, r) => o / times.get(mode)![r])).toFixed(2);
  console.log(`| ${name} | ${cell(1)} | ${cell(2)} | ${ratio(2)} | ${cell('auto')} | ${ratio('auto')} |`);
}
useThreads('auto');
process.exit(0);
