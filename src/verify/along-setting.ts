/**
 * What `directionalCheck` and `taylorTest` share: their common options
 * checked once, the gradient at the given weights, and the loss along a
 * direction in the reference arithmetic asked for.
 */
import type { Network } from '../model/network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import type { Loss } from '../math/loss-type.js';
import { batchOf } from '../model/arguments.js';
import { checkChoice, checkOptionNames } from '../boundary/options.js';
import { checkSeed } from '../engine/random.js';
import { createWorkspace, gradientModel } from '../engine/flat-model.js';
import { ValueError } from '../errors.js';
import { floatAlong, sensitivityOf, type Along, type AlongSetting } from './along.js';
import { bigAlong, bigAlongBase, type BigAlongBase } from './big-along.js';
import { hasBigForms } from './big-difference.js';
import { fallbackWarnings } from './check-settings.js';
import type { GradientCheckFallbackWarning } from './check-report.js';

/** The options both checks take. */
export interface AlongOptions {
  /**
   * The loss to differentiate.
   * @defaultValue `Loss.squaredError`
   */
  readonly loss?: Loss | undefined;
  /**
   * The seed of the random directions (an integer from 0 to 2^32 - 1),
   * drawn with the library's own generator: the same seed gives the same
   * directions on every platform.
   * @defaultValue 0
   */
  readonly seed?: number | undefined;
  /**
   * The arithmetic of the losses along the directions: `'bignumber'` takes
   * the forward passes, the change of the loss and the first-order term in
   * mathjs BigNumbers of `digits` digits, when every activation and the
   * loss have a BigNumber form (else float64, with a warning), as
   * `gradientCheck` does.
   * @defaultValue `'float64'`
   */
  readonly reference?: 'float64' | 'bignumber' | undefined;
  /**
   * The significant digits of the BigNumber reference, an integer from 20
   * to 1000; only with `reference: 'bignumber'`.
   * @defaultValue 50
   */
  readonly digits?: number | undefined;
}

/** The checked common options and the gradient at `w`. */
export interface Prepared {
  readonly setting: AlongSetting;
  readonly seed: number;
  readonly reference: 'float64' | 'bignumber';
  readonly digits: number | undefined;
  readonly warnings: readonly GradientCheckFallbackWarning[];
  /** The loss along a direction (`null` for a layer it leaves alone), in the reference arithmetic. */
  readonly along: (direction: readonly (Float64Array | null)[]) => Along;
}

const COMMON = ['loss', 'seed', 'reference', 'digits'];

function digitsOf(value: unknown, reference: string, where: string): number {
  if (value === undefined) return 50;
  if (reference !== 'bignumber') {
    throw new ValueError(`${where}: digits is the precision of reference: 'bignumber', but the reference is "${reference}"`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 20 || value > 1000) {
    throw new ValueError(`${where}: digits must be an integer from 20 to 1000, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks the arguments and the common options (`own` names the caller's
 * other options), runs the backward pass at `w` and returns the setting.
 */
export function prepareAlong(
  net: Network, input: MatrixLike, target: MatrixLike, options: AlongOptions, own: readonly string[], where: string,
): Prepared {
  checkOptionNames(options, [...own, ...COMMON], where);
  const batch = batchOf(net, input, target, options.loss, where);
  const { model, targetRows, loss } = batch;
  const seed = options.seed === undefined ? 0 : checkSeed(options.seed, where);
  const asked = checkChoice(options.reference ?? 'float64', ['float64', 'bignumber'], 'reference', where);
  const digits = digitsOf(options.digits, asked, where);
  const big = asked === 'bignumber' && hasBigForms(model, loss);
  const ws = createWorkspace(model, batch.input.rows);
  const value = gradientModel(model, batch.input.data, targetRows, loss, ws);
  if (!Number.isFinite(value) || ws.grads.some((g) => g.some((v) => !Number.isFinite(v)))) {
    throw new ValueError(`${where}: the loss or its gradient at the given weights is not finite (loss ${value}); check the activations and the loss`);
  }
  const setting: AlongSetting = {
    model, x: batch.input.data, rows: batch.input.rows, targetRows, loss, value,
    grads: ws.grads, z: ws.z, sensitivity: sensitivityOf(model, ws.grads, value),
  };
  let bigBase: BigAlongBase | undefined;
  const along = (direction: readonly (Float64Array | null)[]): Along => {
    if (!big) return floatAlong(setting, direction);
    bigBase ??= bigAlongBase(setting, digits);
    return bigAlong(setting, bigBase, direction);
  };
  return {
    setting, seed, along,
    reference: big ? 'bignumber' : 'float64',
    digits: big ? digits : undefined,
    warnings: asked === 'bignumber' && !big ? fallbackWarnings(model, loss) : [],
  };
}

/**
 * The fields both reports carry about how they were made: the reference
 * arithmetic (with its digits), the seed of the directions, the loss's
 * value and name, and the fallback warnings.
 */
export function reportBasis(prepared: Prepared, loss: Loss, value: number) {
  return {
    reference: prepared.reference,
    ...(prepared.digits === undefined ? {} : { digits: prepared.digits }),
    seed: prepared.seed,
    loss: value,
    lossName: loss.name,
    warnings: [...prepared.warnings],
  };
}
