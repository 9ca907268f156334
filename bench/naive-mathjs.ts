/**
 * `naive-mathjs`: backpropagation written the obvious way with mathjs, one
 * mathjs call per product, transpose and element-wise step. This is what
 * the library replaces; every call allocates new matrices.
 *
 * Per step, with X the batch (one example per row, B rows) and [-1, X] the
 * input with its bias column:
 *
 *   A_0 = X,  Z_l = [-1, A_l] . W_l,  A_{l+1} = f(Z_l)
 *   D_last = (2 / B) * (Y - T) .* f'(Y)
 *   D_{l-1} = (D_l . W_l[1:]^T) .* f'(A_l)
 *   W_l = W_l - learningRate * ([-1, A_l]^T . D_l)
 */
import { concat, dotMultiply, map, matrix, multiply, subtract, transpose, index, range, subset, type Matrix } from 'mathjs';
import type { Trainer } from './trainer.js';
import type { ActivationName, Workload } from './workloads.js';

const APPLY: Record<ActivationName, (z: number) => number> = {
  identity: (z) => z,
  sigmoid: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  tanh: (z) => Math.tanh(z),
};
const DERIVATIVE: Record<ActivationName, (a: number) => number> = {
  identity: () => 1,
  sigmoid: (a) => a * (1 - a),
  tanh: (a) => 1 - a * a,
};

/** Creates the naive mathjs trainer: weights and every batch as mathjs matrices. */
export function createNaiveMathjs(workload: Workload): Trainer {
  const { sizes, activations, batchSize: B, learningRate, count } = workload;
  let weights: Matrix[] = workload.initialWeights.map((w, l) => matrix(rows(w, sizes[l] + 1, sizes[l + 1])));
  const inputs: Matrix[] = [];
  const targets: Matrix[] = [];
  const biasColumn = matrix(Array.from({ length: B }, () => [-1]));
  for (let start = 0; start < count; start += B) {
    inputs.push(matrix(rows(workload.inputs, count, sizes[0]).slice(start, start + B)));
    targets.push(matrix(rows(workload.targets, count, sizes[sizes.length - 1]).slice(start, start + B)));
  }

  function step(x: Matrix, t: Matrix): void {
    const withBias: Matrix[] = [];
    const outputs: Matrix[] = [x];
    for (let l = 0; l < weights.length; l++) {
      withBias.push(concat(biasColumn, outputs[l], 1) as Matrix);
      outputs.push(map(multiply(withBias[l], weights[l]), APPLY[activations[l]]));
    }
    const last = weights.length;
    let delta = dotMultiply(multiply(2 / B, subtract(outputs[last], t)), map(outputs[last], DERIVATIVE[activations[last - 1]])) as Matrix;
    const updated: Matrix[] = [];
    for (let l = last - 1; l >= 0; l--) {
      updated[l] = subtract(weights[l], multiply(learningRate, multiply(transpose(withBias[l]), delta))) as Matrix;
      if (l > 0) {
        const withoutBias = subset(weights[l], index(range(1, sizes[l] + 1), range(0, sizes[l + 1])));
        const upstream = multiply(delta, transpose(withoutBias));
        delta = dotMultiply(upstream, map(outputs[l], DERIVATIVE[activations[l - 1]])) as Matrix;
      }
    }
    weights = updated;
  }

  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let s = 0; s < inputs.length; s++) step(inputs[s], targets[s]);
      }
    },
    weights: () => weights.map((w) => Float64Array.from((w.toArray() as number[][]).flat())),
  };
}

/** A flat row-major array as `rowCount` rows of `columns` numbers. */
export function rows(flat: Float64Array, rowCount: number, columns: number): number[][] {
  return Array.from({ length: rowCount }, (_, r) => Array.from(flat.subarray(r * columns, (r + 1) * columns)));
}
