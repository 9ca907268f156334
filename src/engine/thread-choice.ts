/**
 * How `'auto'` chooses between one thread and all of them for a product big
 * enough to share: by timing both. For each kernel it keeps the last
 * {@link KEPT} timings of each way, in milliseconds per multiply-add, and
 * takes the way whose best is lower. It first times {@link KEPT} products
 * shared, then as many on one thread; after that, one product in
 * {@link TRY_OTHER_EVERY} of each kernel goes the other way, so that both
 * records follow the machine's load.
 *
 * NOTE: the best of the last few, not their mean or median. On an idle
 * machine a worker's reply is now and then a few milliseconds late (a
 * median of five once turned to one thread after three such replies in a
 * row, at half the speed), and a worker's first products run before its
 * kernels are fully compiled. When the second core gets busy, every shared
 * timing rises and the choice turns to one thread within {@link KEPT}
 * products; when it is free again, the products tried the other way turn
 * it back.
 */

/** Of each kernel's shareable products, one in this many goes the way that is not the current choice. */
export const TRY_OTHER_EVERY = 32;
/** How many of the latest timings of each way the choice looks at. */
export const KEPT = 5;

/** The latest timings of one way, newest last. */
type Timings = number[];

/** The choices of one kernel. */
interface KernelRecord {
  readonly shared: Timings;
  readonly single: Timings;
  products: number;
}

/** A chooser: `share(op)` before a product, `timed(op, shared, msPerWork)` after it. */
export interface ThreadChooser {
  /** Whether the next shareable product of kernel `op` is shared. */
  share(op: string): boolean;
  /** Records how long a product of `op` took per multiply-add, and whether it was shared. */
  timed(op: string, shared: boolean, msPerWork: number): void;
}

function best(values: readonly number[]): number {
  let low = Infinity;
  for (const v of values) low = Math.min(low, v);
  return low;
}

/** A new chooser with no timings. */
export function createThreadChooser(): ThreadChooser {
  const kernels = new Map<string, KernelRecord>();
  const recordOf = (op: string): KernelRecord => {
    let record = kernels.get(op);
    if (record === undefined) {
      record = { shared: [], single: [], products: 0 };
      kernels.set(op, record);
    }
    return record;
  };
  return {
    share(op) {
      const record = recordOf(op);
      record.products++;
      if (record.shared.length < KEPT) return true;
      if (record.single.length < KEPT) return false;
      const faster = best(record.shared) <= best(record.single);
      return record.products % TRY_OTHER_EVERY === 0 ? !faster : faster;
    },
    timed(op, shared, msPerWork) {
      const record = recordOf(op);
      const timings = shared ? record.shared : record.single;
      timings.push(msPerWork);
      if (timings.length > KEPT) timings.shift();
    },
  };
}
