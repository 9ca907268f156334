/**
 * The symbols of a worked example in LaTeX, in one of two notations:
 *
 * - `'notebook'`, for networks of two layers, the teaching notebook's
 *   letters: inputs `x_i`, first-layer weights `V_{i,j}`, hidden `z_j`,
 *   `a_j` and `\delta_{h(j)}`, output weights `W_{j,k}`, the output neuron's
 *   sum `o` and output `y`, its delta `\delta_o` (with `_k` / `(k)` when
 *   there are several outputs);
 * - `'layers'`, for any depth: layer `l` (from 1) has weights
 *   `W^{(l)}_{i,j}`, sums `z^{(l)}_j`, activations `a^{(l)}_j` and deltas
 *   `\delta^{(l)}_j`; the input is `x_i`, the output `y_k`.
 *
 * Layers are passed 0-based (`l` as in `explanation.layers[l]`), neurons
 * and inputs 0-based too (`i = 0` is the bias); the symbols count from 1,
 * as the notebook does, with the bias input as index 0.
 */

/** Which letters a worked example uses. */
export type NotationName = 'notebook' | 'layers';

/** The notation options of the walkthrough and the picture: `'auto'` is the notebook's for 2 layers, else the layers'. */
export const NOTATIONS: readonly ('auto' | NotationName)[] = Object.freeze(['auto', 'notebook', 'layers']);

/** The LaTeX symbols of one network's worked example. */
export interface Notation {
  readonly name: NotationName;
  /** The weight from input `i` (0: the bias) to neuron `j` of layer `l`. */
  weight(l: number, i: number, j: number): string;
  /** The weight matrix of layer `l`, e.g. `V`. */
  matrix(l: number): string;
  /** Input `i` of layer `l` (`i >= 1`): `x_i`, or the layer below's activation. */
  input(l: number, i: number): string;
  /** The sum into neuron `j` of layer `l`. */
  z(l: number, j: number): string;
  /** The activation of neuron `j` of layer `l`. */
  a(l: number, j: number): string;
  /** The delta of neuron `j` of layer `l`. */
  delta(l: number, j: number): string;
  /** The target of output `k`. */
  target(k: number): string;
}

/** `base_{index}` when there are several, else `base`. */
function indexed(base: string, index: number, count: number): string {
  return count === 1 ? base : `${base}_{${index + 1}}`;
}

/** The notebook's letters for a network of two layers with `outputs` outputs. */
function notebookNotation(outputs: number): Notation {
  return {
    name: 'notebook',
    weight: (l, i, j) => `${l === 0 ? 'V' : 'W'}_{${i},${j + 1}}`,
    matrix: (l) => (l === 0 ? 'V' : 'W'),
    input: (l, i) => `${l === 0 ? 'x' : 'a'}_{${i}}`,
    z: (l, j) => (l === 0 ? `z_{${j + 1}}` : indexed('o', j, outputs)),
    a: (l, j) => (l === 0 ? `a_{${j + 1}}` : indexed('y', j, outputs)),
    delta: (l, j) => (l === 0 ? `\\delta_{h(${j + 1})}` : outputs === 1 ? '\\delta_o' : `\\delta_{o(${j + 1})}`),
    target: (k) => indexed('t', k, outputs),
  };
}

/** Layer-numbered letters for a network of `layers` layers with `outputs` outputs. */
function layersNotation(layers: number, outputs: number): Notation {
  const last = layers - 1;
  return {
    name: 'layers',
    weight: (l, i, j) => `W^{(${l + 1})}_{${i},${j + 1}}`,
    matrix: (l) => `W^{(${l + 1})}`,
    input: (l, i) => (l === 0 ? `x_{${i}}` : `a^{(${l})}_{${i}}`),
    z: (l, j) => `z^{(${l + 1})}_{${j + 1}}`,
    a: (l, j) => (l === last ? indexed('y', j, outputs) : `a^{(${l + 1})}_{${j + 1}}`),
    delta: (l, j) => `\\delta^{(${l + 1})}_{${j + 1}}`,
    target: (k) => indexed('t', k, outputs),
  };
}

/** The notation `name` for a network of `layers` layers with `outputs` outputs. */
export function notationOf(name: NotationName, layers: number, outputs: number): Notation {
  return name === 'notebook' ? notebookNotation(outputs) : layersNotation(layers, outputs);
}
