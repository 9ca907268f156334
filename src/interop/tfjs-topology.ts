/**
 * Reading the Keras config of a TF.js Sequential model into the layers of a
 * network: which Dense layers there are, their sizes, bias and activation.
 * Nothing is guessed: a layer class, activation or field this library
 * cannot reproduce exactly is refused, by its path in the artifacts.
 *
 * @module
 */
import { KERAS_ACTIVATIONS, type ActivationKind, type ActivationSpec } from './activations.js';
import { FormatError } from '../errors.js';

/** A Dense layer of the model and the activation that follows it. */
export interface DensePlan {
  /** Its Keras name: its weights are `<name>/kernel` and `<name>/bias`. */
  readonly name: string;
  /** Where it is in the artifacts, e.g. `modelTopology.config.layers[0]`. */
  readonly path: string;
  readonly units: number;
  readonly useBias: boolean;
  /** Its input size, when the config states it. */
  readonly inputs?: number | undefined;
  activation: ActivationSpec;
  /** Where the activation was set, for messages. */
  activationPath: string;
}

type Dict = Readonly<Record<string, unknown>>;

/** LeakyReLU's alpha when the config leaves it out, as Keras and TF.js take it. */
const KERAS_LEAKY_ALPHA = 0.3;
const READ = 'Dense, Activation, LeakyReLU and InputLayer';

/** Throws the FormatError of `path`: `fromTFJS: <path> <problem>`. */
export function fail(path: string, problem: string): never {
  throw new FormatError(`fromTFJS: ${path} ${problem}`, path);
}

/** How a value reads in a message. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  return value !== null && typeof value === 'object' ? 'an object' : String(value);
}

export function isDict(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function dict(value: unknown, path: string): Dict {
  if (!isDict(value)) fail(path, `must be an object, got ${shown(value)}`);
  return value;
}

/** A positive integer, or `fail`. */
export function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) fail(path, `must be a positive integer, got ${shown(value)}`);
  return value as number;
}

/** The input size of `[null, n]`, if the config gives a batch input shape. */
function inputSize(config: Dict, path: string): number | undefined {
  const key = ['batch_input_shape', 'batch_shape'].find((k) => config[k] !== undefined);
  if (key === undefined) return undefined;
  const shape = config[key];
  if (!Array.isArray(shape) || shape.length !== 2) {
    fail(`${path}.${key}`, `must be [null, inputs] (a vector input), got ${shown(shape)}`);
  }
  return count(shape[1], `${path}.${key}[1]`);
}

function activationName(value: unknown, path: string): ActivationKind {
  if (!(KERAS_ACTIVATIONS as readonly unknown[]).includes(value)) {
    fail(path, `is the activation ${shown(value)}; only ${KERAS_ACTIVATIONS.join(', ')} can be read`);
  }
  return value as ActivationKind;
}

function dense(config: Dict, path: string, first: boolean): DensePlan {
  const name = config.name;
  if (typeof name !== 'string' || name === '') fail(`${path}.config.name`, `must be the layer's name, got ${shown(name)}`);
  const useBias = config.use_bias ?? true;
  if (typeof useBias !== 'boolean') fail(`${path}.config.use_bias`, `must be true or false, got ${shown(useBias)}`);
  if (config.dtype !== undefined && config.dtype !== 'float32') {
    fail(`${path}.config.dtype`, `is ${shown(config.dtype)}; only float32 layers can be read`);
  }
  const activationPath = `${path}.config.activation`;
  const kind = activationName(config.activation ?? 'linear', activationPath);
  const inputs = first ? inputSize(config, `${path}.config`) : undefined;
  return { name, path, units: count(config.units, `${path}.config.units`), useBias, inputs, activation: { kind }, activationPath };
}

/** Sets the activation of the Dense layer before an Activation or LeakyReLU layer. */
function follow(last: DensePlan | undefined, spec: ActivationSpec, path: string, className: string): void {
  if (spec.kind === 'linear') return;
  if (last === undefined) fail(path, `is ${className} layer before any Dense layer; a network's activations follow its layers`);
  if (last.activation.kind !== 'linear') {
    fail(path, `is ${className} layer after ${last.activationPath} (${last.activation.kind}); a layer has one activation, not two`);
  }
  last.activation = spec;
  last.activationPath = path;
}

/** The layer list of a Sequential config: `config.layers`, or `config` itself in older Keras files. */
function layerList(topology: unknown, base: string): { layers: readonly unknown[]; path: string } {
  const top = dict(topology, base);
  if (top.model_config !== undefined) return layerList(top.model_config, `${base}.model_config`);
  if (top.class_name !== 'Sequential') {
    fail(`${base}.class_name`, `is ${shown(top.class_name)}; only Sequential models can be read (not functional ones)`);
  }
  const config = top.config;
  if (Array.isArray(config)) return { layers: config, path: `${base}.config` };
  const layers = dict(config, `${base}.config`).layers;
  if (!Array.isArray(layers)) fail(`${base}.config.layers`, `must be the list of layers, got ${shown(layers)}`);
  return { layers, path: `${base}.config.layers` };
}

/**
 * The Dense layers of a Sequential model's topology, in order, each with
 * its activation; the model's input size if the config gives it.
 */
export function readTopology(topology: unknown): { dense: DensePlan[]; inputs?: number | undefined } {
  const { layers, path: base } = layerList(topology, 'modelTopology');
  const plans: DensePlan[] = [];
  let inputs: number | undefined;
  layers.forEach((value, i) => {
    const path = `${base}[${i}]`;
    const layer = dict(value, path);
    const config = dict(layer.config, `${path}.config`);
    const last = plans[plans.length - 1];
    switch (layer.class_name) {
      case 'InputLayer':
        if (i !== 0) fail(path, 'is an InputLayer that is not the first layer');
        inputs = inputSize(config, `${path}.config`) ?? fail(`${path}.config.batch_input_shape`, 'is missing');
        break;
      case 'Dense':
        plans.push(dense(config, path, plans.length === 0));
        break;
      case 'Activation':
        follow(last, { kind: activationName(config.activation, `${path}.config.activation`) }, path, 'an Activation');
        break;
      case 'LeakyReLU': {
        const key = config.negative_slope !== undefined ? 'negative_slope' : 'alpha';
        const alpha = config[key] ?? KERAS_LEAKY_ALPHA;
        if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
          fail(`${path}.config.${key}`, `must be a finite number, got ${shown(alpha)}`);
        }
        follow(last, { kind: 'leakyRelu', alpha }, path, 'a LeakyReLU');
        break;
      }
      default:
        fail(path, `is a ${shown(layer.class_name)} layer named ${shown(config.name)}; only ${READ} layers can be read`);
    }
  });
  if (plans.length === 0) fail(base, 'has no Dense layer');
  const first = plans[0].inputs;
  if (inputs !== undefined && first !== undefined && first !== inputs) {
    fail(`${plans[0].path}.config.batch_input_shape[1]`, `is ${first}, but the InputLayer takes ${inputs} inputs`);
  }
  return { dense: plans, inputs: inputs ?? first };
}
