/**
 * mathjs-backprop/tfjs: networks to and from TensorFlow.js. {@link toTFJS}
 * writes the model artifacts of a Sequential model of Dense layers, which
 * `tf.loadLayersModel(tf.io.fromMemory(artifacts))` loads; {@link fromTFJS}
 * reads back what `model.save(tf.io.withSaveHandler(...))` gives, so a
 * model trained in TF.js can be checked here with `gradientCheck`, `explain`
 * and the pictures. {@link writeTFJS} and {@link readTFJS} handle the
 * `model.json` + `weights.bin` pair in Node.
 *
 * TF.js is not a dependency: the artifacts are plain data, and this entry
 * point never loads it.
 *
 * @module mathjs-backprop/tfjs
 */

export { toTFJS } from './tfjs-export.js';
export { fromTFJS } from './tfjs-import.js';
export { writeTFJS, readTFJS, type TFJSFiles } from './tfjs-files.js';
export type { TFJSArtifacts, TFJSArtifactsLike, TFJSReadArtifacts, TFJSTopology, TFJSWeightSpec } from './tfjs-artifacts.js';
