/**
 * The four benchmark workloads of issue 4, and the notebook's single step.
 *
 * A workload is plain data: layer sizes, activations, the examples as flat
 * row-major Float64Arrays and the initial weights, one `(n + 1) x m` matrix
 * per layer with the bias weights (on the input -1) in row 0, the layout of
 * API.md. Every contender starts from these same weights and sees the
 * examples in this order, so their results can be compared number for number.
 */
import { CLASSES, PIXELS, loadDigits } from './mnist.js';
import { mulberry32, uniform, type Random } from './rng.js';

/** The activations the workloads use. */
export type ActivationName = 'identity' | 'sigmoid' | 'tanh';

/** Names of the workloads, in the order they run. */
export const WORKLOAD_NAMES = ['W1', 'W2', 'W3', 'W4'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** Everything a contender needs to train; the loss is always squared error. */
export interface Workload {
  readonly name: string;
  readonly title: string;
  /** `[inputs, hidden..., outputs]`. */
  readonly sizes: readonly number[];
  /** One per layer (so `sizes.length - 1` of them). */
  readonly activations: readonly ActivationName[];
  /** 1 for per-example SGD; otherwise a step on the mean gradient of each batch. */
  readonly batchSize: number;
  readonly learningRate: number;
  /** Number of examples, a multiple of `batchSize`. */
  readonly count: number;
  /** `count x sizes[0]`, row-major. */
  readonly inputs: Float64Array;
  /** `count x sizes[last]`, row-major. */
  readonly targets: Float64Array;
  /** Layer `l` is `(sizes[l] + 1) x sizes[l + 1]`, row-major, bias row first. Never mutated. */
  readonly initialWeights: readonly Float64Array[];
}

/** The notebook's weights: V is 3 x 3 (bias row first), W is 4 x 1. */
export const NOTEBOOK_V = [[1, 0, -1], [1, 2, 0], [0, -2, 1]];
export const NOTEBOOK_W = [[1], [2], [3], [-1]];

/** The notebook's single step: 2-3-1, x = (1, 2), t = 5, learning rate 0.1. */
export function notebookWorkload(): Workload {
  return {
    name: 'notebook',
    title: "notebook 2-3-1, one step on x = (1, 2), t = 5",
    sizes: [2, 3, 1],
    activations: ['sigmoid', 'identity'],
    batchSize: 1,
    learningRate: 0.1,
    count: 1,
    inputs: Float64Array.of(1, 2),
    targets: Float64Array.of(5),
    initialWeights: [Float64Array.from(NOTEBOOK_V.flat()), Float64Array.from(NOTEBOOK_W.flat())],
  };
}

/** Builds one workload by name (W2 and W3 read MNIST, the others are generated). */
export function makeWorkload(name: WorkloadName): Workload {
  switch (name) {
    case 'W1': return notebookRegression();
    case 'W2': return mnistWorkload('W2', 1);
    case 'W3': return mnistWorkload('W3', 32);
    case 'W4': return deepTanhRegression();
  }
}

/** The first `count` examples of `workload` (views, no copy); `count` must be a multiple of the batch size. */
export function sliceWorkload(workload: Workload, count: number): Workload {
  if (count % workload.batchSize !== 0 || count > workload.count) {
    throw new Error(`sliceWorkload: ${count} is not a multiple of ${workload.batchSize} up to ${workload.count}`);
  }
  const n = workload.sizes[0];
  const m = workload.sizes[workload.sizes.length - 1];
  return {
    ...workload,
    count,
    inputs: workload.inputs.subarray(0, count * n),
    targets: workload.targets.subarray(0, count * m),
  };
}

/** W1: the notebook network and weights on its example plus 7 seeded ones. */
function notebookRegression(): Workload {
  const random = mulberry32(1);
  const inputs = [1, 2];
  const targets = [5];
  for (let e = 1; e < 8; e++) {
    const x1 = uniform(random, -2, 2);
    const x2 = uniform(random, -2, 2);
    inputs.push(x1, x2);
    targets.push(2 * Math.sin(x1) + x2);
  }
  return {
    ...notebookWorkload(),
    name: 'W1',
    title: 'W1 notebook 2-3-1, per example (8 examples)',
    count: 8,
    inputs: Float64Array.from(inputs),
    targets: Float64Array.from(targets),
  };
}

/** W2 (batch 1) and W3 (batch 32): 784-128-10 on 1024 real MNIST digits. */
function mnistWorkload(name: 'W2' | 'W3', batchSize: number): Workload {
  const digits = loadDigits(1024);
  const sizes = [PIXELS, 128, CLASSES];
  return {
    name,
    title: `${name} 784-128-10 MNIST, ${batchSize === 1 ? 'per example' : `batches of ${batchSize}`} (1024 digits)`,
    sizes,
    activations: ['sigmoid', 'identity'],
    batchSize,
    learningRate: batchSize === 1 ? 0.01 : 0.1,
    count: digits.count,
    inputs: digits.inputs,
    targets: digits.targets,
    initialWeights: randomWeights(sizes, mulberry32(2)),
  };
}

/** W4: 16-64-64-64-1 tanh on a seeded smooth function of 16 inputs. */
function deepTanhRegression(): Workload {
  const random = mulberry32(4);
  const sizes = [16, 64, 64, 64, 1];
  const count = 1024;
  const direction = Float64Array.from({ length: 16 }, () => uniform(random, -1, 1));
  const inputs = new Float64Array(count * 16);
  const targets = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    let projection = 0;
    for (let i = 0; i < 16; i++) {
      const x = uniform(random, -1, 1);
      inputs[e * 16 + i] = x;
      projection += direction[i] * x;
    }
    targets[e] = Math.sin(projection) + 0.5 * inputs[e * 16] * inputs[e * 16 + 1];
  }
  return {
    name: 'W4',
    title: 'W4 16-64-64-64-1 tanh, per example (1024 examples)',
    sizes,
    activations: ['tanh', 'tanh', 'tanh', 'identity'],
    batchSize: 1,
    learningRate: 0.01,
    count,
    inputs,
    targets,
    initialWeights: randomWeights(sizes, random),
  };
}

/** Uniform weights in `±1 / sqrt(n + 1)` for every layer, bias row included. */
function randomWeights(sizes: readonly number[], random: Random): Float64Array[] {
  const layers: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const limit = 1 / Math.sqrt(sizes[l] + 1);
    layers.push(Float64Array.from({ length: (sizes[l] + 1) * sizes[l + 1] }, () => uniform(random, -limit, limit)));
  }
  return layers;
}
