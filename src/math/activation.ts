/**
 * Activation functions: each one an object holding the function and its
 * derivative side by side, so the chain rule can be read off the code.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { UnknownNameError, ValueError } from '../errors.js';
import { checkActivationFunction, type ActivationCheckOptions, type ActivationCheckReport } from './activation-check.js';
import { exactDecimal } from './big-math.js';

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
  readonly kinks?: readonly number[];
  /**
   * The same function in mathjs BigNumber arithmetic, for the exact
   * reference of `gradientCheck(..., { reference: 'bignumber' })`.
   * Optional; without it that check falls back to float64 and says so.
   */
  readonly big?: BigActivation;
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
  readonly kinks?: readonly number[];
  /**
   * `f` in BigNumber arithmetic, for the exact gradient check.
   * @defaultValue none: that check falls back to float64
   */
  readonly big?: BigActivation;
}

/** @internal The sigmoid of one number, shared by the kernels. */
export function sigmoidOf(z: number): number {
  // NOTE: exp of a non-positive number only: no overflow at z = -800.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The sigmoid of a BigNumber: `e^z / (1 + e^z)` below 0, so no exponential is huge. */
function bigSigmoid(z: BigNumber, math: MathJsInstance): BigNumber {
  const e = z.abs().neg().exp();
  return z.isNegative() ? e.div(e.plus(1)) : math.bignumber(1).div(e.plus(1));
}

const kinkAtZero: readonly number[] = Object.freeze([0]);

const identity: Activation = Object.freeze({
  name: 'identity',
  apply: (z: number) => z,
  derivative: () => 1,
  big: Object.freeze({ apply: (z: BigNumber) => z }),
});

const sigmoid: Activation = Object.freeze({
  name: 'sigmoid',
  apply: sigmoidOf,
  derivative: (_z: number, a: number) => a * (1 - a),
  big: Object.freeze({ apply: bigSigmoid }),
});

const tanh: Activation = Object.freeze({
  name: 'tanh',
  apply: Math.tanh,
  derivative: (_z: number, a: number) => 1 - a * a,
  big: Object.freeze({ apply: (z: BigNumber) => z.tanh() }),
});

const relu: Activation = Object.freeze({
  name: 'relu',
  apply: (z: number) => (z > 0 ? z : 0),
  // NOTE: relu has no derivative at 0; we take 0 there, as most libraries do.
  derivative: (z: number) => (z > 0 ? 1 : 0),
  kinks: kinkAtZero,
  big: Object.freeze({ apply: (z: BigNumber, math: MathJsInstance) => (z.gt(0) ? z : math.bignumber(0)) }),
});

const softplus: Activation = Object.freeze({
  name: 'softplus',
  // max(z, 0) + ln(1 + e^-|z|): exact for large |z| and never overflows.
  apply: (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z: number) => sigmoidOf(z),
  big: Object.freeze({ apply: (z: BigNumber) => z.abs().neg().exp().plus(1).ln().plus(z.gt(0) ? z : 0) }),
});

const LEAKY_NAME = /^leakyRelu\((.+)\)$/;
/** A number as JavaScript writes one: `0.01`, `-0.2`, `1e-7`; not `0x10` or `Infinity`. */
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

function leakyRelu(alpha = 0.01): Activation {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw new ValueError(`Activation.leakyRelu: alpha must be a finite number, got ${String(alpha)}`);
  }
  // NOTE: -0 would print as "leakyRelu(0)" and come back from its name as +0; take +0 from the start.
  const slope = alpha === 0 ? 0 : alpha;
  const exactSlope = exactDecimal(slope);
  return Object.freeze({
    name: `leakyRelu(${slope})`,
    apply: (z: number) => (z > 0 ? z : slope * z),
    // NOTE: at z = 0 the slope alpha is taken, matching relu's choice of the left side.
    derivative: (z: number) => (z > 0 ? 1 : slope),
    kinks: kinkAtZero,
    big: Object.freeze({ apply: (z: BigNumber) => (z.gt(0) ? z : z.times(exactSlope)) }),
  });
}

const builtIns: ReadonlyMap<string, Activation> = new Map(
  [identity, sigmoid, tanh, relu, softplus].map((activation) => [activation.name, activation]),
);
const defined = new Map<string, Activation>();

/** The optional members of a definition, checked and frozen; absent ones left out. */
function optionalMembers(definition: ActivationDefinition, name: string): Pick<Activation, 'kinks' | 'big'> {
  const { kinks, big } = definition;
  const members: { kinks?: readonly number[]; big?: BigActivation } = {};
  if (kinks !== undefined) {
    if (!Array.isArray(kinks) || !kinks.every((k) => typeof k === 'number' && Number.isFinite(k))) {
      throw new ValueError(`Activation.define: "${name}" kinks must be an array of finite numbers, got ${String(kinks)}`);
    }
    members.kinks = Object.freeze([...kinks]);
  }
  if (big !== undefined) {
    if (big === null || typeof big.apply !== 'function') {
      throw new ValueError(`Activation.define: "${name}" big must be an object with an apply(z, math) function`);
    }
    members.big = Object.freeze({ apply: big.apply });
  }
  return members;
}

/** Whether a defined activation has exactly these members. */
function sameActivation(existing: Activation, candidate: Activation): boolean {
  const kinks = (a: Activation) => (a.kinks ?? []).join(',');
  return existing.apply === candidate.apply && existing.derivative === candidate.derivative &&
    existing.big?.apply === candidate.big?.apply && kinks(existing) === kinks(candidate);
}

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
  const candidate: Activation = Object.freeze({ name, apply, derivative, ...optionalMembers(definition, name) });
  const existing = defined.get(name);
  if (existing !== undefined && !sameActivation(existing, candidate)) {
    throw new ValueError(`Activation.define: an activation named "${name}" is already defined`);
  }
  const activation = existing ?? candidate;
  defined.set(name, activation);
  return activation;
}

function byName(name: string): Activation {
  const found = builtIns.get(name) ?? defined.get(name);
  if (found !== undefined) return found;
  const leaky = typeof name === 'string' ? LEAKY_NAME.exec(name) : null;
  if (leaky !== null && DECIMAL.test(leaky[1])) {
    return leakyRelu(Number(leaky[1]));
  }
  const known = [...builtIns.keys(), 'leakyRelu(alpha)', ...defined.keys()].join(', ');
  throw new UnknownNameError(`Activation.byName: no activation named "${String(name)}"; known: ${known}`, String(name));
}

function check(activation: Activation, options?: ActivationCheckOptions): ActivationCheckReport {
  return checkActivationFunction(activation, options);
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
   * same name again with the same members returns the same activation.
   *
   * Two optional members serve the checks: `kinks`, the `z` where `f` has
   * a corner (relu's is `[0]`), so that `gradientCheck` warns about a
   * finite difference that steps across one instead of failing it, and
   * `Activation.check` skips the points next to one; and `big`, `f` in
   * mathjs BigNumber arithmetic, `big.apply(z, math)`, for the exact
   * reference `gradientCheck(..., { reference: 'bignumber' })` (without
   * it that check falls back to float64 and says so in its warnings).
   *
   * @param definition - the name, `apply(z)` and `derivative(z, a)`, and
   *   optionally `kinks` and `big`.
   * @throws {@link ValueError} if the name is empty, is a built-in name, or
   *   is already defined with other members, if a function is missing, if
   *   `kinks` is not an array of finite numbers, or `big` has no `apply`.
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
   *
   * @example
   * A corner at 1 and a BigNumber form, `max(z, 1)` in both arithmetics:
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * const floor1 = Activation.define({
   *   name: 'floor-at-one',
   *   apply: (z) => Math.max(z, 1),
   *   derivative: (z) => (z > 1 ? 1 : 0),
   *   kinks: [1],
   *   big: { apply: (z, math) => (z.gt(1) ? z : math.bignumber(1)) },
   * });
   * floor1.kinks; // => [1]
   * Activation.check(floor1).ok; // => true
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
  /**
   * Checks an activation's `derivative` against central differences of its
   * `apply`: at each point `z` of a grid on `[from, to]` (then at the
   * `extra` points, a few large `|z|`), in that order,
   * `numeric = (f(z + ε) - f(z - ε)) / 2ε` is compared with
   * `derivative(z, f(z))`; a point passes when
   * `|derivative - numeric| <= absoluteTolerance + tolerance · max(|derivative|, |numeric|)`.
   * Points within ε of a declared kink are skipped; a value that is not
   * finite fails. Costs three calls of `apply` and one of `derivative` per
   * point; changes nothing.
   *
   * Run it first on a custom activation: it points at the first `z` where
   * the derivative is wrong, with both values, before any network is built.
   *
   * @param activation - the activation to check.
   * @param options - the range, the number of points, ε and the tolerances.
   * @throws {@link ValueError} if the activation is not one, or an option
   *   is unknown or out of range.
   * @returns `ok`, how many points were checked and skipped, the largest
   *   errors, the first failure (its `z`, `derivative` and `numeric`) and
   *   a one-line `summary`.
   *
   * @example
   * A sigmoid whose derivative was written with `z` where `a` belongs:
   * ```ts
   * import { Activation } from 'mathjs-backprop';
   * Activation.check(Activation.sigmoid).ok; // => true
   * const wrong = Activation.define({
   *   name: 'sigmoid-with-z-for-a',
   *   apply: Activation.sigmoid.apply,
   *   derivative: (z) => z * (1 - z),
   * });
   * const report = Activation.check(wrong);
   * report.ok; // => false
   * report.firstFailure?.z; // => -5
   * report.firstFailure?.derivative; // => -30
   * // The true derivative there: sigmoid(-5) · (1 - sigmoid(-5)), rounded.
   * report.firstFailure?.numeric; // => 0.0066480567
   * ```
   */
  check,
});
