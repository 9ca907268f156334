/**
 * Pictures of training: an SVG plot of the loss after each epoch, with the
 * validation loss beside it.
 *
 * @module
 */
import { ShapeError, ValueError } from '../errors.js';
import { linearAxis, logAxis, type Axis } from './ticks.js';
import { element, escapeXml, svgDocument } from './svg.js';
import { describeValue } from '../boundary/describe.js';
import { checkOptionNames, optionalNumber } from '../boundary/options.js';

const OPTION_NAMES = ['width', 'height', 'logScale', 'title'];

/** A loss history: the losses alone, or as `Network.train` returns them. */
export type LossHistory =
  | readonly number[]
  | {
      /** The training loss of each epoch, `losses[e]` for epoch `e`. */
      readonly losses: readonly number[];
      /** The validation loss after each epoch: as many as `losses`. */
      readonly validationLosses?: readonly number[] | undefined;
    };

/** Options of {@link lossCurveToSVG}. */
export interface LossCurveSVGOptions {
  /**
   * The width of the picture in pixels, at least 200.
   * @defaultValue 640
   */
  readonly width?: number | undefined;
  /**
   * The height of the picture in pixels, at least 150.
   * @defaultValue 400
   */
  readonly height?: number | undefined;
  /**
   * Whether the loss axis is logarithmic (every loss must then be positive).
   * @defaultValue false
   */
  readonly logScale?: boolean | undefined;
  /**
   * The title written above the plot.
   * @defaultValue `"Loss per epoch"`
   */
  readonly title?: string | undefined;
}

const WHERE = 'lossCurveToSVG';
const MARGIN = Object.freeze({ left: 72, right: 24, top: 44, bottom: 52 });
const SERIES = Object.freeze([
  { name: 'training', colour: '#1f5fa8', dash: undefined },
  { name: 'validation', colour: '#d35400', dash: '6 4' },
]);

/** Refuses anything but a non-empty array of finite numbers. */
function checkLosses(values: unknown, what: string): readonly number[] {
  if (!Array.isArray(values)) throw new ValueError(`${WHERE}: ${what} must be an array of numbers, got ${describeValue(values)}`);
  if (values.length === 0) throw new ShapeError(`${WHERE}: ${what} must not be empty`, [1], [0]);
  values.forEach((v, e) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValueError(`${WHERE}: ${what}[${e}] must be a finite number, got ${describeValue(v)}`);
  });
  return values;
}

/** The series to plot: training, and validation when given. */
function seriesOf(history: LossHistory): (readonly number[])[] {
  if (Array.isArray(history)) return [checkLosses(history, 'losses')];
  const h = history as Exclude<LossHistory, readonly number[]>;
  if (h === null || typeof h !== 'object') throw new ValueError(`${WHERE}: expected an array of losses or { losses, validationLosses }, got ${describeValue(history)}`);
  const losses = checkLosses(h.losses, 'losses');
  if (h.validationLosses === undefined) return [losses];
  const validation = checkLosses(h.validationLosses, 'validationLosses');
  if (validation.length !== losses.length) {
    throw new ShapeError(`${WHERE}: validationLosses must have one loss per epoch, ${losses.length}, got ${validation.length}`, [losses.length], [validation.length]);
  }
  return [losses, validation];
}

function sizeOption(value: unknown, fallback: number, least: number, what: string): number {
  return optionalNumber(value, fallback, { min: least }, what, WHERE);
}

/** The plot's frame and axes, and how values map into it. */
interface Plot {
  readonly width: number;
  readonly height: number;
  readonly x: Axis;
  readonly y: Axis;
  readonly log: boolean;
  px(epoch: number): number;
  py(loss: number): number;
}

function plotOf(series: readonly (readonly number[])[], options: LossCurveSVGOptions): Plot {
  const width = sizeOption(options.width, 640, 200, 'width');
  const height = sizeOption(options.height, 400, 150, 'height');
  const log = options.logScale ?? false;
  if (typeof log !== 'boolean') throw new ValueError(`${WHERE}: logScale must be true or false, got ${describeValue(log)}`);
  const all = series.flat();
  if (log && all.some((v) => v <= 0)) {
    throw new ValueError(`${WHERE}: a log scale needs positive losses, got ${Math.min(...all)}; plot it with logScale: false`);
  }
  const [low, high] = [Math.min(...all), Math.max(...all)];
  const x = linearAxis(1, series[0].length, 8, 1);
  const y = log ? logAxis(low, high) : linearAxis(low, high, 6);
  const [left, right, top, bottom] = [MARGIN.left, width - MARGIN.right, MARGIN.top, height - MARGIN.bottom];
  return {
    width, height, x, y, log,
    px: (epoch) => left + ((epoch - x.min) / (x.max - x.min)) * (right - left),
    py: (loss) => bottom - (((log ? Math.log10(loss) : loss) - y.min) / (y.max - y.min)) * (bottom - top),
  };
}

/** The frame, grid, ticks and their labels, and the axis titles. */
function axes(p: Plot): string {
  const [left, right, top, bottom] = [MARGIN.left, p.width - MARGIN.right, MARGIN.top, p.height - MARGIN.bottom];
  const small = { 'font-size': 12, fill: '#333333' };
  const yTicks = p.y.ticks.map((t, k) => {
    const y = p.py(p.log ? 10 ** t : t);
    return element('line', { x1: left, y1: y, x2: right, y2: y, stroke: '#e3e3e3' }) +
      element('text', { ...small, x: left - 6, y, dy: '0.35em', 'text-anchor': 'end' }, escapeXml(p.y.labels[k]));
  });
  const xTicks = p.x.ticks.map((t, k) => {
    const x = p.px(t);
    return element('line', { x1: x, y1: bottom, x2: x, y2: bottom + 5, stroke: '#333333' }) +
      element('text', { ...small, x, y: bottom + 18, 'text-anchor': 'middle' }, escapeXml(p.x.labels[k]));
  });
  const frame = element('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: 'none', stroke: '#333333' });
  const xTitle = element('text', { ...small, x: (left + right) / 2, y: p.height - 12, 'text-anchor': 'middle' }, 'epoch');
  const yTitle = element('text', { ...small, x: 16, y: (top + bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 16 ${(top + bottom) / 2})` }, p.log ? 'loss (log scale)' : 'loss');
  return element('g', { class: 'axes' }, [...yTicks, ...xTicks, frame, xTitle, yTitle].join('\n'));
}

/** One series as a line, with a dot per epoch when there are few. */
function curve(p: Plot, values: readonly number[], s: (typeof SERIES)[number]): string {
  const points = values.map((v, e) => `${p.px(e + 1).toFixed(2)},${p.py(v).toFixed(2)}`).join(' ');
  const line = element('polyline', { points, fill: 'none', stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': s.dash });
  const dots = values.length > 50 ? [] : values.map((v, e) =>
    element('circle', { cx: p.px(e + 1), cy: p.py(v), r: 3, fill: s.colour }, element('title', {}, escapeXml(`${s.name} loss of epoch ${e + 1}: ${v}`))),
  );
  return element('g', { class: s.name, 'data-epochs': String(values.length) }, line + dots.join(''));
}

/** The legend in the plot's top right corner. */
function legend(p: Plot, count: number): string {
  const x = p.width - MARGIN.right - 118;
  const rows = SERIES.slice(0, count).map((s, k) => {
    const y = MARGIN.top + 16 + k * 18;
    return element('line', { x1: x + 8, y1: y, x2: x + 34, y2: y, stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': s.dash }) +
      element('text', { x: x + 40, y, dy: '0.35em', 'font-size': 12, fill: '#333333' }, s.name);
  });
  const frame = element('rect', { x, y: MARGIN.top + 6, width: 110, height: 8 + count * 18, fill: 'white', 'fill-opacity': 0.9, stroke: '#bbbbbb' });
  return element('g', { class: 'legend' }, frame + rows.join(''));
}

/**
 * Plots a loss history as an SVG picture: the training loss of each epoch
 * (`losses[e]` at epoch `e + 1`) as a solid line and, when given, the
 * validation loss as a dashed one, with axes, round-numbered ticks (1, 2 or
 * 5 times a power of ten; powers of ten on a log scale), axis titles, a
 * title and a legend. Each point carries a tooltip with its exact value.
 * Plain SVG, no dependency; does not change its arguments.
 *
 * @param history - the losses, or `{ losses, validationLosses }` as
 *   `Network.train` returns them (other fields are ignored).
 * @param options - the size, a log scale and the title.
 * @throws {@link ShapeError} if there are no losses, or not as many
 *   validation losses as training losses.
 * @throws {@link ValueError} if a loss is not a finite number, a loss is not
 *   positive on a log scale, or an option is out of range.
 * @returns the SVG document as a string, ending with a newline.
 *
 * @example
 * ```ts
 * import { lossCurveToSVG } from 'mathjs-backprop';
 * const svg = lossCurveToSVG({ losses: [4, 1, 0.25], validationLosses: [5, 2, 1] }, { logScale: true });
 * svg.includes('<title>validation loss of epoch 2: 2</title>'); // => true
 * svg.includes('loss (log scale)'); // => true
 * ```
 */
export function lossCurveToSVG(history: LossHistory, options: LossCurveSVGOptions = {}): string {
  checkOptionNames(options, OPTION_NAMES, WHERE);
  const title = options.title ?? 'Loss per epoch';
  if (typeof title !== 'string') throw new ValueError(`${WHERE}: title must be a string, got ${describeValue(title)}`);
  const series = seriesOf(history);
  const p = plotOf(series, options);
  const heading = element('text', { x: p.width / 2, y: 26, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold', fill: '#222222' }, escapeXml(title));
  const curves = series.map((values, k) => curve(p, values, SERIES[k]));
  return svgDocument(p.width, p.height, title, [axes(p), ...curves, legend(p, series.length), heading]);
}
