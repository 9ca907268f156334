/**
 * The options objects of `Optimizer.sgd`, `adam`, `adamW` and `rmsprop`:
 * what a caller may leave out, and its default. The fields they share are
 * declared once: weight decay in {@link DecayOptions}, the moments of Adam
 * and AdamW in {@link AdamOptions}.
 */

/** The weight decay every optimiser takes, and whether the bias row takes it too. */
export interface DecayOptions {
  /**
   * The weight decay λ, a finite number >= 0: `λ·w` is added to the gradient
   * (AdamW: see {@link AdamWOptions.weightDecay}).
   * @defaultValue 0
   */
  readonly weightDecay?: number | undefined;
  /**
   * Whether the bias row is decayed too. The bias sets where a neuron
   * switches, not how large its weights are, so it is left alone by default.
   * @defaultValue false
   */
  readonly decayBias?: boolean | undefined;
}

/** The ε of the optimisers that divide by a root mean square (Adam, AdamW, RMSprop). */
export interface EpsilonOptions {
  /**
   * Added to the root of the mean square, so a weight with no gradient yet
   * does not divide by 0: positive and finite.
   * @defaultValue 1e-8
   */
  readonly epsilon?: number | undefined;
}

/** Options of `Optimizer.sgd`. */
export interface SgdOptions extends DecayOptions {
  /** The step size η: positive and finite. */
  readonly learningRate: number;
  /**
   * The momentum μ, a finite number >= 0; 0 is plain gradient descent.
   * @defaultValue 0
   */
  readonly momentum?: number | undefined;
  /**
   * How much of each new gradient the momentum buffer leaves out, in `[0, 1]`.
   * @defaultValue 0
   */
  readonly dampening?: number | undefined;
  /**
   * Whether to step along `g + μ·b` (Nesterov momentum) rather than `b`;
   * needs `momentum > 0` and `dampening = 0`.
   * @defaultValue false
   */
  readonly nesterov?: boolean | undefined;
}

/** Options of `Optimizer.adam` (and, but for the weight decay, of `Optimizer.adamW`). */
export interface AdamOptions extends DecayOptions, EpsilonOptions {
  /**
   * The step size η: positive and finite.
   * @defaultValue 0.001
   */
  readonly learningRate?: number | undefined;
  /**
   * The decay of the running mean of the gradients, in `[0, 1)`.
   * @defaultValue 0.9
   */
  readonly beta1?: number | undefined;
  /**
   * The decay of the running mean of the squared gradients, in `[0, 1)`.
   * @defaultValue 0.999
   */
  readonly beta2?: number | undefined;
}

/** Options of `Optimizer.adamW`: Adam's, with a decoupled weight decay. */
export interface AdamWOptions extends AdamOptions {
  /**
   * The weight decay λ, a finite number >= 0: each step first shrinks the
   * weights by `η·λ·w`, apart from the gradient.
   * @defaultValue 0.01
   */
  readonly weightDecay?: number | undefined;
}

/** Options of `Optimizer.rmsprop`. */
export interface RmspropOptions extends DecayOptions, EpsilonOptions {
  /**
   * The step size η: positive and finite.
   * @defaultValue 0.01
   */
  readonly learningRate?: number | undefined;
  /**
   * The decay of the running mean of the squared gradients, in `[0, 1)`.
   * @defaultValue 0.99
   */
  readonly alpha?: number | undefined;
  /**
   * The momentum μ, a finite number >= 0; 0 for none.
   * @defaultValue 0
   */
  readonly momentum?: number | undefined;
}
