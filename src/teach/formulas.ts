/**
 * The formulas of activations and losses in LaTeX, for the worked
 * examples of `explanationToMarkdown`: each one written symbolically and,
 * where it helps, with the numbers put in.
 */
import { latexFactor, latexName, latexNumber } from './latex.js';
import type { BuiltInLossFormula } from './loss-identity.js';

/** An activation's formulas in LaTeX. */
export interface ActivationFormula {
  /** Whether `f(z) = z`, so `a = z` and `f'(z) = 1`. */
  readonly identity: boolean;
  /** `f(arg)`, e.g. `\sigma(z_1)`. */
  apply(arg: string): string;
  /** `f'(z)` in the symbols `z` and `a = f(z)`, e.g. `a_1 (1 - a_1)`; safe as a factor of a product. */
  slope(z: string, a: string): string;
  /** `f'(z)` with the numbers put in, e.g. `0.5 \cdot (1 - 0.5)`. */
  slopeNumbers(z: number, a: number, digits: number): string;
}

const LEAKY = /^leakyRelu\((.+)\)$/;

/** The formulas of the activation called `name`; a function name for unknown ones. */
export function activationFormula(name: string): ActivationFormula {
  if (name === 'identity') {
    return { identity: true, apply: (arg) => arg, slope: () => '1', slopeNumbers: () => '1' };
  }
  if (name === 'sigmoid') {
    return {
      identity: false,
      apply: (arg) => `\\sigma(${arg})`,
      slope: (_z, a) => `${a} (1 - ${a})`,
      slopeNumbers: (_z, a, d) => `${latexFactor(a, d)} \\cdot (1 - ${latexFactor(a, d)})`,
    };
  }
  if (name === 'tanh') {
    return {
      identity: false,
      apply: (arg) => `\\tanh(${arg})`,
      slope: (_z, a) => `(1 - {${a}}^2)`,
      slopeNumbers: (_z, a, d) => `(1 - {${latexFactor(a, d)}}^2)`,
    };
  }
  const leaky = LEAKY.exec(name);
  const f = leaky === null ? latexName(name) : `\\operatorname{leakyRelu}_{${leaky[1]}}`;
  return {
    identity: false,
    apply: (arg) => `${f}(${arg})`,
    slope: (z) => `${f}'(${z})`,
    slopeNumbers: (z, _a, d) => `${f}'(${latexNumber(z, d)})`,
  };
}

/** Where a loss formula is written: the output and target symbols. */
export interface LossSymbols {
  /** The output symbols `y` or `y_k`, one per output. */
  readonly y: readonly string[];
  /** The target symbols, one per output. */
  readonly t: readonly string[];
}

/** `\frac{\partial \mathcal{L}}{\partial y}`. */
export function dLossBy(y: string): string {
  return `\\frac{\\partial \\mathcal{L}}{\\partial ${y}}`;
}

/**
 * The loss `L(y, t)` symbolically, then with the numbers put in when that
 * is short. `builtIn` (found by identity, see `loss-identity.ts`) picks a
 * built-in loss's formula; a custom loss is written `name(y, t)`.
 */
export function lossFormula(builtIn: BuiltInLossFormula | undefined, name: string, s: LossSymbols, y: readonly number[], t: readonly number[], d: number): string[] {
  const one = s.y.length === 1;
  if (builtIn === 'squaredError') {
    const numbers = y.map((yk, k) => `(${latexNumber(yk, d)} - ${latexFactor(t[k], d)})^2`).join(' + ');
    return [one ? `(${s.y[0]} - ${s.t[0]})^2` : '\\sum_k (y_k - t_k)^2', numbers];
  }
  if (builtIn === 'binaryCrossEntropy') {
    const sum = one ? '' : '\\sum_k ';
    const [yk, tk] = one ? [s.y[0], s.t[0]] : ['y_k', 't_k'];
    return [`-${sum}\\left[${tk} \\ln ${yk} + (1 - ${tk}) \\ln(1 - ${yk})\\right]`];
  }
  if (builtIn === 'softmaxCrossEntropy') return ['-\\sum_k t_k \\ln \\operatorname{softmax}(y)_k'];
  if (builtIn === 'sigmoidCrossEntropy') {
    const sum = one ? '' : '\\sum_k ';
    const [yk, tk] = one ? [s.y[0], s.t[0]] : ['y_k', 't_k'];
    return [`-${sum}\\left[${tk} \\ln \\sigma(${yk}) + (1 - ${tk}) \\ln(1 - \\sigma(${yk}))\\right]`];
  }
  return [`${latexName(name)}(y, t)`];
}

/** `∂L/∂y_k` symbolically, then with the numbers put in when that is short; none for a custom loss. */
export function lossGradientFormula(builtIn: BuiltInLossFormula | undefined, s: LossSymbols, k: number, y: number, t: number, d: number): string[] {
  const [yk, tk] = [s.y[k], s.t[k]];
  if (builtIn === 'squaredError') return [`2(${yk} - ${tk})`, `2 \\cdot ${latexFactor(y - t, d)}`];
  if (builtIn === 'binaryCrossEntropy') return [`\\frac{${yk} - ${tk}}{${yk} (1 - ${yk})}`];
  if (builtIn === 'sigmoidCrossEntropy') return [`\\sigma(${yk}) - ${tk}`];
  if (builtIn === 'softmaxCrossEntropy') {
    const sub = s.y.length === 1 ? '' : `_{${k + 1}}`;
    return [`\\operatorname{softmax}(y)${sub} \\sum_j t_j - ${tk}`];
  }
  return [];
}
