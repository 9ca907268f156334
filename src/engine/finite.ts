/**
 * The checks that no pass hands on a NaN or an infinity: once per layer
 * buffer, after the kernel has written it (never inside the multiply-add
 * loops), and, when one is found, a second look at that one entry to say
 * whose number it was. A non-finite `z` from finite inputs and weights is
 * float64 overflowing; a non-finite `a` from a finite `z`, or a non-number,
 * is the activation's; a bad delta from finite factors is its derivative's.
 *
 * @module
 */
import type { Activation } from '../math/activation-type.js';
import * as builtIn from '../math/activations.js';
import { nonNumberWritten, type Loss } from '../math/loss-type.js';
import { binaryCrossEntropy, softmaxCrossEntropy, squaredError } from '../math/losses.js';
import { sigmoidCrossEntropy } from '../math/sigmoid-cross-entropy.js';
import { PassFault, type Fault, type FaultSource } from '../boundary/pass-fault.js';

/**
 * Every check takes where the layer sits: the network's `sizes` (`[n, m]`
 * for a layer alone) and the layer's index `layer`, made into names only
 * when the check fails.
 */
function placed(sizes: readonly number[], layer: number): Pick<Fault, 'layer' | 'layers' | 'outputs'> {
  const layers = sizes.length - 1;
  return { layer, layers, outputs: sizes[layers] };
}

/**
 * The first `k` in `[from, to)` (default: all of `values`) with `values[k]`
 * NaN or infinite, or -1.
 *
 * `v - v` is 0 for every finite `v` and NaN for NaN and ±Infinity, and a
 * sum with a NaN in it is NaN. So the scan adds up `v - v` in four
 * independent sums, with no branch per number (twice as fast as testing
 * each one), and looks for the place only when the total is not 0.
 */
export function firstNonFinite(values: Float64Array, from = 0, to = values.length): number {
  const end4 = to - ((to - from) & 3);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let k = from; k < end4; k += 4) {
    const v0 = values[k], v1 = values[k + 1], v2 = values[k + 2], v3 = values[k + 3];
    s0 += v0 - v0;
    s1 += v1 - v1;
    s2 += v2 - v2;
    s3 += v3 - v3;
  }
  let total = s0 + s1 + s2 + s3;
  for (let k = end4; k < to; k++) total += values[k] - values[k];
  if (total === 0) return -1;
  for (let k = from; k < to; k++) {
    const v = values[k];
    if (v - v !== 0) return k;
  }
  return -1;
}

/** Built-ins whose value is finite wherever `z` is: `a` needs no scan. */
const FINITE_ON_FINITE = new Set<Activation>([builtIn.identity, builtIn.sigmoid, builtIn.tanh, builtIn.relu]);

function fault(sizes: readonly number[], layer: number, quantity: Fault['quantity'], k: number, m: number, value: unknown, source: FaultSource): PassFault {
  return new PassFault({ ...placed(sizes, layer), quantity, example: Math.floor(k / m), neuron: k % m, value, source });
}

/** Refuses a non-finite `z` or `a` of one layer (`m` neurons) after its forward pass. */
export function checkForward(sizes: readonly number[], layer: number, activation: Activation, m: number, z: Float64Array, a: Float64Array): void {
  let k = firstNonFinite(z);
  if (k >= 0) throw fault(sizes, layer, 'z', k, m, z[k], { kind: 'overflow' });
  if (FINITE_ON_FINITE.has(activation)) return;
  k = firstNonFinite(a);
  if (k >= 0) {
    throw fault(sizes, layer, 'a', k, m, activation.apply(z[k]), { kind: 'activation', name: activation.name, z: z[k] });
  }
}

/** Refuses a non-finite delta of one layer after its backward pass, naming the derivative when it is the cause. */
export function checkDelta(
  sizes: readonly number[], layer: number, activation: Activation, m: number,
  z: Float64Array, a: Float64Array, upstream: Float64Array, delta: Float64Array,
): void {
  const k = firstNonFinite(delta);
  if (k < 0) return;
  if (Number.isFinite(upstream[k]) && !FINITE_ON_FINITE.has(activation)) {
    const d: unknown = activation.derivative(z[k], a[k]);
    if (typeof d !== 'number' || !Number.isFinite(d)) {
      throw fault(sizes, layer, 'delta', k, m, d, { kind: 'derivative', name: activation.name, z: z[k] });
    }
  }
  throw fault(sizes, layer, 'delta', k, m, delta[k], { kind: 'overflow' });
}

/** The built-in losses, whose non-finite values are float64 overflowing, not their code. */
const BUILT_IN_LOSSES = new Set<Loss>([squaredError, binaryCrossEntropy, softmaxCrossEntropy, sigmoidCrossEntropy]);

/** Refuses a loss value that is not a finite number, for example `r`. */
export function checkLossValue(sizes: readonly number[], layer: number, loss: Loss, value: unknown, r: number): number {
  if (typeof value === 'number' && value - value === 0) return value;
  const own = typeof value === 'number' && BUILT_IN_LOSSES.has(loss);
  const source: FaultSource = own ? { kind: 'overflow' } : { kind: 'loss', name: loss.name, part: 'value' };
  throw new PassFault({ ...placed(sizes, layer), quantity: 'loss', example: r, neuron: 0, value, source });
}

/** Refuses a loss gradient (`rows × outputs`) with a non-finite entry. */
export function checkLossGradient(sizes: readonly number[], layer: number, loss: Loss, gradient: Float64Array): void {
  const k = firstNonFinite(gradient);
  if (k < 0) return;
  const source: FaultSource = BUILT_IN_LOSSES.has(loss) ? { kind: 'overflow' } : { kind: 'loss', name: loss.name, part: 'gradient' };
  // A custom loss's non-number arrives as NaN (checkLoss guards its buffer); the message shows what it wrote.
  const written = nonNumberWritten(gradient, k);
  throw fault(sizes, layer, 'loss gradient', k, placed(sizes, layer).outputs, written === null ? gradient[k] : written.value, source);
}

const BCE_ADVICE = 'binaryCrossEntropy is for probabilities: give the network a sigmoid output layer (outputActivation: Activation.sigmoid), or keep the identity output and use Loss.sigmoidCrossEntropy, which takes the logits';

/**
 * The loss of one example, checked: its output and target in the loss's
 * domain, then its value a finite number. `sizes` are the network's; `r`
 * the example's row. Used by every pass that takes a loss.
 */
export function checkedLoss(sizes: readonly number[], loss: Loss, output: ArrayLike<number>, target: ArrayLike<number>, r: number): number {
  const last = sizes.length - 2;
  checkLossDomain(sizes, last, loss, output, target, r);
  return checkLossValue(sizes, last, loss, loss.value(output, target), r);
}

/** Refuses, for `Loss.binaryCrossEntropy`, an output or target of example `r` outside [0, 1]. */
export function checkLossDomain(sizes: readonly number[], layer: number, loss: Loss, output: ArrayLike<number>, target: ArrayLike<number>, r: number): void {
  if (loss !== binaryCrossEntropy) return;
  for (let k = 0; k < output.length; k++) {
    const what = !(output[k] >= 0 && output[k] <= 1) ? 'output' : !(target[k] >= 0 && target[k] <= 1) ? 'target' : null;
    if (what === null) continue;
    const value = what === 'output' ? output[k] : target[k];
    const source: FaultSource = { kind: 'domain', name: loss.name, what, advice: BCE_ADVICE };
    throw new PassFault({ ...placed(sizes, layer), quantity: 'loss', example: r, neuron: k, value, source });
  }
}
