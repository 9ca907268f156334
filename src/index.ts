/**
 * mathjs-backprop: fully-connected neural networks trained by
 * backpropagation over mathjs matrices, with the notebook's conventions
 * (bias input -1 in row 0 of every weight matrix, squared error without ½).
 *
 * This file is the table of contents: it only re-exports, grouped by
 * capability. The code lives in folders stacked one way (errors < boundary
 * < math < engine < model < train, verify, teach, draw < namespaces).
 *
 * @module mathjs-backprop
 */

// Building blocks
export { Activation } from './namespaces/activation.js';
export type { ActivationDefinition, BigActivation } from './math/activation-type.js';
export type { ActivationCheckOptions, ActivationCheckReport, ActivationCheckFailure } from './math/activation-check.js';
export { Loss } from './namespaces/loss.js';
export type { BigLoss } from './math/loss-type.js';
export type { LossDefinition } from './math/loss-registry.js';
export type { LossCheckOptions, LossCheckReport, LossCheckPoint } from './verify/loss-check-report.js';
export { Layer } from './namespaces/layer.js';
export type { LayerForward, LayerGradient } from './model/layer-pass.js';

// Networks
export { Network } from './namespaces/network.js';
export type { NetworkForward } from './model/forward.js';
export type { NetworkGradient, GradientOptions } from './model/gradient.js';
export type { StepOptions } from './model/sgd-step.js';
export type { InitOptions, InitScheme } from './model/init.js';
export type { NetworkJSON, LayerJSON } from './model/json.js';

// Training
export type {
  TrainOptions, TrainResult, EpochInfo, ValidationData, EarlyStoppingOptions, TrainCheckpoint, EarlyStoppingCheckpoint,
} from './train/options.js';

// Optimisers
export { Optimizer } from './namespaces/optimizer.js';
export { Schedule } from './namespaces/schedule.js';
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
export type { SgdOptions, AdamOptions, AdamWOptions, RmspropOptions, DecayOptions, EpsilonOptions } from './optim/options.js';
export type { OptimizerStep } from './optim/step.js';
export type { StepScheduleOptions, ExponentialScheduleOptions, CosineScheduleOptions } from './optim/schedule.js';

// Classification
export { accuracy } from './model/classify.js';
export { softmax } from './model/softmax.js';
export { confusionMatrix } from './model/confusion.js';

// Data preparation
export { Data } from './namespaces/data.js';
export type { Standardizer } from './train/standardize.js';
export type { SplitOptions, Split } from './train/split.js';

// Verification
export { gradientCheck, BIG_LIMIT } from './verify/gradient-check.js';
export type { GradientCheckOptions } from './verify/check-options.js';
export type {
  GradientCheckComparison,
  GradientCheckEntry,
  GradientCheckInputEntry,
  GradientCheckOneSided,
  GradientCheckCost,
  GradientCheckReport,
  GradientCheckLayer,
  GradientCheckWarning,
  GradientCheckKinkWarning,
  GradientCheckFallbackWarning,
} from './verify/check-report.js';
export { GradientCheckError, type GradientCheckErrorJSON } from './verify/gradient-check-error.js';
export { formatGradientReport, assertGradients, type GradientReportFormat } from './verify/gradient-report.js';
export { directionalCheck } from './verify/directional-check.js';
export type {
  DirectionalCheckOptions,
  DirectionalCheckReport,
  DirectionalCheckLayer,
  DirectionalCheckDirection,
} from './verify/directional-report.js';
export { taylorTest } from './verify/taylor-test.js';
export type { TaylorTestOptions, TaylorTestReport, TaylorTestLayer, TaylorSeries } from './verify/taylor-report.js';
export type { AlongOptions } from './verify/along-setting.js';

// Teaching
export type { Explanation, ExplainOptions, LayerExplanation } from './teach/explain.js';
export type { OptimizerExplanation, OptimizerLayerExplanation } from './teach/optimizer-step.js';
export { explanationToMarkdown, type MarkdownOptions } from './teach/markdown.js';
export type { BuiltInLossFormula } from './teach/loss-identity.js';

// Pictures
export { networkToSVG } from './draw/network-svg.js';
export type { NetworkSVGOptions } from './draw/network-drawing.js';
export { lossCurveToSVG, type LossHistory, type LossCurveSVGOptions } from './draw/loss-curve-svg.js';
export { decisionBoundaryToSVG, type DecisionBoundarySVGOptions } from './draw/decision-boundary.js';

// Errors
export { BackpropError, ShapeError, ValueError, UnknownNameError, FormatError } from './errors.js';

// Shapes
export type { MatrixLike } from './boundary/convert.js';
