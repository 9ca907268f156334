/**
 * Numbers and lists as the reports, the walkthrough and the pictures print
 * them.
 *
 * @module
 */

/**
 * A decimal numeral without the zeros that end its fraction: `0.500` is
 * `0.5`, `2.000` is `2`, `120` stays `120`. The one place this rule lives.
 */
export function withoutTrailingZeros(numeral: string): string {
  return numeral.includes('.') ? numeral.replace(/\.?0+$/, '') : numeral;
}

/**
 * A number in a few significant digits, the way one writes it by hand:
 * `1e-6`, `2.1e-9`, `0.5`, `31.3`.
 */
export function shortNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x) || x === 0) return String(x === 0 ? 0 : x);
  const magnitude = Math.abs(x);
  if (magnitude < 1e-3 || magnitude >= 1e6) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return `${withoutTrailingZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  return String(Number(x.toPrecision(digits)));
}

/** Sorted integers written with ranges: `[0, 1, 2, 5]` is `0-2, 5`. */
export function ranges(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** A word in the singular for one item, with an `s` for several: `neuron 1`, `neurons 0-2`. */
export function counted(word: string, values: readonly number[]): string {
  return `${word}${new Set(values).size === 1 ? '' : 's'} ${ranges(values)}`;
}
