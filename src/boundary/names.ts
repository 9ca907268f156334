/**
 * The names a person reads for layers and neurons, the same in every text
 * the library writes (error messages, gradient reports, walkthroughs) and
 * in its pictures: layers count from 1 ("layer 1" is the first layer of
 * weights), hidden neurons are `h₁, h₂, …`, output neurons `y₁, y₂, …`
 * (`y` alone when there is one) and inputs `x₁, x₂, …`. The data keeps its
 * 0-based indices (`layer`, `row`, `column`); only text uses these names.
 *
 * @module
 */

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** `n` in subscript digits: 12 → "₁₂". */
export function subscript(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => SUBSCRIPTS[Number(d)]);
}

/** Layer `l` (0-based) of `layers` as text: "layer 1", "layer 2 (the output layer)". */
export function layerName(l: number, layers: number): string {
  return l === layers - 1 && layers > 1 ? `layer ${l + 1} (the output layer)` : `layer ${l + 1}`;
}

/**
 * Neuron `j` (0-based) of layer `l` of a network of `layers` layers, as the
 * picture names it: `h₁` in a hidden layer, `y` or `y₂` in the output layer
 * of `outputs` neurons.
 */
export function neuronName(l: number, j: number, layers: number, outputs: number): string {
  if (l < layers - 1) return `h${subscript(j + 1)}`;
  return outputs === 1 ? 'y' : `y${subscript(j + 1)}`;
}

/** Input `i` (0-based) of the network: `x₁`, `x₂`, …; the bias input is "−1". */
export function inputName(i: number): string {
  return `x${subscript(i + 1)}`;
}
