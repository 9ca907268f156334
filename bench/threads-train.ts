/**
 * Whether `Network.train` gains from the threads over a whole run: trains
 * 784-128-10 in batches of 32 on 1,024 rows, one epoch per timing (the
 * mean of three after a warm-up), with one thread, two threads forced on
 * every product, and `'auto'` (src/engine/thread-pool.ts), in one process,
 * taking turns, for three rounds. Two inputs: the benchmark's MNIST digits
 * (`loadDigits` of bench/mnist.ts, the same 1,024 as W3's; about 80 %
 * zeros, so the kernels that skip zeros run) and the same
 * digits made dense (a small pattern added to every pixel, so the tiled
 * kernels run).
 *
 *   tsx bench/threads-train.ts
 *
 * Read the ratios of one round together: the machine's load falls on the
 * three alike.
 */
import { loadavg } from 'node:os';
import { Activation, Loss, Network } from '../src/index.js';
import { useThreads, type ThreadMode } from '../src/engine/thread-host.js';
import { CLASSES, PIXELS, loadDigits } from './mnist.js';

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

/** Milliseconds per epoch under `mode`. */
function epochTime(x: Float64Array[], mode: ThreadMode): number {
  useThreads(mode);
  const options = { learningRate: 0.01, epochs: 1, batchSize: 32, loss: Loss.softmaxCrossEntropy };
  Network.train(net, x, targets, options);
  const start = performance.now();
  for (let i = 0; i < 3; i++) Network.train(net, x, targets, options);
  return (performance.now() - start) / 3;
}

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}\n`);
console.log('| inputs | round | 1 thread ms | 2 threads ms | × | auto ms | × |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, x] of Object.entries(inputs)) {
  for (let round = 1; round <= 3; round++) {
    const one = epochTime(x, 1), two = epochTime(x, 2), auto = epochTime(x, 'auto');
    console.log(`| ${name} | ${round} | ${one.toFixed(1)} | ${two.toFixed(1)} | ${(one / two).toFixed(2)} | ${auto.toFixed(1)} | ${(one / auto).toFixed(2)} |`);
  }
}
useThreads('auto');
process.exit(0);
