/**
 * brain.js 2.0 beta (`NeuralNetwork`, float32 weights), one `trainPattern`
 * per example.
 *
 * Mapping: brain.js adds `+bias`, so its bias is `-w[0][j]`; its delta is
 * `(t - y) f'(z)` and its step `w += learningRate * delta * x`, which is our
 * step `w -= eta * 2 (y - t) f'(z) x` with `learningRate = 2 eta` and
 * momentum 0. It applies one activation to every layer, the output too, so
 * it runs (and is checked on) each workload with its hidden activation on
 * the output layer. It has no mini-batches, so it sits out W3.
 */
import { peerRequire } from './peers.js';
import type { Contender, Trainer } from './trainer.js';
import type { Workload } from './workloads.js';

export function brainContender(): Contender {
  const { NeuralNetwork } = peerRequire('brain.js');
  return {
    note: 'float32; output layer uses the hidden activation (brain.js has no identity output)',
    tolerance: 1e-5,
    adapt: (workload) => ({ ...workload, activations: workload.activations.map(() => workload.activations[0]) }),
    create: (workload) => createBrain(NeuralNetwork, workload),
  };
}

function createBrain(NeuralNetwork: any, workload: Workload): Trainer {
  const { sizes, activations, learningRate, count } = workload;
  if (workload.batchSize !== 1) throw new Error('brain.js NeuralNetwork has no mini-batches');
  const net = new NeuralNetwork({
    inputSize: sizes[0], hiddenLayers: sizes.slice(1, -1), outputSize: sizes[sizes.length - 1],
    activation: activations[0], learningRate: 2 * learningRate,
  });
  net.trainOpts.momentum = 0; // brain.js's option check refuses 0, so it is set after construction
  net.initialize();
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l], m = sizes[l + 1], w = workload.initialWeights[l];
    for (let j = 0; j < m; j++) {
      net.biases[l + 1][j] = -w[j];
      for (let i = 0; i < n; i++) net.weights[l + 1][j][i] = w[(i + 1) * m + j];
    }
  }
  const n0 = sizes[0], mL = sizes[sizes.length - 1];
  const patterns = Array.from({ length: count }, (_, e) => ({
    input: Float32Array.from(workload.inputs.subarray(e * n0, (e + 1) * n0)),
    output: Float32Array.from(workload.targets.subarray(e * mL, (e + 1) * mL)),
  }));
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let e = 0; e < count; e++) net.trainPattern(patterns[e], false);
      }
    },
    weights() {
      return sizes.slice(0, -1).map((n, l) => {
        const m = sizes[l + 1], out = new Float64Array((n + 1) * m);
        for (let j = 0; j < m; j++) {
          out[j] = -net.biases[l + 1][j];
          for (let i = 0; i < n; i++) out[(i + 1) * m + j] = net.weights[l + 1][j][i];
        }
        return out;
      });
    },
  };
}
