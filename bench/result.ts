/** What a contender process reports to `run.ts`, as one JSON line on stdout. */
import type { Difference } from './checks.js';
import type { Timing } from './timing.js';

/** The line prefix that marks the result among anything else printed. */
export const RESULT_PREFIX = 'RESULT ';

export interface ContenderResult {
  readonly contender: string;
  readonly workload: string;
  /** False when the contender threw; `error` then says what. */
  readonly available: boolean;
  readonly error?: string;
  /** The contender's own remark (float32, a changed workload, a known difference). */
  readonly note?: string;
  /** The notebook's step: this contender against the reference, and the reference against the hand derivation. */
  readonly notebook?: {
    readonly vsReference: Difference;
    readonly referenceVsHand: Difference;
    readonly ok: boolean;
    /** The relative tolerance applied to `vsReference`. */
    readonly tolerance: number;
  };
  /** The workload's first examples, in order, against the reference. */
  readonly sameOrder?: { readonly steps: number; readonly difference: Difference };
  readonly timing?: Timing;
  /** Floating-point operations per example of the timed set (see flops.ts). */
  readonly flops?: { readonly dense: number; readonly performed: number };
  /** Examples in the timed training set (fewer than the workload's for slow contenders). */
  readonly timedSetSize?: number;
  /** Peak resident memory of the process (maxRSS), before timing and at the end. */
  readonly setupMiB?: number;
  readonly peakMiB?: number;
  /** Whether the weights were still finite after timing. */
  readonly finite?: boolean;
}
