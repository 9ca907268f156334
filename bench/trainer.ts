/**
 * What every contender provides: a trainer over one workload.
 *
 * The harness only ever calls `train` (timed) and `weights` (for the checks),
 * so a contender is free to keep its network in whatever form it likes:
 * Float64Arrays, mathjs matrices, our library's `Network`, or another
 * library's objects.
 */
import type { Workload } from './workloads.js';

export interface Trainer {
  /**
   * Trains `epochs` passes over the workload's examples in their order:
   * forward, backward and update for every example (or batch).
   */
  train(epochs: number): void;
  /** The current weights, one row-major `(n + 1) x m` array per layer, bias row first (copies). */
  weights(): Float64Array[];
}

/** Builds a trainer starting from `workload.initialWeights` (which it must not mutate). */
export type CreateTrainer = (workload: Workload) => Trainer;

/** A contender: its trainer, and how it departs from the workloads, if it does. */
export interface Contender {
  readonly create: CreateTrainer;
  /**
   * The workload as this contender can run it, e.g. with a sigmoid output
   * where a library has no identity output. The reference it is checked
   * against runs the same adapted workload. Default: unchanged.
   */
  readonly adapt?: (workload: Workload) => Workload;
  /** Largest relative difference from the reference allowed on the notebook step. @defaultValue 1e-12 */
  readonly tolerance?: number;
  /** Said next to the results: float32, a changed workload, why a check fails. */
  readonly note?: string;
}

/** Our contenders, in table order (the peers follow them; see peers.ts). */
export const CONTENDER_NAMES = ['reference', 'reference-tiled', 'naive-mathjs', 'library', 'library-1thread', 'library-step'] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

/**
 * Imports one contender's module on demand, so a process loads only what its
 * contender needs.
 */
export async function loadContender(name: string): Promise<Contender> {
  switch (name) {
    case 'reference': return { create: (await import('./reference.js')).createReference };
    case 'reference-tiled': return { create: (await import('./reference-tiled.js')).createTiledReference };
    case 'naive-mathjs': return { create: (await import('./naive-mathjs.js')).createNaiveMathjs };
    case 'library': return { create: (await import('./library.js')).createLibraryTrain };
    case 'library-1thread': return { create: (await import('./library.js')).createLibraryTrainOneThread, note: 'threads off' };
    case 'library-step': return { create: (await import('./library.js')).createLibraryStep };
    default: return (await import('./peers.js')).loadPeer(name);
  }
}
