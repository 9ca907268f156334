/**
 * Tests of src/engine/thread-choice.ts: how `'auto'` chooses between one
 * thread and all of them from its own timings. The timings here are made
 * up (milliseconds per multiply-add), so every case is exact.
 */
import { describe, expect, it } from 'vitest';
import { createThreadChooser, KEPT, TRY_OTHER_EVERY, type ThreadChooser } from '../../src/engine/thread-choice.js';

/** Runs `count` products of `op`, timing each shared one at `shared` and each other at `single`; returns the choices. */
function run(chooser: ThreadChooser, op: string, count: number, shared: number, single: number): boolean[] {
  const choices: boolean[] = [];
  for (let k = 0; k < count; k++) {
    const share = chooser.share(op);
    choices.push(share);
    chooser.timed(op, share, share ? shared : single);
  }
  return choices;
}

const count = (choices: readonly boolean[], value: boolean) => choices.filter((c) => c === value).length;

describe('createThreadChooser', () => {
  it('times KEPT products shared, then KEPT on one thread', () => {
    const choices = run(createThreadChooser(), 'forwardTiles', 2 * KEPT, 1, 2);
    expect(choices).toEqual([...Array<boolean>(KEPT).fill(true), ...Array<boolean>(KEPT).fill(false)]);
  });

  it('then takes the faster way, trying the other once in TRY_OTHER_EVERY products', () => {
    const faster = createThreadChooser();
    run(faster, 'weightGrad', 2 * KEPT, 1, 2);
    const shared = run(faster, 'weightGrad', 4 * TRY_OTHER_EVERY, 1, 2);
    expect(count(shared, false)).toBe(4);

    const slower = createThreadChooser();
    run(slower, 'weightGrad', 2 * KEPT, 3, 2);
    const single = run(slower, 'weightGrad', 4 * TRY_OTHER_EVERY, 3, 2);
    expect(count(single, true)).toBe(4);
  });

  it('keeps sharing after one late reply: the best of the last KEPT counts', () => {
    const chooser = createThreadChooser();
    run(chooser, 'forwardTiles', 2 * KEPT, 1, 2);
    chooser.timed('forwardTiles', true, 50);
    expect(count(run(chooser, 'forwardTiles', TRY_OTHER_EVERY, 1, 2), true)).toBe(TRY_OTHER_EVERY - 1);
  });

  it('turns to one thread when sharing gets slow, and back when it is fast again', () => {
    const chooser = createThreadChooser();
    run(chooser, 'forwardTiles', 2 * KEPT, 1, 2);
    // The second core gets busy: sharing now takes 4; after KEPT such timings, none of the fast ones is left.
    const busy = run(chooser, 'forwardTiles', 3 * TRY_OTHER_EVERY, 4, 2);
    expect(busy.slice(0, KEPT).every(Boolean)).toBe(true);
    expect(busy.slice(KEPT + 1).filter(Boolean).length).toBeLessThanOrEqual(3);
    // The core is free again: the products tried shared take 1, and the choice turns back.
    const free = run(chooser, 'forwardTiles', 2 * TRY_OTHER_EVERY, 1, 2);
    expect(count(free.slice(-TRY_OTHER_EVERY), true)).toBe(TRY_OTHER_EVERY - 1);
  });

  it('keeps a record per kernel', () => {
    const chooser = createThreadChooser();
    run(chooser, 'forwardTiles', 2 * KEPT, 1, 2);
    run(chooser, 'weightGrad', 2 * KEPT, 3, 2);
    expect(count(run(chooser, 'forwardTiles', TRY_OTHER_EVERY, 1, 2), true)).toBe(TRY_OTHER_EVERY - 1);
    expect(count(run(chooser, 'weightGrad', TRY_OTHER_EVERY, 3, 2), false)).toBe(TRY_OTHER_EVERY - 1);
  });
});
