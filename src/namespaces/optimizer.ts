/**
 * The `Optimizer` namespace and type: gradient-descent rules with memory
 * (momentum, Adam, AdamW, RMSprop) as plain data, and the step that applies
 * them. The code is in src/optim/.
 *
 * @module
 */
import * as members from './optimizer-members.js';
import type { AdamOptimizer, AdamWOptimizer, RmspropOptimizer, SgdOptimizer } from '../optim/types.js';

/**
 * Any optimiser: a frozen record of its `name` and every hyperparameter,
 * as made by `Optimizer.sgd`, `adam`, `adamW` or `rmsprop`. Plain data, so
 * it can be saved as JSON and read back.
 */
export type Optimizer = SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer;

/**
 * Optimisers: the update rules of PyTorch's `SGD` (with momentum, Nesterov
 * momentum and weight decay), `Adam`, `AdamW` and `RMSprop`, in float64.
 * An optimiser is frozen data; what it remembers between steps (the step
 * count and running buffers per weight) is a separate, plain-JSON
 * `OptimizerState` that `Optimizer.init` makes and `Optimizer.step` takes
 * and returns anew, so training can stop, be saved, and continue bit for bit.
 * Weight decay leaves the bias row alone unless `decayBias` is set: the
 * bias sets where a neuron switches, not how large its weights are.
 *
 * @example
 * Ten Adam steps towards the target 1 of a one-weight identity layer:
 * ```ts
 * import { Layer, Activation, Network, Optimizer } from 'mathjs-backprop';
 * let net = Network.create([Layer.create([[0], [0]], Activation.identity)]);
 * const adam = Optimizer.adam({ learningRate: 0.1 });
 * let state = Optimizer.init(adam, net);
 * for (let i = 0; i < 10; i++) {
 *   const { weights } = Network.gradient(net, [1], [1]);
 *   ({ network: net, state } = Optimizer.step(adam, net, weights, state));
 * }
 * state.step; // => 10
 * Network.predict(net, [1]).toArray()[0] > 0.9; // => true
 * ```
 *
 * @namespace
 */
export const Optimizer: typeof members = Object.freeze({ ...members });
