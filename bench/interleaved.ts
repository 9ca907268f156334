/**
 * W1 timed in one process, the contenders taking turns in short slices, so
 * that the machine's speed (which on the project's VM swings by up to 1.7 ×
 * within seconds) falls on all of them alike. Each round gives each
 * contender one slice of `SLICE_MS` in a rotating order; the table gives
 * each one's median rate over the rounds and the median of the per-round
 * ratios to the reference.
 *
 *   tsx bench/interleaved.ts [--quick]
 *
 * `npm run bench` appends its table when W1 runs. The main tables time each
 * contender in a process of its own instead; both are kept, since each
 * misses what the other shows (this one shares a process's heap and JIT
 * between the contenders).
 */
import { loadavg } from 'node:os';
import { createLibraryStep, createLibraryTrain } from './library.js';
import { createReference } from './reference.js';
import { rate } from './report.js';
import { median } from './timing.js';
import type { Trainer } from './trainer.js';
import { makeWorkload } from './workloads.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 7 : 25;
const SLICE_MS = quick ? 60 : 150;
const WARMUP_MS = quick ? 300 : 1000;

const workload = makeWorkload('W1');
const contenders: readonly [string, Trainer, number][] = [
  // [name, trainer, epochs per call]: calls of about a millisecond, so a call's own work is a small part of it.
  ['reference', createReference(workload), 500],
  ['library', createLibraryTrain(workload), 500],
  ['library-step', createLibraryStep(workload), 50],
];

/** Examples per second over one slice of about `ms`. */
function slice(trainer: Trainer, epochs: number, ms: number): number {
  let examples = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    trainer.train(epochs);
    examples += epochs * workload.count;
    now = performance.now();
  }
  return examples / ((now - start) / 1000);
}


for (const [, trainer, epochs] of contenders) slice(trainer, epochs, WARMUP_MS);
const rates = contenders.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < contenders.length; k++) {
    const c = (round + k) % contenders.length;
    rates[c].push(slice(contenders[c][1], contenders[c][2], SLICE_MS));
  }
}
const lines = [
  '',
  `### ${workload.title}, interleaved in one process (bench/interleaved.ts)`,
  '',
  `${ROUNDS} rounds of one ${SLICE_MS} ms slice per contender, in a rotating order; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} at the end.`,
  '',
  '| contender | examples/s, median (range) | × reference, median of the rounds (range) |',
  '| --- | ---: | ---: |',
  ...contenders.map(([name], c) => {
    const ratios = rates[c].map((r, round) => r / rates[0][round]);
    const range = (values: readonly number[], f: (v: number) => string) => `${f(Math.min(...values))} to ${f(Math.max(...values))}`;
    return `| ${name} | ${rate(median(rates[c]))} (${range(rates[c], rate)}) | ${median(ratios).toFixed(2)} (${range(ratios, (v) => v.toFixed(2))}) |`;
  }),
];
console.log(lines.join('\n'));
