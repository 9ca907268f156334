/**
 * `Loss.define`: a custom loss checked and frozen, under a name that no
 * built-in loss has.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';
import type { BigLoss, Loss } from './loss-type.js';

const WHERE = 'Loss.define';
const MAX_NAME_LENGTH = 100;

/**
 * The names a custom loss may not take: the built-in losses' (the last one
 * reserved for the sigmoid cross-entropy of 0.2), so that a name never
 * passes for a built-in loss in an explanation or a report.
 */
export const BUILT_IN_LOSS_NAMES: readonly string[] = Object.freeze([
  'squaredError', 'binaryCrossEntropy', 'softmaxCrossEntropy', 'sigmoidCrossEntropy',
]);

/** What `Loss.define` takes: a `Loss` without its guarantees. */
export interface LossDefinition {
  /** The loss's name: non-empty, at most 100 characters, not a built-in loss's. */
  readonly name: string;
  /** The loss of one example, `L(y, t)`, summed over the outputs. */
  readonly value: Loss['value'];
  /** Writes `∂L/∂y_k` for every output `k` into its third argument. */
  readonly gradient: Loss['gradient'];
  /** The loss in mathjs BigNumber arithmetic, for the exact reference of `gradientCheck`. */
  readonly big?: BigLoss | undefined;
}

/**
 * Makes a custom loss: checks that it has a name of its own and the two
 * functions, and returns it frozen (its `big` form too). The loss of one
 * example is `value(y, t)`, summed over the outputs; the network takes the
 * mean over a batch, as for the built-in losses. Run `Loss.check` on it
 * before training: it compares `gradient` with central differences of
 * `value`. Costs nothing per call; the functions are used as given.
 *
 * @param definition - the `name`, `value(y, t)` and `gradient(y, t, into)`,
 *   and optionally `big: { value(y, t, math) }`.
 * @throws {@link ValueError} if the name is empty, too long or a built-in
 *   loss's, if `value` or `gradient` is not a function, or if `big` has no
 *   `value` function.
 * @returns the loss, frozen.
 *
 * @example
 * The absolute error cubed, `Σ_k |y_k - t_k|^3`, with its gradient
 * `3 (y_k - t_k) |y_k - t_k|`:
 * ```ts
 * import { Loss } from 'mathjs-backprop';
 * const cubic = Loss.define({
 *   name: 'cubicError',
 *   value: (y, t) => Array.from(y).reduce((sum, yk, k) => sum + Math.abs(yk - t[k]) ** 3, 0),
 *   gradient: (y, t, into) => {
 *     for (let k = 0; k < y.length; k++) into[k] = 3 * (y[k] - t[k]) * Math.abs(y[k] - t[k]);
 *   },
 * });
 * cubic.value([3, 1], [1, 2]); // => 9
 * Object.isFrozen(cubic); // => true
 * Loss.check(cubic).ok; // => true
 * ```
 */
export function define(definition: LossDefinition): Loss {
  const { name, value, gradient, big } = definition ?? ({} as LossDefinition);
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new ValueError(`${WHERE}: name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters, got ${describeValue(name)}`);
  }
  if (BUILT_IN_LOSS_NAMES.includes(name)) {
    throw new ValueError(`${WHERE}: "${name}" is the name of a built-in loss; use Loss.${name} or choose another name`);
  }
  if (typeof value !== 'function' || typeof gradient !== 'function') {
    throw new ValueError(`${WHERE}: "${name}" needs value(y, t) and gradient(y, t, into) functions`);
  }
  if (big !== undefined && (big === null || typeof big.value !== 'function')) {
    throw new ValueError(`${WHERE}: "${name}" big must be an object with a value(y, t, math) function, got ${describeValue(big)}`);
  }
  const frozenBig = big === undefined ? {} : { big: Object.freeze({ value: big.value }) };
  return Object.freeze({ name, value, gradient, ...frozenBig });
}
