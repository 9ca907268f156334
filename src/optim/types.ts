/**
 * The data of the optimisers: each optimiser is a frozen record of its name
 * and hyperparameters, every one filled in; its state is plain JSON data.
 * The union of the four is the public type `Optimizer` (src/optimizer.ts),
 * spelled out where a signature needs it so that the docs link each member.
 */

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and
 * weight decay (PyTorch's `SGD`), as made by `Optimizer.sgd`.
 */
export interface SgdOptimizer {
  /** Which optimiser this is. */
  readonly name: 'sgd';
  /** The step size η. */
  readonly learningRate: number;
  /** The momentum μ: 0 for none. */
  readonly momentum: number;
  /** The dampening of the momentum buffer's new gradient, in `[0, 1]`. */
  readonly dampening: number;
  /** Whether the step takes `g + μ·b` (Nesterov) instead of `b`. */
  readonly nesterov: boolean;
  /** The weight decay λ, added to the gradient as `λ·w`. */
  readonly weightDecay: number;
  /** Whether the bias row (row 0) is decayed too. */
  readonly decayBias: boolean;
}

/** The fields of `Optimizer.adam` and `Optimizer.adamW`, but the name. */
export interface AdamSettings {
  /** The step size η. */
  readonly learningRate: number;
  /** The decay β1 of the running mean of the gradients, in `[0, 1)`. */
  readonly beta1: number;
  /** The decay β2 of the running mean of the squared gradients, in `[0, 1)`. */
  readonly beta2: number;
  /** The ε added to the root of the mean square: positive. */
  readonly epsilon: number;
  /** The weight decay λ. */
  readonly weightDecay: number;
  /** Whether the bias row (row 0) is decayed too. */
  readonly decayBias: boolean;
}

/** Adam, with weight decay added to the gradient (PyTorch's `Adam`), as made by `Optimizer.adam`. */
export interface AdamOptimizer extends AdamSettings {
  /** Which optimiser this is. */
  readonly name: 'adam';
}

/** Adam with decoupled weight decay (PyTorch's `AdamW`), as made by `Optimizer.adamW`. */
export interface AdamWOptimizer extends AdamSettings {
  /** Which optimiser this is. */
  readonly name: 'adamW';
}

/** RMSprop with optional momentum and weight decay (PyTorch's `RMSprop`), as made by `Optimizer.rmsprop`. */
export interface RmspropOptimizer {
  /** Which optimiser this is. */
  readonly name: 'rmsprop';
  /** The step size η. */
  readonly learningRate: number;
  /** The decay α of the running mean of the squared gradients, in `[0, 1)`. */
  readonly alpha: number;
  /** The ε added to the root of the mean square: positive. */
  readonly epsilon: number;
  /** The momentum μ: 0 for none. */
  readonly momentum: number;
  /** The weight decay λ, added to the gradient as `λ·w`. */
  readonly weightDecay: number;
  /** Whether the bias row (row 0) is decayed too. */
  readonly decayBias: boolean;
}

/** Any of the four optimisers (inside src/optim; the public name is `Optimizer`). */
export type AnyOptimizer = SgdOptimizer | AdamOptimizer | AdamWOptimizer | RmspropOptimizer;

/** The name of an optimiser: `'sgd'`, `'adam'`, `'adamW'` or `'rmsprop'`. */
export type OptimizerName = 'sgd' | 'adam' | 'adamW' | 'rmsprop';

/**
 * The running buffers of one layer, each a flat row-major array of
 * `rows × columns` numbers (the shape of the layer's weights). Which
 * buffers there are depends on the optimiser: `momentum` (sgd with
 * momentum, rmsprop with momentum), `firstMoment` and `secondMoment`
 * (adam, adamW), `squareAverage` (rmsprop).
 */
export interface OptimizerLayerState {
  /** The number of rows of the layer's weights: its inputs + 1. */
  readonly rows: number;
  /** The number of columns of the layer's weights: its neurons. */
  readonly columns: number;
  /** The buffers by name. */
  readonly buffers: { readonly [buffer: string]: readonly number[] };
}

/**
 * What an optimiser carries from one step to the next: plain JSON data, so
 * that `JSON.parse(JSON.stringify(state))` continues bit for bit (a buffer
 * never holds -0, which JSON would write as 0). Made by `Optimizer.init`,
 * returned frozen by `Optimizer.step`.
 */
export interface OptimizerState {
  /** The name of the optimiser the state belongs to. */
  readonly optimizer: OptimizerName;
  /** How many steps have been taken: 0 after `Optimizer.init`. */
  readonly step: number;
  /** One entry per layer of the network, from the input side. */
  readonly layers: readonly OptimizerLayerState[];
}
