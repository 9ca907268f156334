/**
 * The options of `gradientCheck`, checked once, with the defaults of the
 * reference actually used filled in: float64, or BigNumber when asked for
 * and every activation and the loss have a BigNumber form.
 */
import { ValueError } from '../errors.js';
import type { GradientCheckFallbackWarning } from './check-report.js';
import type { GradientCheckOptions } from './check-options.js';
import type { Loss } from '../math/loss-type.js';
import { hasBigForms } from './big-difference.js';
import type { Model } from '../engine/flat-model.js';
import { checkBoolean, checkChoice, checkNumber, checkOptionNames, checkPositiveInteger, optionalNumber } from '../boundary/options.js';
import { checkSeed } from '../engine/random.js';

const WHERE = 'gradientCheck';
const OPTION_NAMES = ['epsilon', 'tolerance', 'absoluteTolerance', 'loss', 'reference', 'digits', 'sample', 'seed', 'inputs'];

/** The checked options. */
export interface CheckSettings {
  readonly reference: 'float64' | 'bignumber';
  /** The BigNumber precision; undefined in float64. */
  readonly digits: number | undefined;
  readonly epsilon: number;
  readonly tolerance: number;
  /** The absolute tolerance for a loss of this size. */
  readonly absoluteToleranceFor: (loss: number) => number;
  readonly warnings: readonly GradientCheckFallbackWarning[];
  /** At most this many entries per layer, or undefined for all. */
  readonly sample: number | undefined;
  readonly seed: number;
  readonly inputs: boolean;
}

/**
 * The default step of the BigNumber reference at `digits`:
 * `10^-min(ceil(digits / 3), 300)`. The difference's round-off is about
 * `10^-digits · |L| / ε` and its truncation `ε² |L'''| / 6`; a step of
 * `10^-(digits / 3)` makes both about `10^-(2 digits / 3)`, so at the
 * fewest digits allowed, 20, both are near 1e-13 · |L|, ten times below the
 * absolute tolerance `1e-12 · max(1, |L|)`, and they only shrink with more
 * digits. The cap keeps ε a normal double (1e-300 is; 1e-324 is 0), where
 * both errors are already below 1e-600.
 */
export function bigEpsilon(digits: number): number {
  // NOTE: Number('1e-20') is the double nearest 1e-20; 10 ** -20 is not.
  return Number(`1e-${Math.min(Math.ceil(digits / 3), 300)}`);
}

/** The defaults of each reference; see `GradientCheckOptions` for why. */
const DEFAULTS = {
  float64: { epsilon: () => 1e-6, tolerance: 1e-5, absolute: 1e-8 },
  bignumber: { epsilon: bigEpsilon, tolerance: 1e-10, absolute: 1e-12 },
};

function digitsOf(options: GradientCheckOptions, reference: string): number {
  const { digits } = options;
  if (digits === undefined) return 50;
  if (reference !== 'bignumber') {
    throw new ValueError(`${WHERE}: digits is the precision of reference: 'bignumber', but the reference is "${reference}"`);
  }
  checkNumber(digits, { integer: true, min: 20, max: 1000 }, 'digits', WHERE);
  return digits;
}

/** One warning per activation or loss without a BigNumber form, by name. */
export function fallbackWarnings(model: Model, loss: Loss): GradientCheckFallbackWarning[] {
  const names = [...new Set(model.activations.filter((a) => a.big === undefined).map((a) => a.name))];
  const warning = (what: 'activation' | 'loss', name: string): GradientCheckFallbackWarning => ({
    kind: 'fallback', what, name, message: `${what} "${name}" has no BigNumber form: fell back to float64`,
  });
  const warnings = names.map((name) => warning('activation', name));
  return loss.big === undefined ? [...warnings, warning('loss', loss.name)] : warnings;
}

/** Checks the options against the model and loss and fills in the defaults. */
export function checkSettingsOf(options: GradientCheckOptions, model: Model, loss: Loss): CheckSettings {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const asked = checkChoice(options.reference ?? 'float64', ['float64', 'bignumber'], 'reference', WHERE);
  const digits = digitsOf(options, asked);
  const big = asked === 'bignumber' && hasBigForms(model, loss);
  const defaults = big ? DEFAULTS.bignumber : DEFAULTS.float64;
  const epsilon = optionalNumber(options.epsilon, defaults.epsilon(digits), { min: 0, exclusive: true }, 'epsilon', WHERE);
  const tolerance = optionalNumber(options.tolerance, defaults.tolerance, { min: 0 }, 'tolerance', WHERE);
  const absolute = options.absoluteTolerance === undefined ? undefined : optionalNumber(options.absoluteTolerance, 0, { min: 0 }, 'absoluteTolerance', WHERE);
  return {
    reference: big ? 'bignumber' : 'float64',
    digits: big ? digits : undefined,
    epsilon,
    tolerance,
    absoluteToleranceFor: (value) => absolute ?? defaults.absolute * Math.max(1, Math.abs(value)),
    warnings: asked === 'bignumber' && !big ? fallbackWarnings(model, loss) : [],
    sample: options.sample === undefined ? undefined : checkPositiveInteger(options.sample, 'sample', WHERE),
    seed: options.seed === undefined ? 0 : checkSeed(options.seed, WHERE),
    inputs: options.inputs === undefined ? false : checkBoolean(options.inputs, 'inputs', WHERE),
  };
}
