/**
 * The built-in activations: identity, sigmoid, tanh, relu, leakyRelu and
 * softplus, each an object holding the function, its derivative and its
 * BigNumber form side by side.
 *
 * @module
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { ValueError } from '../errors.js';
import type { Activation } from './activation-type.js';
import { exactDecimal } from './big-math.js';
import { describeValue } from '../boundary/describe.js';
import { isMade, markMade } from './activation-store.js';

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
export const identity: Activation = markMade(Object.freeze({
  name: 'identity',
  apply: (z: number) => z,
  derivative: () => 1,
  big: Object.freeze({ apply: (z: BigNumber) => z }),
}));

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
export const sigmoid: Activation = markMade(Object.freeze({
  name: 'sigmoid',
  apply: sigmoidOf,
  derivative: (_z: number, a: number) => a * (1 - a),
  big: Object.freeze({ apply: bigSigmoid }),
}));

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
export const tanh: Activation = markMade(Object.freeze({
  name: 'tanh',
  apply: Math.tanh,
  derivative: (_z: number, a: number) => 1 - a * a,
  big: Object.freeze({ apply: (z: BigNumber) => z.tanh() }),
}));

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
export const relu: Activation = markMade(Object.freeze({
  name: 'relu',
  apply: (z: number) => (z > 0 ? z : 0),
  // NOTE: relu has no derivative at 0; we take 0 there, as most libraries do.
  derivative: (z: number) => (z > 0 ? 1 : 0),
  kinks: kinkAtZero,
  big: Object.freeze({ apply: (z: BigNumber, math: MathJsInstance) => (z.gt(0) ? z : math.bignumber(0)) }),
}));

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
export const softplus: Activation = markMade(Object.freeze({
  name: 'softplus',
  // max(z, 0) + ln(1 + e^-|z|): exact for large |z| and never overflows.
  apply: (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z: number) => sigmoidOf(z),
  big: Object.freeze({ apply: (z: BigNumber) => z.abs().neg().exp().plus(1).ln().plus(z.gt(0) ? z : 0) }),
}));

/**
 * The longest activation name the library reads or defines. Names are
 * short words; the limit lets a hostile document's huge name be refused
 * before it is read through.
 */
export const MAX_NAME_LENGTH = 200;

/**
 * A number as JavaScript writes one: `0.01`, `-0.2`, `1e-7`, `1e+21`; not
 * `0x10` or `Infinity`. Unambiguous (each digit can match one way only), so
 * a failed match costs time linear in the length of the text.
 */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** The name of `leakyRelu(alpha)`: the one place its format is written. */
export function leakyReluName(alpha: number): string {
  return `leakyRelu(${alpha})`;
}

/** Whether `name` has the form of a leakyRelu name, `leakyRelu(...)`, whatever is inside. */
export function isLeakyReluName(name: string): boolean {
  return name.startsWith('leakyRelu(') && name.endsWith(')');
}

/**
 * The alpha of a name `leakyRelu(<decimal>)`, or undefined when the name
 * is not one or its number is not finite. Names over
 * {@link MAX_NAME_LENGTH} are not read.
 */
export function leakyReluAlpha(name: string): number | undefined {
  if (name.length > MAX_NAME_LENGTH || !isLeakyReluName(name)) return undefined;
  const inside = name.slice('leakyRelu('.length, -1);
  if (!DECIMAL.test(inside)) return undefined;
  const alpha = Number(inside);
  return Number.isFinite(alpha) ? alpha : undefined;
}

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
export function leakyRelu(alpha = 0.01): Activation {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw new ValueError(`Activation.leakyRelu: alpha must be a finite number, got ${describeValue(alpha)}`);
  }
  // NOTE: -0 would print as "leakyRelu(0)" and come back from its name as +0; take +0 from the start.
  const slope = alpha === 0 ? 0 : alpha;
  const exactSlope = exactDecimal(slope);
  return markMade(Object.freeze({
    name: leakyReluName(slope),
    apply: (z: number) => (z > 0 ? z : slope * z),
    // NOTE: at z = 0 the slope alpha is taken, matching relu's choice of the left side.
    derivative: (z: number) => (z > 0 ? 1 : slope),
    kinks: kinkAtZero,
    big: Object.freeze({ apply: (z: BigNumber) => (z.gt(0) ? z : z.times(exactSlope)) }),
  }));
}

/**
 * Whether `activation` is a `leakyRelu(alpha)` that some copy of the
 * library made, so that its name rebuilds it; an object that only has
 * such a name is not one.
 */
export function isLeakyRelu(activation: Activation): boolean {
  return isMade(activation) && isLeakyReluName(activation.name);
}

