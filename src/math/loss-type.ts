/**
 * The `Loss` type: the loss of one example and its gradient side by side,
 * and its BigNumber form. The network takes the mean over a batch.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';

/**
 * A loss: how far one example's output row is from its target row, and the
 * gradient of that with respect to the output.
 *
 * Every loss sums over the outputs of one example; `Network.gradient` and
 * `Network.train` take the mean of `value` over the examples of a batch (so
 * the gradient of a batch of `B` rows carries a factor `1 / B`).
 * Both methods get rows of equal length and must not modify them.
 */
export interface Loss {
  /** The loss's name, e.g. `"squaredError"`. */
  readonly name: string;
  /**
   * The loss of one example.
   * @param output - the network's output row `y`.
   * @param target - the target row `t`, as long as `output`.
   */
  value(output: ArrayLike<number>, target: ArrayLike<number>): number;
  /**
   * Writes `∂value/∂output` into `into`, element by element. It must
   * write numbers: for a custom loss, anything else (a string, a boolean,
   * null, a BigInt, an object) is refused, not coerced.
   * @param output - the network's output row `y`.
   * @param target - the target row `t`.
   * @param into - where the gradient goes; as long as `output`.
   */
  gradient(output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void;
  /**
   * The same loss in mathjs BigNumber arithmetic, for the exact reference
   * of `gradientCheck(..., { reference: 'bignumber' })`. Optional; without
   * it that check falls back to float64 and says so.
   */
  readonly big?: BigLoss | undefined;
}

/**
 * The BigNumber form of a loss: its value only, since the exact reference
 * differentiates it by finite differences. Every built-in loss has one.
 *
 * @example
 * A custom loss `Σ_k (y_k - t_k)^4` with its BigNumber form:
 * ```ts
 * import { gradientCheck, Activation, Layer, Network, type Loss } from 'mathjs-backprop';
 * const quartic: Loss = {
 *   name: 'quartic',
 *   value: (y, t) => Array.from(y).reduce((sum, yk, k) => sum + (yk - t[k]) ** 4, 0),
 *   gradient: (y, t, into) => {
 *     for (let k = 0; k < y.length; k++) into[k] = 4 * (y[k] - t[k]) ** 3;
 *   },
 *   big: { value: (y, t, math) => y.reduce((sum, yk, k) => sum.plus(yk.minus(t[k]).pow(4)), math.bignumber(0)) },
 * };
 * const net = Network.create([Layer.create([[0.5], [2]], Activation.tanh)]);
 * const report = gradientCheck(net, [1], [0], { loss: quartic, reference: 'bignumber' });
 * [report.reference, report.ok]; // => ['bignumber', true]
 * ```
 */
export interface BigLoss {
  /**
   * The loss of one example, in the precision of `math`.
   * @param output - the output row `y` as BigNumbers of `math`; not to be changed.
   * @param target - the target row `t`, as long as `output`.
   * @param math - the mathjs instance to compute with (BigNumbers of the
   *   precision in use): `math.bignumber(0)` starts a sum.
   */
  value(output: readonly BigNumber[], target: readonly BigNumber[], math: MathJsInstance): BigNumber;
}

/**
 * The losses whose `gradient` writes numbers by construction (the built-in
 * ones, registered where they are made): {@link checkLoss} hands them on as
 * they are, at no cost.
 */
const TRUSTED = new WeakSet<Loss>();

/** Marks a built-in loss as one whose gradient needs no checked buffer; returns it. */
export function trustLoss<L extends Loss>(loss: L): L {
  TRUSTED.add(loss);
  return loss;
}

/** Each custom loss's guarded form, made once, so that a loss keeps one identity. */
const GUARDED = new WeakMap<Loss, Loss>();

/**
 * The non-numbers a custom loss's gradient wrote, by buffer memory and
 * element position in it (a row of a batch is a view of the batch's
 * buffer): the buffer itself holds NaN there, and this keeps the value the
 * loss wrote, for the message.
 */
const NON_NUMBERS = new WeakMap<ArrayBufferLike, Map<number, unknown>>();

/** Whether a property key of a typed array is an element index. */
function isIndex(key: string | symbol): boolean {
  return typeof key === 'string' && key !== '' && String(Number(key)) === key;
}

/**
 * `into` behind a proxy that lets numbers through and writes NaN for
 * anything else (a string, a boolean, null, a BigInt, an object), calling
 * `note(index, value)` first; `fill` and `set` are checked the same way and
 * every other method runs on `into` itself.
 */
function checkedBuffer(into: Float64Array, note: (index: number, value: unknown) => void): Float64Array {
  const number = (value: unknown, index: number): number => {
    if (typeof value === 'number') return value;
    note(index, value);
    return NaN;
  };
  const methods: Partial<Record<string | symbol, unknown>> = {
    fill: (value: unknown, start?: number, end?: number) => {
      into.fill(number(value, start === undefined ? 0 : start), start, end);
      return proxy;
    },
    set: (source: ArrayLike<unknown>, offset = 0) => {
      into.set(ArrayBuffer.isView(source) ? (source as Float64Array) : Array.from(source, (v, i) => number(v, offset + i)), offset);
    },
  };
  const proxy: Float64Array = new Proxy(into, {
    get(target, key) {
      if (key in methods) return methods[key];
      const member: unknown = Reflect.get(target, key, target);
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
    set(target, key, value: unknown) {
      return Reflect.set(target, key, isIndex(key) ? number(value, Number(key)) : value, target);
    },
  });
  return proxy;
}

/**
 * A custom loss whose `gradient` gets a checked buffer (see
 * {@link checkedBuffer}) instead of the Float64Array, so that a non-number
 * it writes becomes NaN, which the engine's finiteness check refuses, and
 * is remembered for the message ({@link nonNumberWritten}).
 */
function guarded(loss: Loss): Loss {
  const known = GUARDED.get(loss);
  if (known !== undefined) return known;
  const gradient = (output: ArrayLike<number>, target: ArrayLike<number>, into: Float64Array): void => {
    const start = into.byteOffset / Float64Array.BYTES_PER_ELEMENT;
    const previous = NON_NUMBERS.get(into.buffer);
    if (previous !== undefined) for (let k = 0; k < into.length; k++) previous.delete(start + k);
    loss.gradient(output, target, checkedBuffer(into, (index, value) => {
      const written = NON_NUMBERS.get(into.buffer) ?? new Map<number, unknown>();
      if (!written.has(start + index)) written.set(start + index, value);
      NON_NUMBERS.set(into.buffer, written);
    }));
  };
  const value = (output: ArrayLike<number>, target: ArrayLike<number>): number => loss.value(output, target);
  const made: Loss = Object.freeze({ name: loss.name, value, gradient, ...(loss.big === undefined ? {} : { big: loss.big }) });
  GUARDED.set(loss, made);
  GUARDED.set(made, made);
  return made;
}

/**
 * What a custom loss's gradient wrote at entry `k` of `buffer` if it was
 * not a number (`{ value }`), or null: the buffer holds NaN there.
 */
export function nonNumberWritten(buffer: Float64Array, k: number): { readonly value: unknown } | null {
  const written = NON_NUMBERS.get(buffer.buffer);
  const at = buffer.byteOffset / Float64Array.BYTES_PER_ELEMENT + k;
  return written !== undefined && written.has(at) ? { value: written.get(at) } : null;
}

/**
 * Refuses anything that does not have a loss's three members; returns a
 * built-in loss as it is and a custom one guarded, so that its gradient
 * cannot write a non-number that a Float64Array would coerce (`"0.5"` to
 * 0.5, `true` to 1, `null` to 0).
 */
export function checkLoss(loss: unknown, where: string): Loss {
  const l = loss as Partial<Loss> | null | undefined;
  if (l == null || typeof l.name !== 'string' || typeof l.value !== 'function' || typeof l.gradient !== 'function') {
    throw new ValueError(`${where}: loss must be a Loss with name, value and gradient, got ${describeValue(loss)}`);
  }
  return TRUSTED.has(l as Loss) ? (l as Loss) : guarded(l as Loss);
}
