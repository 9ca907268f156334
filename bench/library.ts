/**
 * `library` and `library-step`: our own package, through its public API only.
 *
 * `library` calls `Network.train` with the whole training set as mathjs
 * matrices (built once, outside the timing) and `shuffle: false`, so it sees
 * the examples in the reference's order; its big batches (W3) share their
 * products between the host's cores. `library-1thread` (W3 only) is the
 * same with threads turned off, to show what the second core adds. `library-step` calls the one-step
 * API `Network.sgdStep` once per example (or batch), mathjs in and out, to
 * measure the cost of the boundary conversion.
 */
import { matrix, type Matrix } from 'mathjs';
import { Activation, Layer, Network } from '../src/index.js';
import { useThreads } from '../src/engine/thread-host.js';
import { rows } from './naive-mathjs.js';
import type { Trainer } from './trainer.js';
import type { ActivationName, Workload } from './workloads.js';

const ACTIVATIONS: Record<ActivationName, Activation> = {
  identity: Activation.identity,
  sigmoid: Activation.sigmoid,
  tanh: Activation.tanh,
};

/** `Network.train` over all examples, `epochs` at a time. */
export function createLibraryTrain(workload: Workload): Trainer {
  let net = initialNetwork(workload);
  const { sizes, count, learningRate, batchSize } = workload;
  const inputs = matrix(rows(workload.inputs, count, sizes[0]));
  const targets = matrix(rows(workload.targets, count, sizes[sizes.length - 1]));
  return {
    train(epochs) {
      net = Network.train(net, inputs, targets, { learningRate, epochs, batchSize, shuffle: false, seed: 1 }).network;
    },
    weights: () => networkWeights(net),
  };
}

/** `Network.train` as {@link createLibraryTrain}, on one thread (`useThreads(1)`, the engine's internal switch). */
export function createLibraryTrainOneThread(workload: Workload): Trainer {
  useThreads(1);
  return createLibraryTrain(workload);
}

/** `Network.sgdStep` once per example (a 1-D vector) or batch (a B x n matrix). */
export function createLibraryStep(workload: Workload): Trainer {
  let net = initialNetwork(workload);
  const { sizes, count, learningRate, batchSize: B } = workload;
  const inputRows = rows(workload.inputs, count, sizes[0]);
  const targetRows = rows(workload.targets, count, sizes[sizes.length - 1]);
  const inputs: Matrix[] = [];
  const targets: Matrix[] = [];
  for (let start = 0; start < count; start += B) {
    inputs.push(matrix(B === 1 ? inputRows[start] : inputRows.slice(start, start + B)));
    targets.push(matrix(B === 1 ? targetRows[start] : targetRows.slice(start, start + B)));
  }
  const options = { learningRate };
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let s = 0; s < inputs.length; s++) net = Network.sgdStep(net, inputs[s], targets[s], options);
      }
    },
    weights: () => networkWeights(net),
  };
}

/** The workload's initial weights as a library network. */
function initialNetwork(workload: Workload): Network {
  const { sizes, activations } = workload;
  return Network.create(
    workload.initialWeights.map((w, l) => Layer.create(rows(w, sizes[l] + 1, sizes[l + 1]), ACTIVATIONS[activations[l]])),
  );
}

function networkWeights(net: Network): Float64Array[] {
  return net.layers.map((layer) => Float64Array.from((layer.weights.toArray() as number[][]).flat()));
}
