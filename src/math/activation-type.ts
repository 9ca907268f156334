/**
 * The `Activation` type: an element-wise function and its derivative side
 * by side, so the chain rule can be read off the code; its BigNumber form;
 * and what `Activation.define` takes.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { ValueError } from '../errors.js';
import { describeValue } from '../boundary/describe.js';

/**
 * An element-wise activation function `a = f(z)` and its derivative.
 *
 * `derivative(z, a)` returns `f'(z)` and is given both the pre-activation
 * `z` and the activation `a = apply(z)`, so that an activation such as the
 * sigmoid can use the cheaper form `a (1 - a)`.
 */
export interface Activation {
  /** The name it is saved and looked up by, e.g. `"sigmoid"`. */
  readonly name: string;
  /**
   * The activation `a = f(z)` of one pre-activation.
   * @param z - the pre-activation, `z = [-1, x] · weights` of one neuron.
   */
  apply(z: number): number;
  /**
   * The derivative `f'(z)`.
   * @param z - the pre-activation.
   * @param a - the activation `apply(z)`.
   */
  derivative(z: number, a: number): number;
  /**
   * The pre-activations where `f` has no derivative (a kink), e.g. `[0]`
   * for relu and leakyRelu. Optional; a custom activation with corners
   * should declare them, so that `gradientCheck` can warn about (and not
   * count) a weight whose finite difference steps across one, and
   * `Activation.check` can skip the points next to one.
   */
  readonly kinks?: readonly number[] | undefined;
  /**
   * The same function in mathjs BigNumber arithmetic, for the exact
   * reference of `gradientCheck(..., { reference: 'bignumber' })`.
   * Optional; without it that check falls back to float64 and says so.
   */
  readonly big?: BigActivation | undefined;
}

/**
 * The BigNumber form of an activation: `f(z)` to the precision of a private
 * mathjs instance. Only the function is needed: the exact reference
 * differentiates it by finite differences. Write it with the BigNumber
 * methods (`z.exp()`, `z.times(w)`, `z.gt(0)`), which round to that
 * precision; going through a JavaScript number would throw the digits away.
 *
 * @example
 * A cube with its BigNumber form, so the exact check can run on it:
 * ```ts
 * import { Activation, gradientCheck, Layer, Network } from 'mathjs-backprop';
 * const cube = Activation.define({
 *   name: 'cube-with-big-form',
 *   apply: (z) => z ** 3,
 *   derivative: (z) => 3 * z * z,
 *   big: { apply: (z) => z.pow(3) },
 * });
 * const net = Network.create([Layer.create([[0.5], [2]], cube)]);
 * const report = gradientCheck(net, [1], [0], { reference: 'bignumber' });
 * [report.reference, report.ok]; // => ['bignumber', true]
 * ```
 */
export interface BigActivation {
  /**
   * The activation `f(z)` of one BigNumber pre-activation.
   * @param z - the pre-activation, a BigNumber of `math`; not to be changed.
   * @param math - the mathjs instance to compute with: its BigNumbers have
   *   the precision in use, so `math.bignumber(1)` and the BigNumber methods
   *   (`z.exp()`, `z.plus(1)`, ...) round to it.
   */
  apply(z: BigNumber, math: MathJsInstance): BigNumber;
}

/** What `Activation.define` takes: the members of an {@link Activation}. */
export interface ActivationDefinition {
  /** A new name: not a built-in one, not already defined. */
  readonly name: string;
  /** The activation `a = f(z)`. */
  readonly apply: (z: number) => number;
  /** The derivative `f'(z)`, given `z` and `a = f(z)`. */
  readonly derivative: (z: number, a: number) => number;
  /**
   * The pre-activations where `f` has a corner, if any.
   * @defaultValue none
   */
  readonly kinks?: readonly number[] | undefined;
  /**
   * `f` in BigNumber arithmetic, for the exact gradient check.
   * @defaultValue none: that check falls back to float64
   */
  readonly big?: BigActivation | undefined;
}

/** Refuses anything that does not have an activation's three members. */
export function checkActivation(activation: unknown, where: string): Activation {
  const a = activation as Partial<Activation> | null | undefined;
  if (a == null || typeof a.name !== 'string' || typeof a.apply !== 'function' || typeof a.derivative !== 'function') {
    throw new ValueError(`${where}: expected an Activation with name, apply and derivative, got ${describeValue(activation)}`);
  }
  return a as Activation;
}
