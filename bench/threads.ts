/**
 * Where sharing a product between threads pays (src/engine/thread-pool.ts):
 * times the forward product `z = [-1, x] · w` and the weight gradient of
 * one layer, `rows × n × m` multiply-adds, on one thread and on two, in one
 * process, alternating, and prints the median of each and their ratio. The
 * threshold `SHARE_MIN_WORK` is chosen from these rows.
 *
 *   tsx bench/threads.ts [--quick]
 *
 * Inputs are dense (no zeros), so the tiled kernels run; `cpu/wall` says
 * whether the second core was there (near 2 when it was).
 */
import { loadavg } from 'node:os';
import { allocate, createArena } from '../src/engine/arena.js';
import { useThreads } from '../src/engine/thread-host.js';
import { runProduct } from '../src/engine/thread-pool.js';
import type { Op } from '../src/engine/thread-worker.js';

/** The layer shapes timed: around the threshold, and W3's two layers (784-128-10, batches of 32). */
const SHAPES: readonly [number, number, number][] = [
  [8, 64, 64], [32, 16, 64], [32, 64, 64], [32, 128, 64], [32, 128, 128], [32, 256, 128], [32, 128, 10], [32, 784, 128],
];

/** The median time in microseconds of `run`, repeated for about `seconds`. */
function time(run: () => void, seconds: number): number {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until || times.length < 5) {
    const start = performance.now();
    run();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function row([rows, n, m]: readonly [number, number, number], seconds: number): string {
  const arena = createArena((n + 1) * m * 2 + rows * (n + m) + 64, true);
  if (arena === null || !arena.shared) throw new Error('bench/threads: no shared WebAssembly memory on this host');
  const w = allocate(arena, (n + 1) * m).map((_, k) => Math.sin(k));
  const x = allocate(arena, rows * n).map((_, k) => Math.cos(k) + 1.5);
  const z = allocate(arena, rows * m);
  const g = allocate(arena, (n + 1) * m);
  const jobs: [Op, number[]][] = [
    ['forwardTiles', [w.byteOffset, n, m, x.byteOffset, rows, z.byteOffset]],
    ['weightGrad', [n, m, x.byteOffset, rows, z.byteOffset, g.byteOffset]],
  ];
  const cells = jobs.map(([op, args]) => {
    const one = () => { useThreads(1); runProduct(arena, op, args, m, 4, rows, n, m, true); };
    const two = () => { useThreads(2); runProduct(arena, op, args, m, 4, rows, n, m, true); };
    two();
    let [a, b] = [Infinity, Infinity];
    for (let round = 0; round < 3; round++) {
      a = Math.min(a, time(one, seconds / 6));
      b = Math.min(b, time(two, seconds / 6));
    }
    return `${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)}`;
  });
  return `| ${rows} × ${n} × ${m} | ${(rows * n * m).toLocaleString('en')} | ${cells.join(' | ')} |`;
}

function main(): void {
  const seconds = process.argv.includes('--quick') ? 0.3 : 1.5;
  useThreads(2);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const lines = SHAPES.map((shape) => row(shape, seconds));
  const cpu = process.cpuUsage(cpuBefore);
  const share = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}; cpu/wall of the run ${share.toFixed(2)}\n`);
  console.log('| rows × n × m | multiply-adds | forward µs, 1 thread | 2 threads | speed-up | weight gradient µs, 1 thread | 2 threads | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const line of lines) console.log(line);
}

main();
