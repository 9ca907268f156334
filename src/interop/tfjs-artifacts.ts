/**
 * The shapes of TensorFlow.js model artifacts, written out here so that the
 * library needs no TF.js types: what `tf.io.fromMemory` takes and what
 * `model.save(tf.io.withSaveHandler(...))` hands over.
 *
 * @module
 */

/** One weight in `weightData`: its name, shape and number type. */
export interface TFJSWeightSpec {
  /** `<layer name>/kernel` or `<layer name>/bias`. */
  readonly name: string;
  /** The dimensions: `[n, m]` for a kernel, `[m]` for a bias. */
  readonly shape: number[];
  /** The number type: this library writes and reads float32 only. */
  readonly dtype: 'float32';
}

/** The Keras config of a Sequential model, as TF.js reads it. */
export interface TFJSTopology {
  /** Always `'Sequential'`. */
  readonly class_name: 'Sequential';
  /** `{ name, layers }`: the model's name and its layers' `{ class_name, config }`. */
  readonly config: object;
}

/**
 * TensorFlow.js model artifacts of a Sequential model of Dense layers, as
 * {@link toTFJS} writes them: load them with
 * `tf.loadLayersModel(tf.io.fromMemory(artifacts))`.
 */
export interface TFJSArtifacts {
  /** The Keras model config of the Sequential model. */
  readonly modelTopology: TFJSTopology;
  /** The weights in the order they sit in `weightData`. */
  readonly weightSpecs: TFJSWeightSpec[];
  /** Every weight as a little-endian float32, in the order of `weightSpecs`. */
  readonly weightData: ArrayBuffer;
  /** Always `'layers-model'`. */
  readonly format: 'layers-model';
  /** The library that wrote the artifacts. */
  readonly generatedBy: string;
  /** `null`: the artifacts were not converted from another format. */
  readonly convertedBy: null;
}

/**
 * What {@link fromTFJS} reads: model artifacts as TF.js saves them, loosely
 * typed because every field is checked when it is read.
 */
export interface TFJSArtifactsLike {
  /** The Keras model config, or `{ model_config: ... }` as converted models have it. */
  readonly modelTopology?: unknown | undefined;
  /** The weights in the order they sit in `weightData`. */
  readonly weightSpecs?: readonly unknown[] | undefined;
  /** The weights' bytes: one buffer, a list of buffers, or a typed array. */
  readonly weightData?: unknown | undefined;
  /** `'layers-model'` when given. */
  readonly format?: unknown | undefined;
  /** What wrote the artifacts; not read. */
  readonly generatedBy?: unknown | undefined;
  /** What converted them; not read. */
  readonly convertedBy?: unknown | undefined;
}

/** What {@link readTFJS} returns: artifacts whose weights are one buffer. */
export interface TFJSReadArtifacts extends TFJSArtifactsLike {
  /** The weight files' bytes, joined in the order of the weights manifest. */
  readonly weightData: ArrayBuffer;
}
