/**
 * The private mathjs instances of the exact reference: BigNumber arithmetic
 * with a chosen number of significant digits, made on first use and kept,
 * one per precision. The user's own mathjs configuration is never touched.
 */
import { all, create, type BigNumber, type MathJsInstance } from 'mathjs';

const instances = new Map<number, MathJsInstance>();

/** The mathjs instance computing with BigNumbers of `digits` significant digits. */
export function bigMath(digits: number): MathJsInstance {
  let math = instances.get(digits);
  if (math === undefined) {
    math = create(all, { number: 'BigNumber', precision: digits });
    instances.set(digits, math);
  }
  return math;
}

/**
 * A double written out in decimal to 100 significant digits: its exact
 * binary value, not the shortest decimal that reads back as it (0.1 is
 * 0.1000000000000000055511151231257827...). A double needs at most 17
 * digits to be told apart, but its exact value has up to 767; 100 is exact
 * far beyond any working precision the check uses.
 */
export function exactDecimal(x: number): string {
  return x.toPrecision(100);
}

/** `x` as a BigNumber of `math`, exact as far as {@link exactDecimal} goes. */
export function toBig(math: MathJsInstance, x: number): BigNumber {
  return math.bignumber(exactDecimal(x));
}
