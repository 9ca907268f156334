/**
 * Numbers and names as LaTeX and Markdown text, for the worked examples of
 * `explanationToMarkdown`.
 */
import { withoutTrailingZeros } from '../boundary/format.js';

/**
 * `x` rounded to `digits` significant digits, as LaTeX, without trailing
 * zeros (as C's `%g`): `0.5`, `-2`, `2.5595`. Very large and very small
 * numbers are written `1.23457 \times 10^{-7}`.
 */
export function latexNumber(x: number, digits: number): string {
  if (x === 0) return '0';
  const [mantissa, exponent] = x.toPrecision(digits).split('e');
  const short = withoutTrailingZeros(mantissa);
  return exponent === undefined ? short : `${short} \\times 10^{${Number(exponent)}}`;
}

/**
 * `x` as a factor of a product or an operand of a sum: in parentheses when
 * it is negative or written with a power of ten, so `0.1 \cdot (-11.1899)`.
 */
export function latexFactor(x: number, digits: number): string {
  const text = latexNumber(x, digits);
  return text.startsWith('-') || text.includes('\\times') ? `(${text})` : text;
}

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\backslash{}',
  '{': '\\{',
  '}': '\\}',
  '_': '\\_',
  '^': '\\hat{}',
  '#': '\\#',
  '$': '\\$',
  '%': '\\%',
  '&': '\\&',
  '~': '\\sim{}',
};

/**
 * A name as an upright function name in LaTeX math, e.g. `\operatorname{relu}`.
 * `<` and `>` are written as math-mode `\lt` and `\gt` between text runs,
 * never raw: a Markdown renderer reads raw `<...>` as HTML, even in math.
 */
export function latexName(name: string): string {
  if (/^[A-Za-z]+$/.test(name)) return `\\operatorname{${name}}`;
  const runs = name.split(/([<>])/).map((part) => {
    if (part === '<') return '\\lt ';
    if (part === '>') return '\\gt ';
    return part === '' ? '' : `\\text{${part.replace(/[\\{}_^#$%&~]/g, (c) => LATEX_SPECIAL[c])}}`;
  });
  return runs.join('').trimEnd() || '\\text{}';
}

/** `text` as a Markdown code span, however many backticks it holds. */
export function markdownCode(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A display-math block of aligned lines, each `left &= right`. */
export function alignedBlock(lines: readonly string[]): string {
  return ['$$', '\\begin{aligned}', lines.join(' \\\\\n'), '\\end{aligned}', '$$'].join('\n');
}
