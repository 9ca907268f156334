/**
 * The numeric side of `gradientCheck`: a central difference of the loss for
 * one weight at a time, and whether that difference stepped across a kink.
 * Two implementations share the types here: float64 (below) and BigNumber
 * (`big.ts`).
 */
import type { Loss } from '../math/loss-type.js';
import { createWorkspace, lossModel, type Model } from '../engine/flat-model.js';
import { PassFault, describeFault } from '../boundary/pass-fault.js';

/** A pre-activation whose kink lay between its values at `w + ε` and `w - ε`. */
export interface KinkCrossing {
  /** The layer of the neuron. */
  readonly layer: number;
  /** The neuron: its column in that layer. */
  readonly neuron: number;
  /** The example (row of the batch); 0 for a single example. */
  readonly example: number;
  /** Its pre-activation at the unperturbed weights. */
  readonly z: number;
  /** The kink it crossed. */
  readonly kink: number;
}

/** The central difference for one weight. */
export interface Difference {
  /** `(L(w + ε) - L(w - ε)) / ((w + ε) - (w - ε))`. */
  readonly numeric: number;
  /** Whether `w + ε` and `w - ε` differ at all in the arithmetic used. */
  readonly moved: boolean;
  readonly lossUp: number;
  readonly lossDown: number;
  /** The kink crossed nearest to its neuron's z, if any. */
  readonly kink?: KinkCrossing;
  /** With a kink: the one-sided slopes `(L(w) - L(w - ε)) / ε` and `(L(w + ε) - L(w)) / ε`. */
  readonly oneSided?: { readonly left: number; readonly right: number };
}

/** The loss at a perturbed weight; a fault there is the step's, too large for these weights. */
function probeLoss(compute: () => number, epsilon: number): number {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof PassFault)) throw error;
    throw new PassFault(error.fault, `gradientCheck: epsilon ${epsilon} moves a weight so far that ${describeFault(error.fault)}; use a smaller epsilon`);
  }
}

/**
 * The central difference of weight `index` (row-major) of layer `layer`;
 * layer -1 is the input, `index` then counting row by row over the batch.
 */
export type Differencer = (layer: number, index: number) => Difference;

/**
 * Among the layers from `from` up, the neuron (and example) whose z at
 * `w + ε` (`up`) and at `w - ε` (`down`) lie on both sides of one of its
 * activation's kinks, or one of them on it, while the two differ: of those,
 * the one whose unperturbed z (`base`) is nearest its kink. `side(z, k)` is
 * the sign of `z - k`, exact in the arithmetic of `T`.
 */
export function findCrossing<T>(
  model: Model, from: number,
  up: readonly ArrayLike<T>[], down: readonly ArrayLike<T>[], base: readonly ArrayLike<T>[],
  side: (z: T, kink: number) => number, toNumber: (z: T) => number,
): KinkCrossing | undefined {
  let best: KinkCrossing | undefined;
  for (let l = from; l < model.weights.length; l++) {
    const kinks = model.activations[l].kinks ?? [];
    const m = model.sizes[l + 1];
    for (let q = 0; q < base[l].length && kinks.length > 0; q++) {
      for (const kink of kinks) {
        // Different signs of z - kink: opposite sides, or one on the kink and the other off it.
        if (side(up[l][q], kink) === side(down[l][q], kink)) continue;
        const z = toNumber(base[l][q]);
        if (best === undefined || Math.abs(z - kink) < Math.abs(best.z - best.kink)) {
          best = { layer: l, neuron: q % m, example: Math.floor(q / m), z, kink };
        }
      }
    }
  }
  return best;
}

const sideOf = (z: number, kink: number): number => Math.sign(z - kink);
const same = (z: number): number => z;

/**
 * Central differences in float64 on a copy of the weights (and of the
 * input, for layer -1), reusing one workspace. Dividing by the step
 * actually taken, `(w + ε) - (w - ε)`, not 2ε, removes the rounding of
 * `w ± ε`. With a kink, also the one-sided slopes.
 */
export function floatDifferencer(
  model: Model, x: Float64Array, rows: number, targetRows: readonly ArrayLike<number>[], loss: Loss, epsilon: number,
): Differencer {
  const ws = createWorkspace(model, rows);
  const middle = lossModel(model, x, targetRows, loss, ws);
  const base = ws.z.map((z) => z.slice());
  const probe: Model = { ...model, weights: model.weights.map((w) => w.slice()) };
  const input = x.slice();
  const kinked = model.activations.map((_, l) => model.activations.slice(l).some((a) => (a.kinks?.length ?? 0) > 0));
  return (layer, index) => {
    const w = layer < 0 ? input : probe.weights[layer];
    const from = Math.max(0, layer);
    const original = w[index];
    const up = original + epsilon;
    const down = original - epsilon;
    w[index] = up;
    const lossUp = probeLoss(() => lossModel(probe, input, targetRows, loss, ws), epsilon);
    const zUp = kinked[from] ? ws.z.map((z) => z.slice()) : [];
    w[index] = down;
    const lossDown = probeLoss(() => lossModel(probe, input, targetRows, loss, ws), epsilon);
    w[index] = original;
    const kink = kinked[from] ? findCrossing(model, from, zUp, ws.z, base, sideOf, same) : undefined;
    const numeric = (lossUp - lossDown) / (up - down);
    const result = { numeric, moved: up !== down, lossUp, lossDown };
    if (kink === undefined) return result;
    return { ...result, kink, oneSided: { left: (middle - lossDown) / (original - down), right: (lossUp - middle) / (up - original) } };
  };
}
