/**
 * ConvNetJS 0.3.0 (`Net` of `fc` layers and a `regression` loss, Float64
 * weights), its `Trainer` with plain SGD: one `train` call per example, and
 * for batches its own accumulation of `batch_size` examples.
 *
 * Mapping: its `fc` layer adds `+bias`, so its bias is `-w[0][j]`; the
 * regression loss is `½ sum (y - t)^2`, half of ours, so its learning rate
 * is `2 eta`; momentum and weight decay 0. The batch gradient is its sum
 * divided by `batch_size`, our mean.
 */
import { peerRequire } from './peers.js';
import type { Contender, Trainer } from './trainer.js';
import type { Workload } from './workloads.js';

export function convnetContender(): Contender {
  const convnetjs = peerRequire('convnetjs');
  return { create: (workload) => createConvnet(convnetjs, workload) };
}

function createConvnet(convnetjs: any, workload: Workload): Trainer {
  const { sizes, activations, learningRate, count, batchSize } = workload;
  const last = sizes.length - 1;
  if (activations[last - 1] !== 'identity') throw new Error('convnetjs adapter: the output activation must be identity');
  const defs: object[] = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: sizes[0] }];
  for (let l = 1; l < last; l++) defs.push({ type: 'fc', num_neurons: sizes[l], activation: activations[l - 1] });
  defs.push({ type: 'regression', num_neurons: sizes[last] });
  const net = new convnetjs.Net();
  net.makeLayers(defs);
  const fcs: any[] = net.layers.filter((layer: any) => layer.layer_type === 'fc');
  fcs.forEach((fc, l) => {
    const n = sizes[l], m = sizes[l + 1], w = workload.initialWeights[l];
    for (let j = 0; j < m; j++) {
      fc.biases.w[j] = -w[j];
      for (let i = 0; i < n; i++) fc.filters[j].w[i] = w[(i + 1) * m + j];
    }
  });
  const trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: 2 * learningRate, momentum: 0, l2_decay: 0, batch_size: batchSize });
  const n0 = sizes[0], mL = sizes[last];
  const inputs = Array.from({ length: count }, (_, e) => {
    const vol = new convnetjs.Vol(1, 1, n0, 0);
    vol.w.set(workload.inputs.subarray(e * n0, (e + 1) * n0));
    return vol;
  });
  const targets = Array.from({ length: count }, (_, e) => Array.from(workload.targets.subarray(e * mL, (e + 1) * mL)));
  return {
    train(epochs) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (let e = 0; e < count; e++) trainer.train(inputs[e], targets[e]);
      }
    },
    weights() {
      return fcs.map((fc, l) => {
        const n = sizes[l], m = sizes[l + 1], out = new Float64Array((n + 1) * m);
        for (let j = 0; j < m; j++) {
          out[j] = -fc.biases.w[j];
          for (let i = 0; i < n; i++) out[(i + 1) * m + j] = fc.filters[j].w[i];
        }
        return out;
      });
    },
  };
}
