/**
 * Checks made once at the public boundary, each throwing our error with a
 * message that starts with the function's name.
 */
import { ShapeError, ValueError } from '../errors.js';
import { sizeOf, type Flat } from './convert.js';
import { checkNumber } from './options.js';

/** Refuses a learning rate that is not a positive finite number. */
export function checkLearningRate(rate: unknown, where: string): number {
  return checkNumber(rate, { min: 0, exclusive: true }, 'learningRate', where);
}



/**
 * Refuses `data` (one example or a batch) whose number of columns is not
 * `columns`; `what` names it in the message ("input", "target").
 */
export function checkColumns(data: Flat, columns: number, where: string, what: string): void {
  if (data.cols !== columns) {
    const expected = data.rank === 1 ? [columns] : [data.rows, columns];
    const per = data.rank === 1 ? '' : ' per row';
    throw new ShapeError(
      `${where}: ${what} must have ${columns} entries${per}, got ${data.cols}`,
      expected,
      sizeOf(data),
    );
  }
}

/** Refuses a target whose shape is not that of the output for `input`. */
export function checkTarget(target: Flat, input: Flat, outputs: number, where: string): void {
  if (target.rank !== input.rank || target.rows !== input.rows || target.cols !== outputs) {
    const expected = input.rank === 1 ? [outputs] : [input.rows, outputs];
    const actual = sizeOf(target);
    throw new ShapeError(
      `${where}: target must have the output's size [${expected.join(', ')}], got [${actual.join(', ')}]`,
      expected,
      actual,
    );
  }
}

/**
 * Refuses a result that is NaN or ±Infinity anywhere in `values`, so that no
 * function hands one back silently. With `columns`, the message names the
 * row (the example) and the entry.
 */
export function checkResult(values: ArrayLike<number>, where: string, what: string, columns = 0): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      const at = columns > 0 ? ` for example ${Math.floor(k / columns)} at entry ${k % columns}` : '';
      throw new ValueError(
        `${where}: ${what} came out as ${values[k]}${at}: the weights or inputs overflow float64, or an activation or loss returned it`,
      );
    }
  }
}
