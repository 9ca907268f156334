/**
 * The ONNX graph of a network as plain data, before it is encoded: for
 * each layer a `Gemm` (`z = x · K + b`) and the nodes of its activation.
 * Where ONNX Runtime has no float64 kernel for an activation's own op
 * (Softplus, LeakyRelu), the float64 graph builds it from basic ops that
 * compute what this library computes; the sigmoid is built so in both
 * types, since ONNX Runtime's Sigmoid kernels approximate it (1e-5
 * relative error in float32 at z = -5; in float64 10^-3 at z = -30 and 0
 * below z = -37).
 *
 * @module
 */
import type { ActivationKind, ActivationSpec } from './activations.js';

/** The number type of a graph: float32 or float64 throughout. */
export type OnnxDtype = 'float32' | 'float64';

/** One node: an op, its input and output names, and a float attribute if any. */
export interface GraphNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly output: string;
  readonly alpha?: number;
}

/** A constant tensor: a layer's kernel or bias, or a scalar of an activation. */
export interface GraphConstant {
  readonly name: string;
  readonly dims: readonly number[];
  readonly values: ArrayLike<number>;
}

/** The nodes and constants of a graph, in order. */
export interface Graph {
  readonly nodes: GraphNode[];
  readonly constants: GraphConstant[];
}

/** Adds nodes to `graph` whose names start with `prefix`; `node` returns the output's name. */
function builder(graph: Graph, prefix: string) {
  let step = 0;
  return {
    node(opType: string, inputs: readonly string[], output = `${prefix}.${opType.toLowerCase()}${step++}`, alpha?: number): string {
      graph.nodes.push({ opType, inputs, output, ...(alpha === undefined ? {} : { alpha }) });
      return output;
    },
    scalar(name: string, value: number): string {
      graph.constants.push({ name: `${prefix}.${name}`, dims: [], values: [value] });
      return `${prefix}.${name}`;
    },
  };
}

/**
 * softplus(z) = max(z, 0) + log1p(e) with e = exp(-|z|), as the library
 * computes it. ONNX has no log1p, and log(1 + e) loses e's digits when e
 * is small, so log1p is taken as `log(u) · e / (u - 1)` with `u = 1 + e`,
 * exact to a few units in the last place (the rounding of u cancels), and
 * as `e` itself where u rounds to 1.
 */
function softplus64(b: ReturnType<typeof builder>, z: string, out: string): void {
  const one = b.scalar('one', 1);
  const zero = b.scalar('zero', 0);
  const e = b.node('Exp', [b.node('Neg', [b.node('Abs', [z])])]);
  const u = b.node('Add', [e, one]);
  const d = b.node('Sub', [u, one]);
  const kahan = b.node('Mul', [b.node('Log', [u]), b.node('Div', [e, d])]);
  const log1p = b.node('Where', [b.node('Equal', [d, zero]), e, kahan]);
  b.node('Add', [b.node('Relu', [z]), log1p], out);
}

/**
 * sigmoid(z) = 1 / (1 + e) for z >= 0 and e / (1 + e) below, with
 * e = exp(-|z|), as the library computes it: no exponential overflows and
 * the small values for large negative z keep their digits.
 */
function sigmoid(b: ReturnType<typeof builder>, z: string, out: string): void {
  const one = b.scalar('one', 1);
  const e = b.node('Exp', [b.node('Neg', [b.node('Abs', [z])])]);
  const numerator = b.node('Where', [b.node('Less', [z, b.scalar('zero', 0)]), e, one]);
  b.node('Div', [numerator, b.node('Add', [e, one])], out);
}

/**
 * leakyRelu(z) = relu(z) - alpha · relu(-z): z for z > 0 and alpha · z
 * otherwise, with the same single rounding as `alpha * z`.
 */
function leakyRelu64(b: ReturnType<typeof builder>, z: string, out: string, alpha: number): void {
  const scaled = b.node('Mul', [b.node('Relu', [b.node('Neg', [z])]), b.scalar('alpha', alpha)]);
  b.node('Sub', [b.node('Relu', [z]), scaled], out);
}

/** The nodes from `z` to `out` of one kind of activation; `alpha` is leakyRelu's slope. */
type ActivationNodes = (b: ReturnType<typeof builder>, z: string, out: string, dtype: OnnxDtype, alpha?: number) => void;

/** The activation's own ONNX op, as one node. */
function ownOp(opType: string): ActivationNodes {
  return (b, z, out) => {
    b.node(opType, [z], out);
  };
}

/** The nodes of each kind of activation, keyed by the activation table's Keras names and `leakyRelu`. */
const NODES: Readonly<Record<ActivationKind, ActivationNodes>> = {
  linear: ownOp('Identity'),
  sigmoid: (b, z, out) => sigmoid(b, z, out),
  tanh: ownOp('Tanh'),
  relu: ownOp('Relu'),
  softplus: (b, z, out, dtype) => (dtype === 'float64' ? softplus64(b, z, out) : ownOp('Softplus')(b, z, out, dtype)),
  leakyRelu: (b, z, out, dtype, alpha) => {
    if (dtype === 'float64') leakyRelu64(b, z, out, alpha ?? 0.01);
    else b.node('LeakyRelu', [z], out, alpha);
  },
};

/** The nodes of an activation from `z` to `out`. */
function activation(b: ReturnType<typeof builder>, spec: ActivationSpec, z: string, out: string, dtype: OnnxDtype): void {
  NODES[spec.kind](b, z, out, dtype, spec.alpha);
}

/** One layer's part of the graph: its kernel and bias, the Gemm and the activation. */
export interface GraphLayer {
  readonly inputs: number;
  readonly outputs: number;
  /** `(n + 1) × m` row-major, row 0 the bias weights. */
  readonly weights: Float64Array;
  readonly activation: ActivationSpec;
}

/**
 * The graph from `input` to `output`: layer `l` is `layer<l>.z = Gemm(x,
 * layer<l>.kernel, layer<l>.bias)` with the kernel rows 1..n of the
 * weights and the bias minus row 0, then its activation.
 */
export function buildGraph(layers: readonly GraphLayer[], dtype: OnnxDtype): Graph {
  const graph: Graph = { nodes: [], constants: [] };
  let x = 'input';
  layers.forEach(({ inputs: n, outputs: m, weights, activation: spec }, l) => {
    const prefix = `layer${l}`;
    const b = builder(graph, prefix);
    const bias = Array.from(weights.subarray(0, m), (w) => -w);
    graph.constants.push({ name: `${prefix}.kernel`, dims: [n, m], values: weights.subarray(m) });
    graph.constants.push({ name: `${prefix}.bias`, dims: [m], values: bias });
    const z = b.node('Gemm', [x, `${prefix}.kernel`, `${prefix}.bias`], `${prefix}.z`);
    const a = l === layers.length - 1 ? 'output' : `${prefix}.a`;
    activation(b, spec, z, a, dtype);
    x = a;
  });
  return graph;
}
