/**
 * mathjs-backprop: fully-connected neural networks trained by
 * backpropagation over mathjs matrices, with the notebook's conventions
 * (bias input -1 in row 0 of every weight matrix, squared error without ½).
 *
 * @packageDocumentation
 */

// Building blocks
export { Activation, type ActivationDefinition } from './activation.js';
export { Loss } from './loss.js';
export { Layer, type LayerForward, type LayerGradient } from './layer.js';

// Networks
export {
  Network,
  type NetworkForward,
  type NetworkGradient,
  type GradientOptions,
  type StepOptions,
} from './network.js';
export type { InitOptions, InitScheme } from './init.js';
export type { TrainOptions, TrainResult, EpochInfo, ValidationData } from './train.js';
export type { NetworkJSON, LayerJSON } from './json.js';

// Optimisers
export { Optimizer } from './optimizer.js';
export { Schedule } from './schedule.js';
export type {
  SgdOptimizer,
  AdamOptimizer,
  AdamWOptimizer,
  RmspropOptimizer,
  AdamSettings,
  OptimizerName,
  OptimizerState,
  OptimizerLayerState,
} from './optim/types.js';
export type { SgdOptions, AdamOptions, AdamWOptions, RmspropOptions } from './optim/options.js';
export type { OptimizerStep } from './optim/step.js';
export type { StepScheduleOptions, ExponentialScheduleOptions, CosineScheduleOptions } from './optim/schedule.js';

// Classification
export { accuracy } from './classify.js';

// Verification
export {
  gradientCheck,
  type GradientCheckOptions,
  type GradientCheckEntry,
  type GradientCheckReport,
  type GradientCheckLayer,
  type GradientCheckWarning,
  type GradientCheckKinkWarning,
  type GradientCheckFallbackWarning,
} from './gradient-check.js';
export { formatGradientReport, assertGradients, type GradientReportFormat } from './gradient-report.js';
export type { BigActivation } from './activation.js';
export type { BigLoss } from './loss.js';
export type { ActivationCheckOptions, ActivationCheckReport, ActivationCheckFailure } from './activation-check.js';

// Teaching
export type { Explanation, ExplainOptions, LayerExplanation } from './explain.js';
export { explanationToMarkdown, type MarkdownOptions } from './markdown.js';
export { networkToSVG, type NetworkSVGOptions } from './network-svg.js';
export { lossCurveToSVG, type LossHistory, type LossCurveSVGOptions } from './loss-curve-svg.js';

// Errors
export { BackpropError, ShapeError, ValueError, UnknownNameError, FormatError, GradientCheckError } from './errors.js';

// Shapes
export type { MatrixLike } from './internal/convert.js';
