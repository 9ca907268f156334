/**
 * The notebook's 2-3-1 network (sigmoid hidden layer, identity output, bias
 * input -1) trained on its one example x = (1, 2), t = 5 with learning rate
 * 0.1 until the loss (y - t)^2 is below 1e-8. The first epoch's loss is the
 * notebook's 31.30; each epoch is one `Network.sgdStep`.
 *
 * Run with `npx tsx examples/fit-notebook.ts`.
 */
import { Activation, Layer, Network } from '../src/index.js';
import { isMain } from './data.js';

/** What {@link fitNotebook} returns. */
export interface FitNotebookResult {
  /** The trained network. */
  readonly network: Network;
  /** The loss of each epoch, taken before its step. */
  readonly losses: readonly number[];
  /** The loss of the trained network on the example. */
  readonly finalLoss: number;
  /** The trained network's output for x = (1, 2). */
  readonly output: number;
}

const x = [1, 2];
const t = [5];

/** Trains the notebook's network on its example until the loss is below `target`. */
export function fitNotebook(target = 1e-8): FitNotebookResult {
  const net = Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
  const { network, losses } = Network.train(net, [x], [t], {
    learningRate: 0.1,
    epochs: 1000,
    onEpoch: ({ loss }) => loss >= target,
  });
  const finalLoss = Network.gradient(network, x, t).loss;
  const output = (Network.predict(network, x).toArray() as number[])[0];
  return { network, losses, finalLoss, output };
}

if (isMain(import.meta.url)) {
  const { losses, finalLoss, output } = fitNotebook();
  losses.forEach((loss, epoch) => console.log(`epoch ${epoch + 1}: loss ${loss.toExponential(3)}`));
  console.log(`after ${losses.length} steps: y = ${output}, loss ${finalLoss.toExponential(3)}`);
}
