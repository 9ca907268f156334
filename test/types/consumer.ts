/**
 * A strict TypeScript consumer (issue 9, item 15), compiled by `npm test`
 * with `tsc -p test/types/tsconfig.json`: `strict` and
 * `exactOptionalPropertyTypes` on. Every array the library returns is
 * assigned to a mutable type, options are written with explicit
 * `undefined` as `examples/iris.ts` writes them, and Float64Arrays are
 * passed as inputs. It only has to compile.
 */
import type { Matrix } from 'mathjs';
import {
  Activation, Data, FormatError, Loss, Network, Optimizer, type EpochInfo, type TrainOptions,
  gradientCheck, directionalCheck, taylorTest, formatGradientReport, explanationToMarkdown,
  networkToSVG, lossCurveToSVG, decisionBoundaryToSVG, confusionMatrix,
  type GradientCheckEntry, type GradientCheckInputEntry, type GradientCheckLayer, type GradientCheckWarning,
  type GradientCheckFallbackWarning, type DirectionalCheckLayer, type DirectionalCheckDirection, type TaylorTestLayer,
  type LossDefinition, type Loss as LossType, type LayerExplanation,
} from '../../src/index.js';
import {
  assertCaseGradients, batchArbitrary, gradientCase, inputArbitrary, networkArbitrary, seededNetworkArbitrary,
  targetArbitrary, type GradientCase,
} from '../../src/testing/index.js';
import { fromTFJS, toTFJS } from '../../src/interop/tfjs.js';
import { toONNX } from '../../src/interop/onnx.js';

const net = Network.init([2, 3, 1], { seed: 1, activation: Activation.tanh, outputActivation: undefined });
const x = [[0, 1], [1, 0]];
const t = [[1], [1]];

const g = Network.gradient(net, x, t);
const weights: Matrix[] = g.weights;
const deltas: Matrix[] = g.deltas;
weights.push(deltas[0]);

const onEpoch: ((info: EpochInfo) => boolean | void) | undefined = undefined;
const validate = Math.random() > 2;
const options: TrainOptions = {
  learningRate: 0.1,
  epochs: 2,
  seed: 3,
  onEpoch,
  validation: validate ? { inputs: x, targets: t } : undefined,
  optimizer: undefined,
  schedule: undefined,
  earlyStopping: validate ? { patience: 2, minDelta: undefined, restoreBest: undefined } : undefined,
  resume: undefined,
};
const result = Network.train(net, x, t, options);
const resumed = Network.train(result.network, x, t, {
  epochs: 1, learningRate: undefined, optimizer: Optimizer.adam({ learningRate: 0.01 }), resume: validate ? result.checkpoint : undefined,
});
const losses: number[] = result.losses;
losses.push(0);
const validationLosses: number[] | undefined = result.validationLosses;

const split = Data.split(4, { testFraction: 0.5, seed: 1 });
const trainRows: number[] = split.train;

const one: Matrix = Network.predict(net, Float64Array.of(0.5, -1));
const batch: Matrix = Network.predict(net, [Float64Array.of(0.5, -1), Float64Array.of(1, 2)]);

try {
  Network.fromJSON('{}');
} catch (error) {
  if (error instanceof FormatError) {
    const path: string = error.path;
    void path;
  }
}

// Issue 9, item 15: an explicit undefined for the options of every public function.
const maybe = <T>(value: T): T | undefined => (Math.random() > 2 ? value : undefined);
const check = gradientCheck(net, x, t, {
  epsilon: maybe(1e-6), tolerance: undefined, absoluteTolerance: undefined, loss: maybe(Loss.squaredError),
  reference: maybe('bignumber'), digits: undefined, sample: undefined, seed: undefined, inputs: maybe(true),
});
const text: string = formatGradientReport(check, { rows: maybe(5), warnings: undefined });
const directional = directionalCheck(net, x, t, {
  directions: maybe(2), tolerance: undefined, absoluteTolerance: undefined, loss: undefined, seed: maybe(1), reference: undefined, digits: undefined,
});
const taylor = taylorTest(net, x, t, { steps: maybe(4), loss: undefined, seed: undefined, reference: maybe('float64'), digits: undefined });
const activationReport = Activation.check(Activation.tanh, {
  from: maybe(-1), to: undefined, points: undefined, extra: maybe([0]), epsilon: undefined, tolerance: undefined, absoluteTolerance: undefined,
});
const definition: LossDefinition = { name: 'consumerLoss', value: Loss.squaredError.value, gradient: Loss.squaredError.gradient, big: undefined };
const custom: LossType = { ...Loss.define(definition), big: maybe(Loss.squaredError.big) };
const lossReport = Loss.check(custom, {
  size: maybe(2), samples: undefined, seed: undefined, outputRange: maybe([0, 1] as const), targetRange: undefined,
  epsilon: undefined, tolerance: undefined, absoluteTolerance: undefined,
});
const explanation = Network.explain(net, [0, 1], [1], { learningRate: maybe(0.5), loss: undefined, optimizer: undefined, state: undefined });
// The explanation is the caller's own fresh data: its arrays are mutable.
const explainedLayers: LayerExplanation[] = explanation.layers;
const explainedZ: number[] = explanation.layers[0].z;
const explainedGradient: number[][] = explanation.layers[0].gradient;
const markdown: string = explanationToMarkdown(explanation, { digits: maybe(4), notation: undefined });
const svg: string = networkToSVG(net, {
  decimals: undefined, explanation: maybe(explanation), notation: undefined, title: maybe('net'), weights: undefined, summary: undefined,
});
const curve: string = lossCurveToSVG({ losses: [1, 0.5], validationLosses: maybe([1]) }, { width: undefined, height: maybe(200), logScale: undefined, title: undefined });
const boundary: string = decisionBoundaryToSVG(net, {
  points: x, labels: [0, 1], show: maybe('class'), cells: undefined, size: undefined, xRange: maybe([0, 1] as const), yRange: undefined, title: undefined,
});
const range = { min: maybe(0), max: undefined };
const shape = { layers: maybe(range), width: undefined, inputSize: undefined, outputSize: undefined, activations: maybe([Activation.tanh]), outputActivations: undefined };
const arbitraries = [
  networkArbitrary({ ...shape, weights: maybe(range) }),
  seededNetworkArbitrary(shape),
  inputArbitrary(2, range),
  targetArbitrary(2, { ...range, kind: maybe('one-hot') }),
  batchArbitrary(net, { shape: maybe('batch'), rows: undefined, input: maybe(range), target: undefined }),
  gradientCase({ ...shape, network: undefined, kinkMargin: maybe(0.1), weights: undefined, shape: undefined }),
];
const checkCase = (c: GradientCase) => assertCaseGradients(c, { minMargin: maybe(10), epsilon: undefined });
const onnx: Uint8Array = toONNX(net, { dtype: maybe('float64') });
const tfjs = fromTFJS({ ...toTFJS(net), generatedBy: undefined, convertedBy: undefined, weightSpecs: maybe([]) });

// Issue 9, item 15: every array of a returned report is the caller's, mutable.
const entries: GradientCheckEntry[] = check.entries;
const worst: GradientCheckEntry[] = check.worst;
const checkLayers: GradientCheckLayer[] = check.layers;
const checkWarnings: GradientCheckWarning[] = check.warnings;
const inputEntries: GradientCheckInputEntry[] | undefined = check.inputs;
const checked: number[] = check.cost.checked;
const total: number[] = check.cost.total;
const directionalLayers: DirectionalCheckLayer[] = directional.layers;
const directions: DirectionalCheckDirection[] = directional.layers[0].directions;
const directionalWarnings: GradientCheckFallbackWarning[] = directional.warnings;
const taylorLayers: TaylorTestLayer[] = taylor.layers;
const seriesArrays: number[][] = [taylor.h, taylor.residuals, taylor.orders, taylor.belowRoundOff, taylor.kinks];
const layerArrays: number[][] = [taylorLayers[0].h, taylorLayers[0].residuals, taylorLayers[0].orders, taylorLayers[0].belowRoundOff, taylorLayers[0].kinks];
const taylorWarnings: GradientCheckFallbackWarning[] = taylor.warnings;
const lossPoint: number[][] = [lossReport.worst.output, lossReport.worst.target];
const confusion: number[][] = confusionMatrix([[0], [1]], [[0], [1]], 2);
entries.push(worst[0]);
checked.push(total[0]);

void [resumed, one, batch, trainRows, validationLosses, text, activationReport, markdown, svg, curve, boundary, arbitraries, checkCase, onnx, tfjs];
void [inputEntries, checkLayers, checkWarnings, directions, directionalLayers, directionalWarnings, seriesArrays, layerArrays, taylorWarnings, lossPoint, confusion, explainedLayers, explainedZ, explainedGradient];
