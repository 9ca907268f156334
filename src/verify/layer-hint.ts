/**
 * Where to look first when some layers disagree: backpropagation carries an
 * error in a layer's derivative down to every layer below it and leaves
 * the layers above alone, so the highest layer that disagrees is where the
 * error is.
 */
import type { Model } from '../engine/flat-model.js';

/** The highest of the failing layers, or null when none fails. */
export function suspectOf(failing: readonly boolean[]): number | null {
  for (let l = failing.length - 1; l >= 0; l--) if (failing[l]) return l;
  return null;
}

/** `2, 1 and 0`. */
export function listed(values: readonly number[]): string {
  return values.length === 1 ? `${values[0]}` : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/**
 * One sentence naming the layers that disagree, the highest first, and
 * where to look: the loss's gradient and the output activation's
 * derivative for the output layer, else the layer's activation.
 */
export function layerSentence(where: string, model: Model, failing: readonly boolean[], lossName: string): string {
  const top = suspectOf(failing);
  if (top === null) return '';
  const layers = failing.map((f, l) => (f ? l : -1)).filter((l) => l >= 0).reverse();
  const output = model.weights.length - 1;
  const named = layers.length === 1 ? `layer ${top + 1}${top === output ? ', the output layer,' : ''} disagrees` : `layers ${listed(layers.map((l) => l + 1))} disagree`;
  const activation = `"${model.activations[top].name}"`;
  const look = top === output
    ? `look first at the gradient of the loss "${lossName}" and the derivative of the output activation ${activation}`
    : `look first at the derivative of layer ${top + 1}'s activation ${activation}: the layers above it agree`;
  return `${where}: ${named}; ${look}`;
}
