/**
 * Optimizer.step against TensorFlow.js (tfjs-core with its pure-JS CPU
 * backend, float32): the same network, data and loss trained twenty steps by
 * both, each library computing its own gradients; the weights must agree to
 * float32 precision after every step.
 *
 * How the conventions map:
 * - The weights: TF.js holds each layer's full `(n + 1) × m` matrix as one
 *   variable and multiplies `[-1, x]` by it, so its gradients are ours.
 * - The loss: `mean over examples of Σ_k (y_k - t_k)^2`, as ours.
 * - `tf.train.momentum(η, μ)`: `accumulation = μ · accumulation + g` from
 *   zero, so its first step is PyTorch's `b = g`; it has no dampening
 *   (dampening 0 here). With `useNesterov` it steps along `g + μ · b`, the
 *   same formula as our `nesterov`.
 * - `tf.train.adam(η, β1, β2, ε)`: ε is added to the root of the
 *   bias-corrected mean square, `m̂ / (sqrt(v̂) + ε)`, as PyTorch and we do
 *   (TensorFlow's Python/Keras Adam adds ε to the uncorrected root instead).
 *   Its default ε is the backend's (1e-7 in float32), so ε is passed. It
 *   keeps `β^t` as a running product in float32 where we take `Math.pow`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activation, Layer, Network, Optimizer } from '../../src/index.js';
import { expectMatrixClose } from '../support/helpers.js';

/**
 * float32 against float64 over twenty steps, weights below 1: a few float32
 * ulps (6e-8), grown by the training (measured: at most 2.2e-7 apart).
 */
const FLOAT32 = { rtol: 2e-6, atol: 1e-6 };
/**
 * Adam divides each step by the root of the mean square, so where a
 * gradient is near 0 its float32 rounding moves the step by a larger share
 * (measured: at most 3.3e-6 apart, on a weight crossing 0).
 */
const ADAM_FLOAT32 = { rtol: 1e-5, atol: 1e-5 };
const STEPS = 20;

// A 3-4-2 network (tanh hidden, identity output) and a batch of 6 examples; fixed numbers, exact in float32.
const START = [
  [[0.25, -0.5, 0.125, 0.75], [0.5, 0.25, -0.75, 0.375], [-0.625, 0.5, 0.25, -0.125], [0.375, -0.25, 0.5, 0.625]],
  [[0.125, -0.25], [0.5, -0.375], [-0.75, 0.25], [0.25, 0.625], [-0.5, 0.125]],
];
const INPUTS = [[0.5, -1, 0.25], [1, 0.5, -0.5], [-0.75, 0.25, 1], [0, 1, -1], [0.25, -0.25, 0.5], [-1, -0.5, 0.75]];
const TARGETS = [[1, 0], [0, 1], [0.5, -0.5], [-1, 0.25], [0.75, 0.75], [0, -1]];

/** Our weights after each of STEPS steps of `optimizer`, as plain arrays. */
function ours(optimizer: Optimizer): number[][][][] {
  let net = Network.create([Layer.create(START[0], Activation.tanh), Layer.create(START[1], Activation.identity)]);
  let state = Optimizer.init(optimizer, net);
  const history: number[][][][] = [];
  for (let t = 0; t < STEPS; t++) {
    const { weights } = Network.gradient(net, INPUTS, TARGETS);
    ({ network: net, state } = Optimizer.step(optimizer, net, weights, state));
    history.push(net.layers.map((layer) => layer.weights.toArray() as number[][]));
  }
  return history;
}

/** TF.js's weights after each of STEPS steps of `optimizer` on the same network, loss and data. */
function theirs(optimizer: tf.Optimizer): number[][][][] {
  const weights = START.map((w) => tf.variable(tf.tensor2d(w, undefined, 'float32')));
  const x = tf.tensor2d(INPUTS, undefined, 'float32');
  const t = tf.tensor2d(TARGETS, undefined, 'float32');
  const withBias = (input: tf.Tensor2D): tf.Tensor2D => tf.concat([tf.fill([input.shape[0], 1], -1), input], 1);
  const loss = (): tf.Scalar => tf.tidy(() => {
    const hidden = tf.tanh(tf.matMul(withBias(x), weights[0])) as tf.Tensor2D;
    const y = tf.matMul(withBias(hidden), weights[1]);
    return tf.mean(tf.sum(tf.square(tf.sub(y, t)), 1));
  });
  const history: number[][][][] = [];
  for (let step = 0; step < STEPS; step++) {
    optimizer.minimize(loss, false, weights);
    history.push(weights.map((w) => w.arraySync() as number[][]));
  }
  tf.dispose([...weights, x, t]);
  optimizer.dispose();
  return history;
}

describe('Optimizer.step against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('agrees with tf.train.momentum for SGD with momentum', () => {
    const a = ours(Optimizer.sgd({ learningRate: 0.05, momentum: 0.9 }));
    const b = theirs(tf.train.momentum(0.05, 0.9));
    a.forEach((weights, step) => expectMatrixClose(weights, b[step], FLOAT32));
  });

  it('agrees with tf.train.momentum(useNesterov) for Nesterov momentum', () => {
    const a = ours(Optimizer.sgd({ learningRate: 0.05, momentum: 0.8, nesterov: true }));
    const b = theirs(tf.train.momentum(0.05, 0.8, true));
    a.forEach((weights, step) => expectMatrixClose(weights, b[step], FLOAT32));
  });

  it('agrees with tf.train.adam for Adam', () => {
    const a = ours(Optimizer.adam({ learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }));
    const b = theirs(tf.train.adam(0.02, 0.9, 0.999, 1e-8));
    a.forEach((weights, step) => expectMatrixClose(weights, b[step], ADAM_FLOAT32));
  });

  it('moves the weights well beyond the tolerance, so the agreement is not trivial', () => {
    const a = ours(Optimizer.adam({ learningRate: 0.02 }));
    const moved = Math.max(...a[STEPS - 1].flat(2).map((w, k) => Math.abs(w - START.flat(2)[k])));
    expect(moved).toBeGreaterThan(0.1);
  });
});
