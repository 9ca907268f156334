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
 * A double written out in decimal exactly: its binary value, not the
 * shortest decimal that reads back as it (0.1 is
 * 0.1000000000000000055511151231257827021181583404541015625). A double is
 * `mantissa · 2^e` with an integer mantissa below 2^53, and
 * `2^-k = 5^k / 10^k`, so `mantissa · 5^k` shifted `k` places is its whole
 * expansion (up to 767 significant digits, for the smallest subnormals):
 * exact at every precision the check allows, 1000 digits included.
 */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return Number.isInteger(x) ? BigInt(x).toString() : String(x);
  const sign = x < 0 ? '-' : '';
  let mantissa = Math.abs(x);
  let k = 0;
  // Doubling is exact; after at most 1074 doublings the value is an integer.
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    k++;
  }
  const digits = (BigInt(mantissa) * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return `${sign}${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}

/** `x` as a BigNumber of `math`, exact as far as {@link exactDecimal} goes. */
export function toBig(math: MathJsInstance, x: number): BigNumber {
  return math.bignumber(exactDecimal(x));
}
