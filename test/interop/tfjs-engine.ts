/**
 * TensorFlow.js (core, layers and the CPU backend), the engine the TF.js
 * interop tests compare with; each test file loads it once, through here.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

export { tf, tfl };

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

/** What `model.save(tf.io.withSaveHandler(...))` hands over: the artifacts TF.js itself saves. */
export async function savedArtifacts(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return artifacts!;
}
