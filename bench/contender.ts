/**
 * One contender on one workload, in a process of its own:
 *
 *   node --import tsx bench/contender.ts <contender> <workload> [--quick]
 *
 * Checks the notebook's step and the workload's first steps against the
 * reference, then times training and prints one `RESULT {json}` line.
 * A contender that throws is reported as unavailable, with the error.
 *
 * Every process imports mathjs first, whether its contender uses it or not
 * (the reference does not): the library cannot run without its peer
 * dependency, and importing it costs about 100 MiB of resident memory, which
 * would otherwise swamp the comparison of what training itself allocates.
 */
import { flopsOf } from './flops.js';
import { allFinite, compareWeights, notebookUpdate } from './checks.js';
import { createReference } from './reference.js';
import { RESULT_PREFIX, type ContenderResult } from './result.js';
import { FULL_PLAN, QUICK_PLAN, measure } from './timing.js';
import { loadContender, type Contender } from './trainer.js';
import { WORKLOAD_NAMES, makeWorkload, notebookWorkload, sliceWorkload, type Workload, type WorkloadName } from './workloads.js';

/** How much of each workload the same-order check trains: `count` examples, `epochs` times. */
const SAME_ORDER: Record<WorkloadName, { count: number; epochs: number }> = {
  W1: { count: 8, epochs: 1000 },
  W2: { count: 64, epochs: 1 },
  W3: { count: 128, epochs: 1 },
  W4: { count: 256, epochs: 1 },
};
const SAME_ORDER_QUICK: Record<WorkloadName, { count: number; epochs: number }> = {
  W1: { count: 8, epochs: 100 },
  W2: { count: 16, epochs: 1 },
  W3: { count: 64, epochs: 1 },
  W4: { count: 64, epochs: 1 },
};

/** Largest relative difference from the reference allowed on the notebook step, unless the contender says otherwise. */
const NOTEBOOK_TOLERANCE = 1e-12;

async function main(): Promise<ContenderResult> {
  // Every process loads mathjs, used or not, so peak memory compares training, not imports.
  await import('mathjs');
  const [contender, workloadName] = process.argv.slice(2);
  const quick = process.argv.includes('--quick');
  if (!WORKLOAD_NAMES.includes(workloadName as WorkloadName)) throw new Error(`unknown workload ${workloadName}`);
  const name = workloadName as WorkloadName;
  const entry = await loadContender(contender);
  const adapt = entry.adapt ?? ((w: Workload) => w);
  const notebook = checkNotebook(entry);
  const workload = adapt(makeWorkload(name));
  const { steps, difference, rate } = checkSameOrder(entry, workload, (quick ? SAME_ORDER_QUICK : SAME_ORDER)[name]);
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const timed = timedSet(workload, rate, plan.repeatSeconds);
  const trainer = entry.create(timed);
  const setupMiB = maxRssMiB();
  const timing = measure(trainer, timed.count, plan);
  return {
    contender, workload: name, available: true, note: entry.note, notebook, sameOrder: { steps, difference }, timing,
    timedSetSize: timed.count, flops: flopsOf(timed), setupMiB, peakMiB: maxRssMiB(), finite: allFinite(trainer.weights()),
  };
}

/** One step on the notebook's example, against the reference and the hand derivation. */
function checkNotebook({ create, adapt, tolerance = NOTEBOOK_TOLERANCE }: Contender): ContenderResult['notebook'] {
  const notebook = adapt ? adapt(notebookWorkload()) : notebookWorkload();
  const reference = createReference(notebook);
  reference.train(1);
  const trainer = create(notebook);
  trainer.train(1);
  const vsReference = compareWeights(trainer.weights(), reference.weights());
  const hand = createReference(notebookWorkload());
  hand.train(1);
  const referenceVsHand = compareWeights(hand.weights(), notebookUpdate());
  const ok = vsReference.maxRelative <= tolerance && referenceVsHand.maxRelative <= NOTEBOOK_TOLERANCE;
  return { vsReference, referenceVsHand, ok, tolerance };
}

/** Trains the workload's first examples in order with both; also returns this contender's (cold) rate. */
function checkSameOrder({ create }: Contender, workload: Workload, { count, epochs }: { count: number; epochs: number }) {
  const slice = sliceWorkload(workload, count);
  const reference = createReference(slice);
  reference.train(epochs);
  const trainer = create(slice);
  const start = performance.now();
  trainer.train(epochs);
  const rate = (count * epochs) / Math.max(1e-6, (performance.now() - start) / 1000);
  return { steps: (count * epochs) / workload.batchSize, difference: compareWeights(trainer.weights(), reference.weights()), rate };
}

/** The whole workload, or its first examples when one pass would outlast a repeat. */
function timedSet(workload: Workload, rate: number, repeatSeconds: number): Workload {
  if (workload.count <= rate * repeatSeconds) return workload;
  const B = workload.batchSize;
  return sliceWorkload(workload, Math.max(B, Math.floor((rate * repeatSeconds) / B) * B));
}

function maxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

main().then(
  (result) => console.log(RESULT_PREFIX + JSON.stringify(result)),
  (error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const [contender, workload] = process.argv.slice(2);
    console.log(RESULT_PREFIX + JSON.stringify({ contender, workload, available: false, error: message }));
  },
);
