/**
 * Measures a trainer's speed: examples per second of training (forward,
 * backward and update), after a warm-up, as the median of several repeats.
 */
import type { Trainer } from './trainer.js';

/** How long to measure. */
export interface TimingPlan {
  /** Seconds of untimed training first, to let the JIT settle. */
  readonly warmupSeconds: number;
  /** Number of timed repeats; the median is reported. */
  readonly repeats: number;
  /** Seconds per repeat (at least one call). */
  readonly repeatSeconds: number;
}

export const FULL_PLAN: TimingPlan = { warmupSeconds: 1, repeats: 5, repeatSeconds: 0.4 };
export const QUICK_PLAN: TimingPlan = { warmupSeconds: 0.2, repeats: 3, repeatSeconds: 0.15 };

/** Median examples per second, and every repeat's rate. */
export interface Timing {
  readonly examplesPerSecond: number;
  readonly repeats: number[];
  /** Examples per `train` call in the timed repeats. */
  readonly examplesPerCall: number;
  /**
   * CPU time of the process over wall time, during the repeats: about 1 for a
   * single-threaded contender that had a core to itself, less when other
   * processes took turns on its core (more when it runs threads of its own).
   */
  readonly cpuShare: number;
}

/**
 * Times `trainer.train(epochs)` over a set of `examplesPerEpoch` examples.
 * The number of epochs per call is chosen after the warm-up so one call
 * lasts about a twentieth of a repeat, which keeps the clock's cost small.
 */
export function measure(trainer: Trainer, examplesPerEpoch: number, plan: TimingPlan): Timing {
  let epochs = 1;
  let done = 0;
  const warmupStart = performance.now();
  while (performance.now() - warmupStart < plan.warmupSeconds * 1000) {
    trainer.train(epochs);
    done += epochs;
    const rate = done / ((performance.now() - warmupStart) / 1000);
    epochs = Math.max(1, Math.min(epochs * 2, Math.floor((rate * plan.repeatSeconds) / 20)));
  }
  const rates: number[] = [];
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let r = 0; r < plan.repeats; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      trainer.train(epochs);
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < plan.repeatSeconds * 1000);
    rates.push((calls * epochs * examplesPerEpoch) / (elapsed / 1000));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
  return { examplesPerSecond: median(rates), repeats: rates, examplesPerCall: epochs * examplesPerEpoch, cpuShare };
}

/** The median of `values` (the upper one of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
