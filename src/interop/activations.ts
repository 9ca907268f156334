/**
 * Which built-in activation a layer has, in the terms the other engines use:
 * the one place that decides what can be exported and how the activations
 * of a TF.js model are read back.
 *
 * @module
 */
import { leakyRelu } from '../math/activations.js';
import { ACTIVATION_ROWS, type KerasActivationName } from '../math/activation-table.js';
import { UnknownNameError } from '../errors.js';
import type { Activation } from '../math/activation-type.js';

/**
 * The activations both engines have, by the name Keras and TF.js give them:
 * the activation table's Keras names and `leakyRelu`.
 */
export type ActivationKind = KerasActivationName | 'leakyRelu';

/** A built-in activation as the engines see it: its kind, and leakyRelu's slope. */
export interface ActivationSpec {
  readonly kind: ActivationKind;
  /** The slope for `z <= 0`, for `leakyRelu` only. */
  readonly alpha?: number;
}

const FIXED: ReadonlyMap<Activation, ActivationKind> = new Map(ACTIVATION_ROWS.map((row) => [row.activation, row.keras]));

/** The Keras names a Dense or Activation layer may give, in the table's order: `linear`, `sigmoid`, ... */
export const KERAS_ACTIVATIONS: readonly KerasActivationName[] = Object.freeze(ACTIVATION_ROWS.map((row) => row.keras));

const LEAKY = /^leakyRelu\((.+)\)$/;

/**
 * The spec of a built-in activation. The five fixed ones are recognised by
 * identity; a leakyRelu by its name, which `Activation.define` never gives
 * to a custom activation, and by its values at -1 and 1, so that an object
 * that only borrows the name is refused too.
 *
 * @param activation - the layer's activation.
 * @param where - the function and layer, e.g. `"toTFJS: layer 1"`.
 * @throws UnknownNameError if it is not a built-in activation.
 */
export function activationSpec(activation: Activation, where: string): ActivationSpec {
  const kind = FIXED.get(activation);
  if (kind !== undefined) return { kind };
  const name = String(activation?.name);
  const leaky = LEAKY.exec(name);
  if (leaky !== null) {
    const alpha = Number(leaky[1]);
    if (Number.isFinite(alpha) && activation.apply(-1) === -alpha && activation.apply(1) === 1) {
      return { kind: 'leakyRelu', alpha };
    }
  }
  throw new UnknownNameError(
    `${where} has the activation "${name}", which is not a built-in one; only identity, sigmoid, tanh, relu, ` +
      'leakyRelu(alpha) and softplus can be exported',
    name,
  );
}

/** The built-in activation of a spec. */
export function activationOf(spec: ActivationSpec): Activation {
  if (spec.kind === 'leakyRelu') return leakyRelu(spec.alpha);
  for (const [activation, kind] of FIXED) if (kind === spec.kind) return activation;
  throw new Error(`unreachable: activation kind ${spec.kind}`);
}
