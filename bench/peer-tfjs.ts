/**
 * TensorFlow.js 4.22 (float32) on its `cpu` or `wasm` backend: the network
 * as `tf.variable`s, our loss written in tf ops, one `optimizer.minimize`
 * per example or batch (the cheapest training call TF.js offers; `fit` adds
 * more per call).
 *
 * Mapping: `z = x W + b` with `b = -w[0]` and `W = w[1..n]`; the loss is ours
 * exactly, `sum (y - t)^2 / B`, so plain `tf.train.sgd(eta)` makes our step.
 */
import { dirname, join } from 'node:path';
import { peerRequire, peerResolve } from './peers.js';
import type { Contender, Trainer } from './trainer.js';
import type { Workload } from './workloads.js';

export async function tfjsContender(backend: 'cpu' | 'wasm'): Promise<Contender> {
  const tf = peerRequire('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = peerRequire('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(join(dirname(peerResolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  }
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
  await tf.ready();
  return { note: `float32, ${backend} backend`, tolerance: 1e-5, create: (workload) => createTfjs(tf, workload) };
}

function createTfjs(tf: any, workload: Workload): Trainer {
  const { sizes, activations, learningRate, count, batchSize: B } = workload;
  const kernels: any[] = [], biases: any[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l], m = sizes[l + 1], w = workload.initialWeights[l];
    kernels.push(tf.variable(tf.tensor2d(Float32Array.from(w.subarray(m)), [n, m], 'float32')));
    biases.push(tf.variable(tf.tensor1d(Float32Array.from(w.subarray(0, m), (v) => -v), 'float32')));
  }
  const apply: Record<string, (z: any) => any> = { identity: (z) => z, sigmoid: (z) => tf.sigmoid(z), tanh: (z) => tf.tanh(z) };
  const n0 = sizes[0], mL = sizes[sizes.length - 1];
  const xs: any[] = [], ts: any[] = [];
  for (let start = 0; start < count; start += B) {
    xs.push(tf.tensor2d(Float32Array.from(workload.inputs.subarray(start * n0, (start + B) * n0)), [B, n0], 'float32'));
    ts.push(tf.tensor2d(Float32Array.from(workload.targets.subarray(start * mL, (start + B) * mL)), [B, mL], 'float32'));
  }
  const optimizer = tf.train.sgd(learningRate);
  const loss = (x: any, t: any) => () => {
    let a = x;
    for (let l = 0; l < kernels.length; l++) a = apply[activations[l]](tf.add(tf.matMul(a, kernels[l]), biases[l]));
    return tf.div(tf.sum(tf.square(tf.sub(a, t))), B);
  };
  const steps = xs.map((x, s) => loss(x, ts[s]));
  const variables = [...kernels, ...biases];
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (const step of steps) optimizer.minimize(step, false, variables);
      }
    },
    weights() {
      return kernels.map((kernel, l) => {
        const m = sizes[l + 1], out = new Float64Array((sizes[l] + 1) * m);
        const bias = biases[l].dataSync() as Float32Array;
        for (let j = 0; j < m; j++) out[j] = -bias[j];
        out.set(kernel.dataSync() as Float32Array, m);
        return out;
      });
    },
  };
}
