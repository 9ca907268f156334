/**
 * Axis ticks for plots: round steps of 1, 2 or 5 times a power of ten on a
 * linear axis, powers of ten on a logarithmic one.
 */

/** An axis: its domain and the values where it has ticks, with their labels. */
export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
}

/** A true minus sign (U+2212) for a label. */
function minus(text: string): string {
  return text.replace('-', '\u2212');
}

/** The step of about `count` intervals over `span`: 1, 2 or 5 × 10^k. */
function niceStep(span: number, count: number): number {
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const r = rough / magnitude;
  return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
}

/** A tick value as text, with as many decimals as the step needs. */
function tickLabel(value: number, step: number): string {
  if (value === 0) return '0';
  if (step >= 1e-4 && Math.abs(value) < 1e6) {
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return minus(value.toFixed(decimals));
  }
  return minus(String(Number(value.toPrecision(3))));
}

/**
 * A linear axis covering `[low, high]`, widened to whole steps; about
 * `count` intervals, each at least `minStep` (1 for epochs). A single value
 * gets a domain around it.
 */
export function linearAxis(low: number, high: number, count: number, minStep = 0): Axis {
  if (low === high) {
    const pad = Math.max(minStep, Math.abs(low) * 0.1 || 1);
    [low, high] = [low - pad, high + pad];
  }
  const step = Math.max(minStep, niceStep(high - low, count));
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, k) => (first + k) * step);
  return { min: first * step, max: last * step, ticks, labels: ticks.map((t) => tickLabel(t, step)) };
}

/** A power of ten as a label: `0.001` to `1000` written out, else `1e−5`. */
function powerLabel(k: number): string {
  return Math.abs(k) <= 3 ? minus(String(Number((10 ** k).toPrecision(1)))) : minus(`1e${k}`);
}

/**
 * A logarithmic axis covering `[low, high]` (both positive), widened to
 * whole powers of ten, with a tick at every power of ten (every second or
 * further one when there are more than 8 decades). Values are the
 * exponents: `min` and `max` are log10 of the domain.
 */
export function logAxis(low: number, high: number): Axis {
  let first = Math.floor(Math.log10(low));
  let last = Math.ceil(Math.log10(high));
  if (first === last) [first, last] = [first, last + 1];
  const every = Math.ceil((last - first) / 8);
  const ticks: number[] = [];
  for (let k = first; k <= last; k += every) ticks.push(k);
  return { min: first, max: last, ticks, labels: ticks.map(powerLabel) };
}
