/**
 * The error `assertGradients` throws when a gradient check fails: it
 * carries the whole report.
 *
 * @module
 */
import { BackpropError } from '../errors.js';
import type { GradientCheckReport } from './check-report.js';

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
 *   (error as GradientCheckError).message.split('\n')[0];
 *   // => 'gradientCheck: 2 of 2 weights disagree, all in layer 0, the output layer (every weight, rows 0-1 and column 0)'
 * }
 * ```
 */
export class GradientCheckError extends BackpropError {
  /** The full report of the check that failed. */
  readonly report: GradientCheckReport;

  /**
   * @param message - the report as text.
   * @param report - the report.
   */
  constructor(message: string, report: GradientCheckReport) {
    super(message);
    this.report = report;
  }
}
