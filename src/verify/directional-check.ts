/**
 * `directionalCheck`: the gradient checked along a few random directions
 * per layer, at a cost that does not grow with the layer's width.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import type { MatrixLike } from '../boundary/convert.js';
import { checkPositiveInteger } from '../boundary/options.js';
import { shortNumber } from '../boundary/format.js';
import { ValueError } from '../errors.js';
import { prepareAlong, reportBasis, type Prepared } from './along-setting.js';
import { layerDirections, weightScale } from './directions.js';
import { layerSentence, suspectOf } from './layer-hint.js';
import type { DirectionalCheckDirection, DirectionalCheckOptions, DirectionalCheckReport } from './directional-report.js';

const WHERE = 'directionalCheck';

function tolerance(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${WHERE}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** One direction: the central difference along `d` against `∇L·d`, for the steps actually taken. */
function compare(
  prepared: Prepared, layer: number, d: Float64Array, epsilon: number, index: number, rtol: number, atol: number,
): DirectionalCheckDirection {
  const direction = prepared.setting.model.weights.map((_, l) => (l === layer ? d : null));
  const along = prepared.along(direction);
  const up = along(epsilon);
  const down = along(-epsilon);
  const numeric = (up.lossChange - down.lossChange) / (2 * epsilon);
  const analytic = (up.slope - down.slope) / (2 * epsilon);
  if (!Number.isFinite(numeric)) {
    throw new ValueError(`${WHERE}: the loss along direction ${index} of layer ${layer + 1} is not finite at a step of ${epsilon}`);
  }
  const absoluteError = Math.abs(analytic - numeric);
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const allowed = atol + rtol * scale + (up.roundOff + down.roundOff) / (2 * epsilon);
  const kink = up.kink !== undefined || down.kink !== undefined;
  return {
    direction: index, analytic, numeric, absoluteError,
    relativeError: scale === 0 ? 0 : absoluteError / scale,
    margin: allowed > 0 ? absoluteError / allowed : absoluteError > 0 ? Infinity : 0,
    ok: kink || absoluteError <= allowed,
    kink,
  };
}

/**
 * Checks the gradient of every layer along a few seeded random directions:
 * for a unit direction `d` in the layer's weights, the directional
 * derivative from backpropagation, `∇L·d = Σ_k ∂L/∂w_k · d_k`, against the
 * central difference of the loss along `d`,
 * `(L(w + ε·d) - L(w - ε·d)) / 2ε`. A wrong derivative anywhere in the
 * layer changes `∇L·d` for almost every direction, so a few directions
 * find it, and the layer is named; which weight is wrong is then
 * `gradientCheck`'s job (with `sample` for a big layer). Costs two forward
 * passes per direction and layer, whatever the layer's width, plus one
 * backward pass: for 784-128-10, 12 passes against `gradientCheck`'s
 * 203,540.
 *
 * The directions are standard normal vectors normalised to length 1, from
 * the library's generator seeded with `seed`. The step is measured in the
 * layer's weights: `ε = 1e-6 · max(1, ‖w‖)` in float64 (a relative 1e-6 of
 * the weights' norm, as `gradientCheck`'s ε is for one weight), and
 * `10^-round(0.4 · digits) · max(1, ‖w‖)` with the BigNumber reference.
 * Dividing by the step actually taken removes the rounding of `w ± ε·d`. A
 * layer whose error sits in the highest failing layer is where to look: an
 * error there is carried down to every layer below (`suspect`, `summary`).
 *
 * @param net - the network; not changed.
 * @param input - one example, or a batch with one example per row.
 * @param target - shaped like the output.
 * @param options - the number of directions, the seed, the loss, the reference arithmetic and the tolerances.
 * @throws {@link ShapeError} if the input or target does not fit.
 * @throws {@link ValueError} if an option is unknown or out of range, or the loss is not finite.
 * @returns `ok`, one report per layer naming each direction's values, the suspect layer and a summary.
 *
 * @example
 * ```ts
 * import { directionalCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = directionalCheck(net, [1, 2], [5], { seed: 1 });
 * report.ok; // => true
 * report.layers.map((layer) => layer.directions.length); // => [3, 3]
 * report.forwardPasses; // => 12
 * report.summary; // => 'directionalCheck: every layer agrees along 3 directions each'
 * ```
 *
 * @example
 * A sigmoid with its derivative doubled, in the hidden layer: that layer is named.
 * ```ts
 * import { directionalCheck, Network, Layer, Activation } from 'mathjs-backprop';
 * const doubled = Activation.define({
 *   name: 'sigmoid-doubled-in-directional-check',
 *   apply: Activation.sigmoid.apply,
 *   derivative: (_z, a) => 2 * a * (1 - a),
 * });
 * const net = Network.create([
 *   Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], doubled),
 *   Layer.create([[1], [2], [3], [-1]], Activation.identity),
 * ]);
 * const report = directionalCheck(net, [1, 2], [5]);
 * [report.ok, report.suspect, report.layers[1].ok]; // => [false, 0, true]
 * ```
 */
export function directionalCheck(
  net: Network, input: MatrixLike, target: MatrixLike, options: DirectionalCheckOptions = {},
): DirectionalCheckReport {
  const opts = options ?? {};
  const prepared = prepareAlong(net, input, target, opts, ['directions', 'tolerance', 'absoluteTolerance'], WHERE);
  const count = opts.directions === undefined ? 3 : checkPositiveInteger(opts.directions, 'directions', WHERE);
  const { model, value, loss } = prepared.setting;
  const big = prepared.digits !== undefined;
  const rtol = tolerance(opts.tolerance, big ? 1e-10 : 1e-5, 'tolerance');
  const atol = tolerance(opts.absoluteTolerance, (big ? 1e-12 : 1e-8) * Math.max(1, Math.abs(value)), 'absoluteTolerance');
  const h = big ? Number(`1e-${Math.round(0.4 * prepared.digits!)}`) : 1e-6;
  const directions = layerDirections(model, prepared.seed, count);
  const layers = model.weights.map((w, layer) => {
    const epsilon = h * weightScale(w);
    const results = directions.map((d, i) => compare(prepared, layer, d[layer], epsilon, i, rtol, atol));
    return {
      layer, activation: model.activations[layer].name, weights: w.length, epsilon,
      ok: results.every((r) => r.ok), directions: results,
    };
  });
  const failing = layers.map((l) => !l.ok);
  const worst = Math.max(...layers.flatMap((l) => l.directions.map((d) => d.margin)));
  const summary = failing.some(Boolean)
    ? `${layerSentence(WHERE, model, failing, loss.name)} (worst error ${shortNumber(worst)} times the allowed)`
    : `${WHERE}: every layer agrees along ${count} direction${count === 1 ? '' : 's'} each`;
  return {
    ok: layers.every((l) => l.ok),
    layers,
    suspect: suspectOf(failing),
    summary,
    ...reportBasis(prepared, loss, value),
    tolerance: rtol,
    absoluteTolerance: atol,
    forwardPasses: 2 * count * model.weights.length,
  };
}
