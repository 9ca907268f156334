/**
 * Looking activations up by name: the built-ins, `leakyRelu(alpha)` and the
 * ones made with `Activation.define`, which this registry remembers in the
 * store every copy of the library in the process shares.
 *
 * @module
 */
import { UnknownNameError, ValueError } from '../errors.js';
import { checkActivation, type Activation, type ActivationDefinition, type BigActivation } from './activation-type.js';
import { isMade, store } from './activation-store.js';
import { describeValue } from '../boundary/describe.js';
import { isLeakyReluName, leakyRelu, leakyReluAlpha, MAX_NAME_LENGTH } from './activations.js';
import { FIXED_BUILT_INS } from './activation-table.js';

const builtIns: ReadonlyMap<string, Activation> = new Map(FIXED_BUILT_INS.map((activation) => [activation.name, activation]));
const defined = store.defined;

/** The optional members of a definition, checked and frozen; absent ones left out. */
function optionalMembers(definition: ActivationDefinition, name: string): Pick<Activation, 'kinks' | 'big'> {
  const { kinks, big } = definition;
  const members: { kinks?: readonly number[]; big?: BigActivation } = {};
  if (kinks !== undefined) {
    if (!Array.isArray(kinks) || !kinks.every((k) => typeof k === 'number' && Number.isFinite(k))) {
      throw new ValueError(`Activation.define: "${name}" kinks must be an array of finite numbers, got ${describeValue(kinks)}`);
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
export function define(definition: ActivationDefinition): Activation {
  const { name, apply, derivative } = definition ?? ({} as ActivationDefinition);
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new ValueError(`Activation.define: name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters, got ${describeValue(name)}`);
  }
  if (typeof apply !== 'function' || typeof derivative !== 'function') {
    throw new ValueError(`Activation.define: "${name}" needs apply(z) and derivative(z, a) functions`);
  }
  if (builtIns.has(name) || isLeakyReluName(name)) {
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
export function byName(name: string): Activation {
  if (typeof name !== 'string') {
    throw new UnknownNameError(`Activation.byName: expected an activation name, got ${describeValue(name)}`, String(name));
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new UnknownNameError(
      `Activation.byName: names have at most ${MAX_NAME_LENGTH} characters, got one of ${name.length}`,
      name.slice(0, MAX_NAME_LENGTH),
    );
  }
  const found = builtIns.get(name) ?? defined.get(name);
  if (found !== undefined) return found;
  const alpha = leakyReluAlpha(name);
  if (alpha !== undefined) return leakyRelu(alpha);
  const known = [...builtIns.keys(), 'leakyRelu(alpha)', ...defined.keys()].join(', ');
  throw new UnknownNameError(`Activation.byName: no activation named ${JSON.stringify(name)}; known: ${known}`, name);
}


/** The points where a built-in of another copy must agree with this one's, bit for bit. */
const PROBES: readonly number[] = [-800, -30, -2.5, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 2.5, 30, 800];

/** Whether `other` computes what `own` does at every probe, value and derivative. */
function behavesLike(other: Activation, own: Activation): boolean {
  try {
    return PROBES.every((z) => {
      const a = own.apply(z);
      return Object.is(other.apply(z), a) && Object.is(other.derivative(z, a), own.derivative(z, a));
    });
  } catch {
    return false;
  }
}

/**
 * @internal Checks an activation given to the library and returns the one
 * to compute with: a built-in of another copy of the library (the ESM and
 * the CommonJS build in one process), known by the shared record of what
 * the library made or, from a copy of another version, by its name and
 * its values at fixed points, becomes this copy's own, so the fast
 * kernels (which know built-ins by identity) and `Network.toJSON` treat
 * it as one. Anything else is returned as it is.
 */
export function ownActivation(activation: unknown, where: string): Activation {
  const checked = checkActivation(activation, where);
  const own = builtIns.get(checked.name);
  if (own === undefined || own === checked) return checked;
  return isMade(checked) || behavesLike(checked, own) ? own : checked;
}
