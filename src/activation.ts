/**
 * Activation functions: each one an object holding the function and its
 * derivative side by side, so the chain rule can be read off the code.
 *
 * @module
 */
import { UnknownNameError, ValueError } from './errors.js';

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
}

/** What `Activation.define` takes: the three members of an {@link Activation}. */
export interface ActivationDefinition {
  /** A new name: not a built-in one, not already defined. */
  readonly name: string;
  /** The activation `a = f(z)`. */
  readonly apply: (z: number) => number;
  /** The derivative `f'(z)`, given `z` and `a = f(z)`. */
  readonly derivative: (z: number, a: number) => number;
}

/** @internal The sigmoid of one number, shared by the kernels. */
export function sigmoidOf(z: number): number {
  // NOTE: exp of a non-positive number only: no overflow at z = -800.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const identity: Activation = Object.freeze({
  name: 'identity',
  apply: (z: number) => z,
  derivative: () => 1,
});

const sigmoid: Activation = Object.freeze({
  name: 'sigmoid',
  apply: sigmoidOf,
  derivative: (_z: number, a: number) => a * (1 - a),
});

const tanh: Activation = Object.freeze({
  name: 'tanh',
  apply: Math.tanh,
  derivative: (_z: number, a: number) => 1 - a * a,
});

const relu: Activation = Object.freeze({
  name: 'relu',
  apply: (z: number) => (z > 0 ? z : 0),
  // NOTE: relu has no derivative at 0; we take 0 there, as most libraries do.
  derivative: (z: number) => (z > 0 ? 1 : 0),
});

const softplus: Activation = Object.freeze({
  name: 'softplus',
  // max(z, 0) + ln(1 + e^-|z|): exact for large |z| and never overflows.
  apply: (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z: number) => sigmoidOf(z),
});

const LEAKY_NAME = /^leakyRelu\((.+)\)$/;

function leakyRelu(alpha = 0.01): Activation {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw new ValueError(`Activation.leakyRelu: alpha must be a finite number, got ${String(alpha)}`);
  }
  // NOTE: -0 would print as "leakyRelu(0)" and come back from its name as +0; take +0 from the start.
  const slope = alpha === 0 ? 0 : alpha;
  return Object.freeze({
    name: `leakyRelu(${slope})`,
    apply: (z: number) => (z > 0 ? z : slope * z),
    // NOTE: at z = 0 the slope alpha is taken, matching relu's choice of the left side.
    derivative: (z: number) => (z > 0 ? 1 : slope),
  });
}

const builtIns: ReadonlyMap<string, Activation> = new Map(
  [identity, sigmoid, tanh, relu, softplus].map((activation) => [activation.name, activation]),
);
const defined = new Map<string, Activation>();

function define(definition: ActivationDefinition): Activation {
  const { name, apply, derivative } = definition ?? ({} as ActivationDefinition);
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ValueError(`Activation.define: name must be a non-empty string, got ${String(name)}`);
  }
  if (typeof apply !== 'function' || typeof derivative !== 'function') {
    throw new ValueError(`Activation.define: "${name}" needs apply(z) and derivative(z, a) functions`);
  }
  if (builtIns.has(name) || LEAKY_NAME.test(name)) {
    throw new ValueError(`Activation.define: "${name}" is the name of a built-in activation`);
  }
  const existing = defined.get(name);
  if (existing !== undefined && (existing.apply !== apply || existing.derivative !== derivative)) {
    throw new ValueError(`Activation.define: an activation named "${name}" is already defined`);
  }
  const activation: Activation = existing ?? Object.freeze({ name, apply, derivative });
  defined.set(name, activation);
  return activation;
}

function byName(name: string): Activation {
  const found = builtIns.get(name) ?? defined.get(name);
  if (found !== undefined) return found;
  const leaky = typeof name === 'string' ? LEAKY_NAME.exec(name) : null;
  if (leaky !== null && leaky[1].trim() !== '' && Number.isFinite(Number(leaky[1]))) {
    return leakyRelu(Number(leaky[1]));
  }
  const known = [...builtIns.keys(), 'leakyRelu(alpha)', ...defined.keys()].join(', ');
  throw new UnknownNameError(`Activation.byName: no activation named "${String(name)}"; known: ${known}`, String(name));
}

/**
 * The built-in activations and the means to define and look up others.
 *
 * @namespace
 */
export const Activation = Object.freeze({
  /**
   * The identity `f(z) = z`, with `f'(z) = 1`: the output activation of a
   * regression network such as the notebook's.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.identity.apply(-0.5); // => -0.5
   * Activation.identity.derivative(-0.5, -0.5); // => 1
   * ```
   */
  identity,
  /**
   * The logistic sigmoid `f(z) = 1 / (1 + e^-z)`, with `f'(z) = a (1 - a)`.
   * Computed without overflow: `e^z / (1 + e^z)` for negative `z`, so
   * `apply(-800)` is 0 and `apply(800)` is 1, never NaN.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.sigmoid.apply(0); // => 0.5
   * Activation.sigmoid.derivative(0, 0.5); // => 0.25
   * Activation.sigmoid.apply(-800); // => 0
   * ```
   */
  sigmoid,
  /**
   * The hyperbolic tangent `f(z) = tanh z`, with `f'(z) = 1 - a^2`.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.tanh.apply(0); // => 0
   * Activation.tanh.derivative(0, 0); // => 1
   * ```
   */
  tanh,
  /**
   * The rectified linear unit `f(z) = max(z, 0)`, with `f'(z) = 1` for
   * `z > 0` and 0 otherwise (0 is taken at the kink `z = 0`).
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.relu.apply(-2); // => 0
   * Activation.relu.derivative(3, 3); // => 1
   * ```
   */
  relu,
  /**
   * A leaky rectifier `f(z) = z` for `z > 0` and `alpha · z` otherwise, with
   * `f'(z) = 1` or `alpha`. Its name records alpha, e.g. `"leakyRelu(0.01)"`,
   * so `Activation.byName` can rebuild it.
   *
   * @param alpha - the slope for `z <= 0`.
   * @defaultValue `alpha` is 0.01
   * @throws {@link ValueError} if alpha is not a finite number.
   * @returns a new activation.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * const leaky = Activation.leakyRelu(0.1);
   * leaky.name; // => 'leakyRelu(0.1)'
   * leaky.apply(-2); // => -0.2
   * ```
   */
  leakyRelu,
  /**
   * The softplus `f(z) = ln(1 + e^z)`, a smooth relu, with `f'(z) = sigmoid(z)`.
   * Computed as `max(z, 0) + ln(1 + e^-|z|)`, which neither overflows nor
   * loses the small values for large negative `z`.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.softplus.apply(0); // => 0.6931471805599453
   * Activation.softplus.apply(800); // => 800
   * Activation.softplus.derivative(0, Math.LN2); // => 0.5
   * ```
   */
  softplus,
  /**
   * Makes a custom activation and registers it under its name, so that
   * `Activation.byName` (and so a saved network) can find it. Defining the
   * same name again with the same functions returns the same activation.
   *
   * @param definition - the name, `apply(z)` and `derivative(z, a)`.
   * @throws {@link ValueError} if the name is empty, is a built-in name, or
   *   is already defined with other functions, or if a function is missing.
   * @returns the new activation, frozen.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * const cube = Activation.define({
   *   name: 'cube',
   *   apply: (z) => z ** 3,
   *   derivative: (z) => 3 * z ** 2,
   * });
   * cube.apply(2); // => 8
   * Activation.byName('cube') === cube; // => true
   * ```
   */
  define,
  /**
   * Looks up an activation by name: a built-in one, a `leakyRelu(alpha)`,
   * or one made with `Activation.define`.
   *
   * @param name - e.g. `"sigmoid"` or `"leakyRelu(0.2)"`.
   * @throws {@link UnknownNameError} if no activation has that name; the
   *   message lists the known names.
   * @returns the activation.
   *
   * @example
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.byName('tanh') === Activation.tanh; // => true
   * Activation.byName('leakyRelu(0.2)').apply(-1); // => -0.2
   * ```
   */
  byName,
});
