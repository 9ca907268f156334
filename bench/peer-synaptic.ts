/**
 * synaptic 1.1.4 (`Architect.Perceptron`, compiled to straight-line
 * JavaScript over a Float64Array), one `activate` + `propagate` per example.
 *
 * Mapping: synaptic adds `+bias`, so its bias is `-w[0][j]`; an output
 * neuron's error is `t - y` and its step `w += rate * error * x`, which is
 * our step with `rate = 2 eta`. Hidden layers take the workload's squash,
 * the output IDENTITY. synaptic updates a layer's weights before it
 * propagates the error below through them, so its hidden-layer step uses
 * the *new* output weights, not the notebook's old ones: the notebook check
 * shows that difference. It has no mini-batches, so it sits out W3.
 */
import { peerRequire } from './peers.js';
import type { Contender, Trainer } from './trainer.js';
import type { ActivationName, Workload } from './workloads.js';

export function synapticContender(): Contender {
  const synaptic = peerRequire('synaptic');
  return {
    note: 'backpropagates through the weights of the layer above after updating them, so its hidden step is the notebook\'s formula ' +
      'with the new W in place of the old (checked to 4e-16), not the notebook\'s step',
    create: (workload) => createSynaptic(synaptic, workload),
  };
}

function createSynaptic(synaptic: any, workload: Workload): Trainer {
  const { sizes, activations, learningRate, count } = workload;
  if (workload.batchSize !== 1) throw new Error('synaptic has no mini-batches');
  const { Architect, Neuron } = synaptic;
  const squash: Record<ActivationName, unknown> = {
    identity: Neuron.squash.IDENTITY, sigmoid: Neuron.squash.LOGISTIC, tanh: Neuron.squash.TANH,
  };
  const net = new Architect.Perceptron(...sizes);
  const layers: any[] = [net.layers.input, ...net.layers.hidden, net.layers.output];
  const connection = (l: number, i: number, j: number): any => {
    const from = layers[l].list[i], to = layers[l + 1].list[j];
    for (const id in to.connections.inputs) if (to.connections.inputs[id].from === from) return to.connections.inputs[id];
    throw new Error(`synaptic: no connection from layer ${l} neuron ${i} to neuron ${j}`);
  };
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l], m = sizes[l + 1], w = workload.initialWeights[l];
    for (let j = 0; j < m; j++) {
      const neuron = layers[l + 1].list[j];
      neuron.squash = squash[activations[l]];
      neuron.bias = -w[j];
      for (let i = 0; i < n; i++) connection(l, i, j).weight = w[(i + 1) * m + j];
    }
  }
  const n0 = sizes[0], mL = sizes[sizes.length - 1];
  const inputs = Array.from({ length: count }, (_, e) => Array.from(workload.inputs.subarray(e * n0, (e + 1) * n0)));
  const targets = Array.from({ length: count }, (_, e) => Array.from(workload.targets.subarray(e * mL, (e + 1) * mL)));
  const rate = 2 * learningRate;
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let e = 0; e < count; e++) {
          net.activate(inputs[e]);
          net.propagate(rate, targets[e]);
        }
      }
    },
    weights() {
      net.restore();
      return sizes.slice(0, -1).map((n, l) => {
        const m = sizes[l + 1], out = new Float64Array((n + 1) * m);
        for (let j = 0; j < m; j++) {
          out[j] = -layers[l + 1].list[j].bias;
          for (let i = 0; i < n; i++) out[(i + 1) * m + j] = connection(l, i, j).weight;
        }
        return out;
      });
    },
  };
}
