/**
 * The errors the library throws. Every message starts with the function that
 * refused the input and says what it expected and what it got.
 *
 * @module
 */

/**
 * The brand every error of the library carries, shared by every copy of it
 * in the process (`Symbol.for`): the names of its classes, from its own up
 * to `"BackpropError"`.
 */
const ERROR_BRAND = Symbol.for('mathjs-backprop/error');

/**
 * The base class of every error this library throws, so one `instanceof`
 * check catches them all. Errors of another copy of the library in the
 * same process (the ESM and the CommonJS build) pass `instanceof` too:
 * each error carries, under `Symbol.for('mathjs-backprop/error')`, the
 * names of its classes, and `instanceof` checks that brand when the
 * prototype does not match; `error.name` is the class name as well.
 *
 * @example
 * ```ts
 * import { BackpropError, Network } from 'mathjs-backprop';
 * try {
 *   Network.create([]);
 * } catch (error) {
 *   error instanceof BackpropError; // => true
 * }
 * ```
 */
export class BackpropError extends Error {
  /**
   * @param message - what was wrong, starting with the function's name.
   */
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    const names: string[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) names.push((c as { name: string }).name);
    Object.defineProperty(this, ERROR_BRAND, { value: Object.freeze(names), enumerable: false });
  }

  /** `instanceof` by prototype, or by the brand of another copy of the library. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const names = typeof value === 'object' && value !== null ? (value as Record<symbol, unknown>)[ERROR_BRAND] : undefined;
    return Array.isArray(names) && names.includes(this.name);
  }
}

/**
 * A matrix, vector or network has the wrong size. Carries the size that was
 * expected and the size that was given, as arrays of dimensions.
 *
 * @example
 * ```ts
 * import { Layer, Activation, ShapeError } from 'mathjs-backprop';
 * const layer = Layer.create([[0, 0], [1, 1]], Activation.identity);
 * try {
 *   Layer.forward(layer, [1, 2]);
 * } catch (error) {
 *   error instanceof ShapeError; // => true
 *   (error as ShapeError).expected; // => [1]
 *   (error as ShapeError).actual; // => [2]
 * }
 * ```
 */
export class ShapeError extends BackpropError {
  /** The size that was expected, one entry per dimension. */
  readonly expected: readonly number[];
  /** The size that was given, one entry per dimension. */
  readonly actual: readonly number[];

  /**
   * @param message - the full message, naming both sizes.
   * @param expected - the size that was expected.
   * @param actual - the size that was given.
   */
  constructor(message: string, expected: readonly number[], actual: readonly number[]) {
    super(message);
    this.expected = Object.freeze([...expected]);
    this.actual = Object.freeze([...actual]);
  }
}

/**
 * A value is not allowed: a number that is not finite, a learning rate that
 * is not positive, an option of the wrong type, an empty network.
 *
 * @example
 * ```ts
 * import { Layer, Activation, ValueError } from 'mathjs-backprop';
 * try {
 *   Layer.create([[NaN], [1]], Activation.identity);
 * } catch (error) {
 *   error instanceof ValueError; // => true
 * }
 * ```
 */
export class ValueError extends BackpropError {}

/**
 * A name does not refer to anything known, such as an activation name that
 * is neither built in nor defined with `Activation.define`.
 *
 * @example
 * ```ts
 * import { Activation, UnknownNameError } from 'mathjs-backprop';
 * try {
 *   Activation.byName('no-such-activation');
 * } catch (error) {
 *   error instanceof UnknownNameError; // => true
 * }
 * ```
 */
export class UnknownNameError extends BackpropError {
  /** The name that was not found. */
  readonly unknownName: string;

  /**
   * @param message - the full message, naming what was looked up.
   * @param unknownName - the name that was not found.
   */
  constructor(message: string, unknownName: string) {
    super(message);
    this.unknownName = unknownName;
  }
}

/**
 * A saved network (from `Network.toJSON`) cannot be read: a field is
 * missing or of the wrong type, the format or version is not this
 * library's, or the weights do not fit. The message gives the path of the
 * field, e.g. `layers[1].weights[0][2]`.
 *
 * @example
 * ```ts
 * import { Network, FormatError } from 'mathjs-backprop';
 * try {
 *   Network.fromJSON({ format: 'something-else' });
 * } catch (error) {
 *   error instanceof FormatError; // => true
 * }
 * ```
 */
export class FormatError extends BackpropError {
  /** Where in the document the problem is, e.g. `"layers[1].activation"`. */
  readonly path: string;

  /**
   * @param message - the full message, naming the path.
   * @param path - where in the document the problem is.
   */
  constructor(message: string, path: string) {
    super(message);
    this.path = path;
  }
}
