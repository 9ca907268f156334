/**
 * `npm run bench`: runs every contender on every workload, each pair in a
 * process of its own, one after another, and prints the tables of issue 4.
 *
 *   tsx bench/run.ts [--quick] [--only W1,W3] [--contenders reference,library] [--rounds 2] [--peers]
 *
 * --quick       a smoke run: a fraction of a second of timing per contender, one round
 * --only        the workloads to run (default all)
 * --contenders  the contenders to run (default all that apply)
 * --rounds      how many times to run every pair, alternating the order; each
 *               pair keeps its fastest round, since other load on the machine
 *               only ever slows a process down (default 2, 1 with --quick)
 * --peers       also install and run the JavaScript libraries of issue 4 (see peers.ts)
 *
 * The report also goes to bench/results/latest.md (git-ignored).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePeak } from './flops.js';
import { PEERS, preparePeers } from './peers.js';
import { formatReport, rate } from './report.js';
import type { Difference } from './checks.js';
import { RESULT_PREFIX, type ContenderResult } from './result.js';
import { CONTENDER_NAMES } from './trainer.js';
import { WORKLOAD_NAMES, type WorkloadName } from './workloads.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);

/** Titles for the tables (the workloads themselves are built in the child processes). */
const TITLES: Record<WorkloadName, string> = {
  W1: 'W1 notebook 2-3-1, per example (8 examples)',
  W2: 'W2 784-128-10 MNIST, per example (1024 digits)',
  W3: 'W3 784-128-10 MNIST, batches of 32 (1024 digits)',
  W4: 'W4 16-64-64-64-1 tanh, per example (1024 examples)',
};

interface Options {
  readonly quick: boolean;
  readonly peers: boolean;
  readonly rounds: number;
  readonly workloads: WorkloadName[];
  readonly contenders: string[] | null;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : null;
  };
  const workloads = (value('--only') ?? [...WORKLOAD_NAMES]) as WorkloadName[];
  for (const w of workloads) {
    if (!WORKLOAD_NAMES.includes(w)) throw new Error(`bench: unknown workload ${w}; expected one of ${WORKLOAD_NAMES.join(', ')}`);
  }
  const quick = argv.includes('--quick');
  const rounds = Number(value('--rounds')?.[0] ?? (quick ? 1 : 2));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('bench: --rounds expects a positive integer');
  return { quick, peers: argv.includes('--peers'), rounds, workloads, contenders: value('--contenders') };
}

/** Contenders only on batches (W3): the tiled reference, and the library on one thread beside `library` on all of them. */
const BATCH_ONLY: readonly string[] = ['reference-tiled', 'library-1thread'];

/** The contenders that apply to a workload: some of ours and some peers only on batches or only per example. */
function contendersFor(workload: WorkloadName, peers: boolean): string[] {
  const own = CONTENDER_NAMES.filter((c) => !BATCH_ONLY.includes(c) || workload === 'W3');
  const others = peers ? PEERS.filter((p) => p.batches || workload !== 'W3').map((p) => p.name) : [];
  return [...own, ...others];
}

/** Runs one contender process and parses its result line; a crash or timeout becomes "unavailable". */
function runContender(contender: string, workload: string, quick: boolean): Promise<ContenderResult> {
  const args = ['--import', 'tsx', join(BENCH, 'contender.ts'), contender, workload, ...(quick ? ['--quick'] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const peer = !CONTENDER_NAMES.includes(contender as never);
    const timer = setTimeout(() => child.kill('SIGKILL'), (peer ? 600 : quick ? 90 : 240) * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ContenderResult);
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (timeout)' : ''}` : `exit code ${code}`;
      const detail = stderr.trim().split('\n').slice(-1)[0] ?? '';
      resolve({ contender, workload, available: false, error: `${why}${detail ? `: ${detail}` : ''}` });
    });
  });
}

/** Two lines per process: what its checks found, then its speed. */
function progress(r: ContenderResult, round: number): string {
  const head = `${r.workload} ${r.contender}`;
  if (!r.available || !r.timing || !r.notebook || !r.sameOrder) return `unavailable ${head}: ${r.error}`;
  const { vsReference, referenceVsHand, ok } = r.notebook;
  const describe = (d: Difference) => d.differing === 0 ? 'identical' : `max abs diff ${d.maxAbsolute.toExponential(2)}, ${d.differing}/${d.total} weights differ`;
  const check = `check ${head}: notebook step ${ok ? 'ok' : 'FAILS'} (vs reference: ${describe(vsReference)}; ` +
    `reference vs hand derivation: ${describe(referenceVsHand)}); first ${r.sameOrder.steps} steps vs reference: ${describe(r.sameOrder.difference)}`;
  const time = `time  ${head} (round ${round + 1}): ${rate(r.timing.examplesPerSecond)} examples/s, ` +
    `cpu/wall ${r.timing.cpuShare.toFixed(2)}, peak ${r.peakMiB?.toFixed(0)} MiB`;
  return `${check}\n${time}`;
}

/** The faster of two results of one pair (an available one over an unavailable one). */
function faster(a: ContenderResult | undefined, b: ContenderResult): ContenderResult {
  if (!a?.timing) return b.timing || !a ? b : a;
  return b.timing && b.timing.examplesPerSecond > a.timing.examplesPerSecond ? b : a;
}

/** The table of a script of its own (bench/optimizers.ts, bench/threads-train.ts), run in a process of its own; a line saying so if it fails. */
function runSection(script: string, what: string, quick: boolean): Promise<string> {
  const args = ['--import', 'tsx', join(BENCH, script), ...(quick ? ['--quick'] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (code) => resolve(code === 0 ? `\n${stdout}` : `\n(${what} unavailable: exit code ${code})\n`));
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.peers) preparePeers();
  const pairs = options.workloads.flatMap((workload) =>
    contendersFor(workload, options.peers)
      .filter((contender) => !options.contenders || options.contenders.includes(contender))
      .map((contender) => ({ workload, contender })));
  const peakBefore = measurePeak();
  const loadBefore = loadavg()[0];
  if (loadBefore > 0.5) console.error(`bench: the machine is busy (load average ${loadBefore.toFixed(2)}); timings will be low and noisy`);
  const best = new Map<string, ContenderResult>();
  for (let round = 0; round < options.rounds; round++) {
    for (const { workload, contender } of round % 2 === 0 ? pairs : [...pairs].reverse()) {
      const result = await runContender(contender, workload, options.quick);
      console.error(progress(result, round));
      best.set(`${workload} ${contender}`, faster(best.get(`${workload} ${contender}`), result));
    }
  }
  // The better of the peaks before and after the contenders: load only ever lowers it.
  const peakAfter = measurePeak();
  const peak = peakBefore === null || peakAfter === null ? null : Math.max(peakBefore, peakAfter);
  const results = pairs.map(({ workload, contender }) => best.get(`${workload} ${contender}`)!);
  const report = formatReport(results, {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores), ${platform()} ${release()}, Node ${process.version}`,
    titles: TITLES,
    rounds: options.rounds,
    peak,
    load: `1-minute load average ${loadBefore.toFixed(2)} before the run (${loadavg()[0].toFixed(2)} after, counting the run itself)`,
  });
  const w3 = options.workloads.includes('W3');
  const interleaved = options.workloads.includes('W1') ? await runSection('interleaved.ts', 'interleaved W1 rows', options.quick) : '';
  const optimizers = w3 ? await runSection('optimizers.ts', 'optimiser rows', options.quick) : '';
  const threads = w3 ? await runSection('threads-train.ts', 'thread rows', options.quick) : '';
  const sections = report + interleaved + optimizers + threads;
  console.log('\n' + sections);
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  writeFileSync(join(BENCH, 'results', 'latest.md'), sections);
  console.error('written to bench/results/latest.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
