/**
 * mathjs-backprop: fully-connected neural networks trained by
 * backpropagation over mathjs matrices, with the notebook's conventions
 * (bias input -1 in row 0 of every weight matrix, squared error without ½).
 *
 * @packageDocumentation
 */

// Building blocks
export { Activation, type ActivationDefinition } from './math/activation.js';
export { Loss } from './math/loss.js';
export { Layer, type LayerForward, type LayerGradient } from './model/layer.js';

// Networks
export {
  Network,
  type NetworkForward,
  type NetworkGradient,
  type GradientOptions,
  type StepOptions,
} from './namespaces/network.js';
export type { InitOptions, InitScheme } from './model/init.js';
export type { TrainOptions, TrainResult, EpochInfo, ValidationData } from './train/train.js';
export type { NetworkJSON, LayerJSON } from './model/json.js';

// Classification
export { accuracy } from './model/classify.js';

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
} from './verify/gradient-check.js';
export { formatGradientReport, assertGradients, type GradientReportFormat } from './verify/gradient-report.js';
export type { BigActivation } from './math/activation.js';
export type { BigLoss } from './math/loss.js';
export type { ActivationCheckOptions, ActivationCheckReport, ActivationCheckFailure } from './math/activation-check.js';

// Teaching
export type { Explanation, ExplainOptions, LayerExplanation } from './teach/explain.js';
export { explanationToMarkdown, type MarkdownOptions } from './teach/markdown.js';
export { networkToSVG, type NetworkSVGOptions } from './draw/network-svg.js';
export { lossCurveToSVG, type LossHistory, type LossCurveSVGOptions } from './draw/loss-curve-svg.js';

// Errors
export { BackpropError, ShapeError, ValueError, UnknownNameError, FormatError, GradientCheckError } from './errors.js';

// Shapes
export type { MatrixLike } from './boundary/convert.js';
