/**
 * `taylorTest`: the gradient judged by how fast the first-order Taylor
 * residual falls, with no tolerance to choose.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import { shortNumber } from '../boundary/format.js';
import { ValueError } from '../errors.js';
import { prepareAlong, reportBasis } from './along-setting.js';
import type { Along } from './along.js';
import { layerDirections, norm, weightScale } from './directions.js';
import { layerSentence, suspectOf } from './layer-hint.js';
import type { TaylorSeries, TaylorTestOptions, TaylorTestReport } from './taylor-report.js';

const WHERE = 'taylorTest';
/** The first step, relative to the weights' scale `max(1, ‖w‖)`. */
const H0 = 0.01;
/** A residual counts when it is this many times its estimated round-off. */
const ABOVE_ROUND_OFF = 1000;
/** The order a right gradient's residual reaches (2) less a margin for the next Taylor term. */
const RIGHT_ORDER = 1.8;

function stepsOf(value: unknown): number {
  if (value === undefined) return 8;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > 40) {
    throw new ValueError(`${WHERE}: steps must be an integer from 2 to 40, got ${String(value)}`);
  }
  return value;
}

/** The residuals along one direction for `h0 / 2^i`, `i = 0 .. steps`, and the verdict of their orders. */
function series(along: Along, h0: number, steps: number, where: string): TaylorSeries {
  const h = Array.from({ length: steps + 1 }, (_, i) => h0 / 2 ** i);
  const points = h.map(along);
  const residuals = points.map((p) => p.residual);
  if (residuals.some((r) => !Number.isFinite(r))) {
    throw new ValueError(`${WHERE}: the loss along the direction of ${where} is not finite at a step of ${h0}; the network's losses overflow`);
  }
  const belowRoundOff = points.flatMap((p, i) => (p.residual <= ABOVE_ROUND_OFF * p.roundOff ? [i] : []));
  const kinks = points.flatMap((p, i) => (p.kink === undefined ? [] : [i]));
  const usable = (i: number): boolean => !belowRoundOff.includes(i) && !kinks.includes(i);
  const orders = residuals.slice(1).map((r, i) => Math.log2(residuals[i] / r));
  let order: number | null = null;
  for (let i = orders.length - 1; i >= 0 && order === null; i--) if (usable(i) && usable(i + 1)) order = orders[i];
  return { ok: order === null || order >= RIGHT_ORDER, h, residuals, orders, belowRoundOff, kinks, order };
}

/**
 * The Taylor test of the gradient: along a seeded random direction `d`,
 * the residual of the first-order Taylor expansion,
 * `r(h) = |L(w + h·d) - L(w) - h ∇L·d|`, for `h` halving `steps` times. A
 * right gradient leaves only the second-order term, so `r` falls like
 * `h²` and each halving divides it by 4: the observed order
 * `log2(r(h) / r(h/2))` tends to 2. Any error `e` in the gradient leaves
 * `h |e·d|`, which falls like `h`: the order tends to 1. So the verdict
 * needs no tolerance: `ok` when the last usable order is at least 1.8.
 *
 * What is usable: the residuals of float64 losses stop falling at the
 * round-off of `L`, about `u (|L| + Σ_k |∂L/∂w_k · w_k|)` with
 * `u = 2^-53`; a residual below 1000 times its estimate is listed in
 * `belowRoundOff` and the orders next to it are not used. With
 * `reference: 'bignumber'` the losses, their change and `h ∇L·d` are
 * taken in BigNumbers and the floor is the analytic gradient's own float64
 * rounding, far lower, so more halvings are usable. A step that moves a
 * pre-activation across a kink (relu's at 0) is listed in `kinks` and not
 * used either. With no usable order left, nothing contradicts the
 * gradient and `ok` is true.
 *
 * One direction goes through every layer at once (the top-level series);
 * then one per layer (`layers`), so the test names the layer that is
 * wrong: the highest one not ok, since an error there is carried down to
 * every layer below (`suspect`, `summary`). The directions are unit
 * vectors from the library's generator seeded with `seed`; the first step
 * is `h0 = 0.01 · max(1, ‖w‖)` for the weights moved, so that a step
 * changes them by a relative 1% of their norm. Costs `steps + 1` forward
 * passes per direction, `(steps + 1) · (layers + 1)` in all, plus one
 * backward pass, whatever the widths.
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - the number of halvings, the seed, the loss and the reference arithmetic.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if an option is unknown or out of range, or a loss is not finite.
 * @returns `ok`, the orders and residuals (of the direction through every
 *   layer, and of each layer's), the steps below round-off, the suspect
 *   layer and a summary.
 *
 * @example
 * ```ts
 * import { taylorTest, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = taylorTest(net, [1, 2], [5]);
 * report.ok; // => true
 * report.orders.length; // => 8
 * Math.abs(report.order! - 2) < 0.01; // => true
 * report.layers.map((layer) => layer.ok); // => [true, true]
 * ```
 *
 * @example
 * A loss gradient off by a factor of 2: the orders fall to 1, and the output layer is named.
 * ```ts
 * import { taylorTest, Network, Layer, Activation, Loss } from 'mathjs-backprop';
 * const halved = {
 *   name: 'squared-error-without-the-2',
 *   value: Loss.squaredError.value,
 *   gradient: (y: ArrayLike<number>, t: ArrayLike<number>, into: Float64Array) => {
 *     for (let k = 0; k < y.length; k++) into[k] = y[k] - t[k];
 *   },
 * };
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = taylorTest(net, [1, 2], [5], { loss: halved });
 * [report.ok, report.suspect]; // => [false, 1]
 * Math.abs(report.order! - 1) < 0.05; // => true
 * ```
 */
export function taylorTest(net: Network, input: MatrixLike, target: MatrixLike, options: TaylorTestOptions = {}): TaylorTestReport {
  const opts = options ?? {};
  const prepared = prepareAlong(net, input, target, opts, ['steps'], WHERE);
  const steps = stepsOf(opts.steps);
  const { model, value, loss } = prepared.setting;
  const [own, shared] = layerDirections(model, prepared.seed, 2);
  const layers = model.weights.map((w, layer) => {
    const direction = model.weights.map((_, l) => (l === layer ? own[layer] : null));
    return { layer, activation: model.activations[layer].name, ...series(prepared.along(direction), H0 * weightScale(w), steps, `layer ${layer + 1}`) };
  });
  // Through every layer: each layer's unit part weighted 1/sqrt(layers), so that d has length 1.
  const weight = 1 / Math.sqrt(model.weights.length);
  const whole = series(prepared.along(shared.map((d) => d.map((v) => v * weight))), H0 * Math.max(1, norm(model.weights.flatMap((w) => Array.from(w)))), steps, 'every layer');
  const failing = layers.map((l) => !l.ok);
  const ok = whole.ok && layers.every((l) => l.ok);
  const shown = (s: TaylorSeries): string => (s.order === null ? 'none usable' : shortNumber(s.order, 3));
  const summary = failing.some(Boolean)
    ? `${layerSentence(WHERE, model, failing, loss.name)} (orders ${layers.map(shown).join(', ')} by layer; 2 is right, 1 wrong)`
    : ok
      ? `${WHERE}: the residuals fall like h^${shown(whole)} overall and in every layer (2 is right)`
      : `${WHERE}: every layer's own direction agrees, but the direction through all of them falls like h^${shown(whole)} (2 is right)`;
  return {
    ...whole,
    ok,
    layers,
    suspect: suspectOf(failing),
    summary,
    ...reportBasis(prepared, loss, value),
    steps,
    forwardPasses: (steps + 1) * (model.weights.length + 1),
  };
}
