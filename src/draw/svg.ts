/**
 * Writing SVG as text: escaping, elements and the numbers of the pictures.
 * Everything a caller can influence (titles, activation names) goes through
 * `escapeXml`, so the output is always well-formed XML.
 */
import { withoutTrailingZeros } from '../boundary/format.js';
import { checkNumber } from '../boundary/options.js';

/** Characters XML 1.0 cannot hold at all, not even as references: replaced by U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` safe in XML text and in quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A coordinate or length, to 0.01 of a pixel. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Attribute values: numbers as `px`, strings escaped; `undefined` ones left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** An element `<name a="…">children</name>`, or `<name a="…"/>` without children. */
export function element(name: string, attributes: Attributes, children?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? px(value) : escapeXml(value as string)}"`)
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** The root `<svg>` of a `width × height` picture with a title. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width: Math.ceil(width),
    height: Math.ceil(height),
    viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
    role: 'img',
    'font-family': 'DejaVu Sans, Arial, Helvetica, sans-serif',
  };
  const content = [element('title', {}, escapeXml(title)), element('rect', { width: '100%', height: '100%', fill: 'white' }), ...body];
  return `${element('svg', root, `\n${content.join('\n')}\n`)}\n`;
}

/**
 * `x` rounded to `decimals` places without trailing zeros, with a true minus
 * sign (U+2212): `−0.119`, `2`, `0.5`. A value that rounds to zero is `0`.
 */
export function svgNumber(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  const short = text.includes('e') ? text : withoutTrailingZeros(text);
  return /^-0$/.test(short) ? '0' : short.replace('-', '\u2212');
}

/** A rough width of `text` in a sans-serif font of `size` pixels. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

/** Refuses anything but an integer from 0 to 12 as a number of decimals. */
export function checkDecimals(value: unknown, where: string): number {
  return checkNumber(value, { integer: true, min: 0, max: 12 }, 'decimals', where);
}
