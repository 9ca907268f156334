/**
 * Turns the contenders' results into the Markdown the harness prints and
 * saves: one table per workload, then the goals of issue 4, each marked met
 * or not met from the numbers of this run.
 */
import type { Difference } from './checks.js';
import type { ContenderResult } from './result.js';
import { CONTENDER_NAMES } from './trainer.js';

/** Where and how the run was made, printed above the tables. */
export interface RunInfo {
  readonly command: string;
  readonly date: string;
  readonly machine: string;
  readonly titles: Readonly<Record<string, string>>;
  /** The machine's load around the run; a busy machine makes every number low. */
  readonly load: string;
  /** Each pair ran this many times; the table shows its fastest round. */
  readonly rounds: number;
  /** The single-core SIMD peak measured in this run (flops.ts), GFLOP/s; null without WebAssembly SIMD. */
  readonly peak: number | null;
}

/** The whole report as Markdown. */
export function formatReport(results: readonly ContenderResult[], info: RunInfo): string {
  const lines = [
    '# mathjs-backprop benchmark', '',
    `\`${info.command}\` on ${info.machine}, ${info.date}; ${info.load}.`, '',
    'Examples per second of training (forward, backward and update; median of the repeats after a warm-up),',
    `each contender in its own process, the fastest of ${info.rounds} round${info.rounds > 1 ? 's' : ''};`,
    '`× reference` is against the plain-loop reference of the same run. `cpu/wall` near 1 means the process had a core',
    'to itself while timed. Peak MiB is the process\'s maxRSS (every process imports mathjs first); `+MiB` is its growth while timed.',
    'GFLOP/s (bench/flops.ts): `dense` counts every weight\'s multiply-adds, `done` only those of non-zero inputs (what the',
    `kernels skip); \`% peak\` is \`done\` against a tight single-core SIMD loop timed in this run: ${info.peak === null ? 'unavailable' : `${info.peak.toFixed(2)} GFLOP/s`}.`,
    '',
  ];
  for (const workload of unique(results.map((r) => r.workload))) {
    const rows = results.filter((r) => r.workload === workload);
    lines.push(`## ${info.titles[workload] ?? workload}`, '', ...workloadTable(rows, info.peak), '');
    const notes = rows.filter((r) => r.note).map((r) => `- ${r.contender}: ${r.note}`);
    if (notes.length > 0) lines.push(...notes, '');
  }
  const decided = goals(results);
  lines.push('## Goals (issues 4 and 13)', '');
  if (decided.length === 0) lines.push('No goal can be decided without `library` and the contenders it is measured against.');
  else lines.push('| goal | measured | met |', '|---|---|---|', ...decided.map((g) => `| ${g.goal} | ${g.measured} | ${g.met} |`));
  return lines.join('\n') + '\n';
}

function workloadTable(rows: readonly ContenderResult[], peak: number | null): string[] {
  const reference = rows.find((r) => r.contender === 'reference');
  const out = [
    '| contender | examples/s | × reference | GFLOP/s dense | GFLOP/s done | % peak | cpu/wall | peak MiB | +MiB | notebook step | same data order as reference |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of rows) {
    if (!r.available || !r.timing) {
      out.push(`| ${r.contender} | unavailable: ${escape(r.error ?? 'no result')} | | | | | | | | | |`);
      continue;
    }
    const ratio = reference?.timing ? r.timing.examplesPerSecond / reference.timing.examplesPerSecond : NaN;
    const ratioText = ratio < 0.1 ? ratio.toPrecision(2) : fixed(ratio, 2);
    const growth = (r.peakMiB ?? 0) - (r.setupMiB ?? 0);
    const finite = r.finite ? '' : ' (weights not finite!)';
    const gflops = (perExample?: number) => (perExample === undefined ? NaN : (r.timing!.examplesPerSecond * perExample) / 1e9);
    const done = gflops(r.flops?.performed);
    const share = peak === null ? '—' : `${((100 * done) / peak).toFixed(1)}`;
    out.push(
      `| ${r.contender} | ${rate(r.timing.examplesPerSecond)}${finite} | ${ratioText} ` +
        `| ${fixed(gflops(r.flops?.dense), 2)} | ${fixed(done, 2)} | ${share} | ${fixed(r.timing.cpuShare, 2)} ` +
        `| ${fixed(r.peakMiB, 0)} | ${fixed(growth, 0)} ` +
        `| ${notebookCell(r)} | ${sameOrderCell(r)} |`,
    );
  }
  return out;
}

function notebookCell(r: ContenderResult): string {
  if (!r.notebook) return '';
  const { vsReference, referenceVsHand, ok } = r.notebook;
  const detail = r.contender === 'reference' ? `hand derivation ${diff(referenceVsHand)}` : diff(vsReference);
  return `${ok ? 'ok' : '**FAILS**'} (${detail})`;
}

function sameOrderCell(r: ContenderResult): string {
  if (!r.sameOrder) return '';
  if (r.contender === 'reference') return `(${r.sameOrder.steps} steps)`;
  return `${diff(r.sameOrder.difference)} after ${r.sameOrder.steps} steps`;
}

/** "identical", or the largest absolute difference and how many weights differ. */
function diff(d: Difference): string {
  if (d.differing === 0) return 'identical';
  return `max abs diff ${d.maxAbsolute.toExponential(1)}, ${d.differing}/${d.total} differ`;
}

interface GoalRow { goal: string; measured: string; met: string }

/** The goals of issue 4 that this run's results can decide. */
function goals(results: readonly ContenderResult[]): GoalRow[] {
  const find = (workload: string, contender: string) =>
    results.find((r) => r.workload === workload && r.contender === contender);
  const speed = (workload: string, contender: string, against: string, atLeast: number, goal: string): GoalRow | null => {
    const a = find(workload, contender), b = find(workload, against);
    if (!a || !b) return null;
    if (!a.timing || !b.timing) return { goal, measured: `${!a.timing ? contender : against} unavailable`, met: 'not met' };
    const ratio = a.timing.examplesPerSecond / b.timing.examplesPerSecond;
    return { goal, measured: `${ratio.toPrecision(3)} × ${against}`, met: ratio >= atLeast ? 'met' : 'not met' };
  };
  const rows: (GoalRow | null)[] = [
    speed('W1', 'library', 'reference', 1.3, 'W1: `library` ≥ 1.3 × reference (synaptic)'),
    speed('W2', 'library', 'reference', 0.95, 'W2: `library` ≥ 0.95 × reference'),
    speed('W3', 'library', 'reference-tiled', 1, 'W3: `library` ≥ reference-tiled'),
    speed('W4', 'library', 'reference', 0.95, 'W4: `library` ≥ 0.95 × reference'),
    speed('W1', 'library-step', 'reference', 0.1, 'W1: `library-step` within 10 × reference (≥ 0.1 ×)'),
    speed('W2', 'library-step', 'reference', 2 / 3, 'W2: `library-step` within 1.5 × reference (≥ 0.67 ×)'),
    memoryGoal(find('W2', 'library'), find('W2', 'reference')),
    speed('W1', 'library', 'reference', 2.3, 'W1: `library` ≥ 2.3 × reference (issue 13: no regression)'),
    speed('W2', 'library', 'reference', 6, 'W2: `library` ≥ 6 × reference (issue 13)'),
    speed('W3', 'library', 'reference', 3, 'W3: `library` ≥ 3 × reference (issue 13)'),
    speed('W4', 'library', 'reference', 2, 'W4: `library` ≥ 2 × reference (issue 13)'),
    speed('W1', 'library-step', 'reference', 0.25, 'W1: `library-step` ≥ 0.25 × reference (issue 13)'),
    speed('W2', 'library-step', 'reference', 1, 'W2: `library-step` ≥ 1 × reference (issue 13)'),
    speed('W3', 'library', 'library-1thread', 1, 'W3: `library` (threads where they pay) ≥ `library-1thread` (issue 13)'),
  ];
  for (const workload of unique(results.map((r) => r.workload))) rows.push(peersGoal(results.filter((r) => r.workload === workload)));
  for (const workload of unique(results.map((r) => r.workload))) {
    const r = find(workload, 'library');
    if (!r) continue;
    const d = r.sameOrder?.difference;
    rows.push({
      goal: `${workload}: \`library\` gives the reference's bits for the same data order`,
      measured: d ? diff(d) : `unavailable`,
      met: d?.differing === 0 ? 'met' : 'not met',
    });
  }
  return rows.filter((row): row is GoalRow => row !== null);
}

/** Issue 4's headline: `library` ahead of every JavaScript library that ran. */
function peersGoal(rows: readonly ContenderResult[]): GoalRow | null {
  const own = new Set<string>(CONTENDER_NAMES);
  const peers = rows.filter((r) => !own.has(r.contender) && r.timing);
  const library = rows.find((r) => r.contender === 'library');
  if (peers.length === 0 || !library) return null;
  const best = peers.reduce((a, b) => (b.timing!.examplesPerSecond > a.timing!.examplesPerSecond ? b : a));
  const goal = `${library.workload}: \`library\` faster than every peer`;
  if (!library.timing) return { goal, measured: 'library unavailable', met: 'not met' };
  const ratio = library.timing.examplesPerSecond / best.timing!.examplesPerSecond;
  return { goal, measured: `${ratio.toPrecision(3)} × the fastest peer, ${best.contender} (${rate(best.timing!.examplesPerSecond)}/s)`, met: ratio >= 1 ? 'met' : 'not met' };
}

function memoryGoal(library?: ContenderResult, reference?: ContenderResult): GoalRow | null {
  const goal = 'W2: `library` peak memory ≤ 1.2 × reference';
  if (!library || !reference) return null;
  if (!library.peakMiB || !reference.peakMiB) return { goal, measured: 'unavailable', met: 'not met' };
  const ratio = library.peakMiB / reference.peakMiB;
  return { goal, measured: `${ratio.toPrecision(3)} × (${fixed(library.peakMiB, 0)} vs ${fixed(reference.peakMiB, 0)} MiB)`, met: ratio <= 1.2 ? 'met' : 'not met' };
}

/** 10.1 M, 6.9 k, 75. */
export function rate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(x >= 1e7 ? 1 : 2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(x >= 1e4 ? 1 : 2)} k`;
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

function fixed(x: number | undefined, digits: number): string {
  return x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').slice(0, 160);
}
