/**
 * The real engines the interop tests compare with: TensorFlow.js (core,
 * layers and the CPU backend) and ONNX Runtime for Node. Each test file
 * loads them once, through these helpers.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-node';

export { tf, tfl, ort };

/** Selects TF.js's CPU backend; call once per file, in `beforeAll`. */
export async function readyTF(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** What TF.js's `predict` gives for a batch, on a model loaded from artifacts. */
export async function tfPredict(artifacts: tf.io.ModelArtifacts, rows: readonly (readonly number[])[]): Promise<number[][]> {
  const model = await tfl.loadLayersModel(tf.io.fromMemory(artifacts));
  try {
    return tf.tidy(() => (model.predict(tf.tensor2d(rows as number[][])) as tf.Tensor2D).arraySync());
  } finally {
    model.dispose();
  }
}

/** What ONNX Runtime computes for a batch, on a model given as bytes. */
export async function ortRun(bytes: Uint8Array, rows: readonly (readonly number[])[], dtype: 'float32' | 'float64'): Promise<number[][]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const flat = rows.flat();
    const data = dtype === 'float32' ? Float32Array.from(flat) : Float64Array.from(flat);
    const { output } = await session.run({ input: new ort.Tensor(dtype, data, [rows.length, rows[0].length]) });
    const [b, m] = output.dims as number[];
    const values = Array.from(output.data as Float32Array | Float64Array);
    return Array.from({ length: b }, (_, r) => values.slice(r * m, (r + 1) * m));
  } finally {
    await session.release();
  }
}
