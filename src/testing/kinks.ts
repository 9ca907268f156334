/**
 * Moving pre-activations away from the kinks of their activations (relu's
 * corner at 0), where a finite difference averages two slopes and a
 * gradient check means nothing.
 *
 * @module
 */
import { Layer, Network } from '../index.js';
import { printedAsCreated } from './print.js';

/**
 * The shift `s` of a bias weight that keeps every pre-activation of its
 * neuron at least `margin` from every kink: adding `s` to the bias weight
 * subtracts `s` from `z` (the bias input is -1). Tries 0, then `±3 · margin`,
 * `±6 · margin`, ...; asks for `1.5 · margin` so that the rounding of the
 * shifted sum cannot bring `z` back within `margin`. Each pair of `z` and
 * kink rules out an interval of width `3 · margin`, which holds at most one
 * of the tries, so one of the first `zs · kinks + 1` works.
 */
function biasShift(zs: readonly number[], kinks: readonly number[], margin: number): number {
  const tries = 2 * zs.length * kinks.length + 1;
  for (let k = 0; k < tries; k++) {
    const shift = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * 3 * margin;
    if (zs.every((z) => kinks.every((kink) => Math.abs(z - shift - kink) >= 1.5 * margin))) return shift;
  }
  throw new Error('biasShift: no shift found; this cannot happen');
}

/** The layer with its bias weights moved so that no `z` of `rows` is near a kink, or the layer itself. */
function clearLayer(layer: Layer, rows: number[][], margin: number): Layer {
  const kinks = layer.activation.kinks ?? [];
  if (kinks.length === 0) return layer;
  const z = Layer.forward(layer, rows).z.toArray() as number[][];
  const shifts = Array.from({ length: layer.outputSize }, (_, j) => biasShift(z.map((row) => row[j]), kinks, margin));
  if (shifts.every((s) => s === 0)) return layer;
  const weights = layer.weights.toArray() as number[][];
  weights[0] = weights[0].map((w, j) => w + shifts[j]);
  return Layer.create(weights, layer.activation);
}

/**
 * `net` with the bias weights of the neurons whose activation declares
 * `kinks` moved just enough that, on every example of `input`, each such
 * neuron's pre-activation is at least `margin` from each kink; layer by
 * layer from the input side, each on the outputs of the layers already
 * moved. The network itself when nothing needs to move (or `margin` is 0).
 */
export function clearOfKinks(net: Network, input: number[] | number[][], margin: number): Network {
  if (margin === 0) return net;
  let rows = (Array.isArray(input[0]) ? input : [input]) as number[][];
  let moved = false;
  const layers = net.layers.map((layer) => {
    const cleared = clearLayer(layer, rows, margin);
    moved ||= cleared !== layer;
    rows = Layer.forward(cleared, rows).a.toArray() as number[][];
    return cleared;
  });
  return moved ? printedAsCreated(Network.create(layers)) : net;
}
