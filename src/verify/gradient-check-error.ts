/**
 * The error `assertGradients` throws when a gradient check fails: it
 * carries the whole report.
 *
 * @module
 */
import { BackpropError } from '../errors.js';
import type { GradientCheckReport } from './check-report.js';

/** What a {@link GradientCheckError} serialises to. */
export interface GradientCheckErrorJSON {
  /** `'GradientCheckError'`. */
  readonly name: string;
  /** The report as text: the headline, the hint, the settings and the table. */
  readonly message: string;
  /** The worst failing entry's margin. */
  readonly margin: number;
}

/**
 * Thrown by `assertGradients` when backpropagation and the finite
 * differences disagree. The message is the whole report as text
 * (`formatGradientReport`): its first line names the layers and weights
 * that disagree, then the worst entries and the warnings. The report
 * itself is on `report`.
 *
 * @example
 * ```ts
 * import { assertGradients, Activation, GradientCheckError, Layer, Network } from 'mathjs-backprop';
 * const wrong = Activation.define({
 *   name: 'tanh-with-doubled-derivative',
 *   apply: Math.tanh,
 *   derivative: (_z, a) => 2 * (1 - a * a),
 * });
 * const net = Network.create([Layer.create([[0.1], [0.5]], wrong)]);
 * try {
 *   assertGradients(net, [1], [1]);
 * } catch (error) {
 *   error instanceof GradientCheckError; // => true
 *   (error as GradientCheckError).report.ok; // => false
 *   Object.keys((error as GradientCheckError).toJSON()); // => ['name', 'message', 'margin']
 *   (error as GradientCheckError).message.split('\n')[0];
 *   // => 'gradientCheck: 2 of 2 weights disagree, all in layer 1, the output layer (every weight: bias and inputs of neuron y)'
 * }
 * ```
 */
export class GradientCheckError extends BackpropError {
  readonly #report: GradientCheckReport;
  readonly #margin: number;

  /**
   * @param message - the report as text.
   * @param report - the report.
   */
  constructor(message: string, report: GradientCheckReport) {
    super(message);
    const margins = [...report.entries, ...(report.inputs ?? [])].filter((e) => !e.ok).map((e) => e.margin);
    this.#report = report;
    this.#margin = margins.length === 0 ? 0 : Math.max(...margins);
  }

  /**
   * The full report of the check that failed. Kept off the error's own
   * properties, so a test runner that prints them (vitest's "Serialized
   * Error", for one thrown inside `fc.assert`) prints the table of the
   * message, not the whole report object.
   */
  get report(): GradientCheckReport {
    return this.#report;
  }

  /**
   * The worst failing entry's margin: its error over the error allowed.
   * Just above 1 is a near miss, a counterexample that a change in the
   * eighth digit could turn into a pass; far above 1, a real disagreement.
   */
  get margin(): number {
    return this.#margin;
  }

  /**
   * What a test runner serialises of this error: its name, message (the
   * table) and margin, without the report object.
   * @returns `{ name, message, margin }`.
   */
  toJSON(): GradientCheckErrorJSON {
    return { name: this.name, message: this.message, margin: this.#margin };
  }
}
