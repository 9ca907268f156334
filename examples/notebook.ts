/**
 * The teaching notebook's worked example, step by step, computed with the
 * library: a 2-3-1 network with bias input -1, sigmoid hidden layer, identity
 * output, loss (y - t)^2, x = (1, 2), t = 5, learning rate 0.1. Prints the
 * true value of every step the notebook works by hand, then the notebook's
 * slips in short (docs/notebook.md has the full errata).
 *
 * Run with `npx tsx examples/notebook.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Matrix } from 'mathjs';
import { Activation, Layer, Network } from '../src/index.js';

/** The notebook's V: rows bias, x1, x2; columns hidden neurons 1..3. */
const V = [
  [1, 0, -1],
  [1, 2, 0],
  [0, -2, 1],
];
/** The notebook's W: rows bias, a1, a2, a3; one output. */
const W = [[1], [2], [3], [-1]];
const x = [1, 2];
const t = [5];
const learningRate = 0.1;

/** The new V_{i,j} the notebook prints, row by row, as printed. */
const PRINTED_V = [
  ['0.31', '-0.434', '-0.9370'],
  ['1.69', '2.434', '-0.063'],
  ['1.38', '-1.132', '0.874'],
];

/** Every number of the example, as plain arrays. */
interface Steps {
  z: number[];
  a: number[];
  y: number;
  loss: number;
  outputDelta: number;
  hiddenDelta: number[];
  gradientW: number[];
  gradientV: number[][];
  newW: number[];
  newV: number[][];
}

/** Six decimals, without a "-0". */
function fmt(value: number): string {
  return (Object.is(value, -0) ? 0 : value).toFixed(6);
}

/** Numbers in six decimals, comma-separated. */
function list(values: number[]): string {
  return values.map(fmt).join(', ');
}

/** A mathjs vector as plain numbers. */
function vector(m: Matrix): number[] {
  return m.toArray() as number[];
}

/** A mathjs matrix as plain rows. */
function rows(m: Matrix): number[][] {
  return m.toArray() as number[][];
}

/** Runs the example through the public API: forward, gradient, one step. */
function compute(): Steps {
  const net = Network.create([
    Layer.create(V, Activation.sigmoid),
    Layer.create(W, Activation.identity),
  ]);
  const forward = Network.forward(net, x);
  const gradient = Network.gradient(net, x, t);
  const next = Network.sgdStep(net, x, t, { learningRate });
  return {
    z: vector(forward.layers[0].z),
    a: vector(forward.layers[0].a),
    y: vector(forward.output)[0],
    loss: gradient.loss,
    outputDelta: vector(gradient.deltas[1])[0],
    hiddenDelta: vector(gradient.deltas[0]),
    gradientW: rows(gradient.weights[1]).map(([g]) => g),
    gradientV: rows(gradient.weights[0]),
    newW: rows(next.layers[1].weights).map(([w]) => w),
    newV: rows(next.layers[0].weights),
  };
}

/** Forward pass, loss and deltas. */
function printForwardAndDeltas(s: Steps, log: (line: string) => void): void {
  log('Forward pass');
  s.z.forEach((zj, j) => log(`  z_${j + 1} = ${fmt(zj)}   a_${j + 1} = σ(z_${j + 1}) = ${fmt(s.a[j])}`));
  log(`  o = y = ${fmt(s.y)}`);
  log(`  loss (y - t)^2 = ${fmt(s.loss)}`);
  log('');
  log('Deltas');
  log(`  δ_o = 2(y - t) = ${fmt(s.outputDelta)}`);
  s.hiddenDelta.forEach((d, j) => {
    const k = j + 1;
    log(`  δ_h(${k}) = δ_o·W_{${k},1}·a_${k}(1 - a_${k}) = ${fmt(d)}`);
  });
}

/** Gradients and the weights after one step. */
function printGradientsAndWeights(s: Steps, log: (line: string) => void): void {
  log('Gradients');
  s.gradientW.forEach((g, j) => log(`  ∂L/∂W_{${j},1} = ${fmt(g)}`));
  s.gradientV.forEach((r, i) =>
    log('  ' + r.map((g, j) => `∂L/∂V_{${i},${j + 1}} = ${fmt(g)}`).join('   ')),
  );
  log('');
  log(`New weights after one step (W - ${learningRate}·∂L/∂W, V - ${learningRate}·∂L/∂V)`);
  s.newW.forEach((w, j) => log(`  W_{${j},1}: ${W[j][0]} -> ${fmt(w)}`));
  s.newV.forEach((r, i) =>
    log('  ' + r.map((v, j) => `V_{${i},${j + 1}}: ${V[i][j]} -> ${fmt(v)}`).join('   ')),
  );
}

/** The notebook's slips, one line each, with the true values computed above. */
function errata(s: Steps): string[] {
  return [
    '(a_1, a_2, a_2) -> (a_1, a_2, a_3)',
    'second "Weights from feature 1" -> "Weights from feature 2"',
    'W_{2,1} = -1 in the initial weights -> W_{3,1} = -1',
    'y = -1·W_{0,1} + ... for the signal into the output -> o = ..., then y = o',
    'a_3 = σ(z_3) = σ(z_3) -> σ(z_3) = σ(3)',
    `a_3 ≈ 0.952 (cut off) -> 0.953 (${fmt(s.a[2])})`,
    `o ≈ -0.5944 (from rounded a_j) -> -0.5950 (${fmt(s.y)})`,
    `"MSE" (-0.59 - 5)^2 ≈ 31.25 -> loss 31.30 (${fmt(s.loss)})`,
    '∇L(t, y) -> ∇L(y, t)',
    '∂L/∂W_{i,1} = 2(y - t)·a_j -> 2(y - t)·a_i',
    '"in a_i from change in z_j" -> "in a_j ..."',
    `δ_o = 2·(-5.59) = -11.18 -> -11.19 (${fmt(s.outputDelta)})`,
    'W_{0.1} -> W_{0,1}',
    `η·δ_o·a_0 = 1.118, new W_{0,1} = -0.118 -> 1.119, -0.119 (${fmt(s.newW[0])})`,
    '"W_{1,1} <-" on the W_{2,1} and W_{3,1} updates -> W_{2,1}, W_{3,1}',
    `η·δ_o·a_3 = -1.064, new W_{3,1} = 0.064 -> -1.066, 0.066 (${fmt(s.newW[3])})`,
    'output delta -13.8 in the hidden deltas (the notebook admits it) -> -11.19',
    `δ_h = -6.9, -4.34, 0.63 -> ${list(s.hiddenDelta)}`,
    ...s.newV.map((r, i) => `new V_{${i},j} = ${PRINTED_V[i].join(', ')} -> ${list(r)}`),
    '∂L/∂V_{i,j} = ∂L/∂V_{i,j}·∂y/∂V_{i,j} -> ∂L/∂y·∂y/∂V_{i,j}',
    '∂a_j/z_j -> ∂a_j/∂z_j',
    'spelling: calssification, Termnology, slided, fom, wieghts, ouput, calculte, calculatons, medthod, repace',
  ];
}

/**
 * Prints the worked example step by step with the notebook's labels
 * (z_j, a_j, y, δ_o, δ_h(j), V_{i,j}, W_{j,1}), then the errata in short.
 *
 * @param log - receives each printed line; `console.log` by default.
 */
export function printNotebook(log: (line: string) => void = console.log): void {
  const steps = compute();
  log("The notebook's worked example: 2-3-1 network, bias input -1,");
  log(`x = (${x.join(', ')}), t = ${t[0]}, learning rate ${learningRate}`);
  log('');
  printForwardAndDeltas(steps, log);
  log('');
  printGradientsAndWeights(steps, log);
  log('');
  log('Errata in short: what the notebook says -> what is right (docs/notebook.md has them all)');
  for (const line of errata(steps)) log(`  - ${line}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printNotebook();
}
