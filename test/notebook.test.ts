/**
 * Golden tests of the teaching notebook's worked example
 * (shared/seed/backprop-notebook.md): a 2-3-1 network with bias input -1,
 * sigmoid hidden layer, identity output, loss (y - t)^2, x = (1, 2), t = 5,
 * learning rate 0.1.
 *
 * Sources of expected values:
 * - `setup`, `golden`, `slip`: test/fixtures/notebook-golden.py, 50-digit
 *   decimal arithmetic, independent of src/ (the script's output is
 *   test/fixtures/notebook-golden.ts).
 * - Literals marked "notebook:": numbers printed in the notebook, quoted with
 *   the line they come from and compared at the precision printed.
 */
import { describe, expect, it } from 'vitest';
import { Activation, Layer, Network } from '../src/index.js';
import { printNotebook } from '../examples/notebook.js';
import { setup, golden, slip } from './fixtures/notebook-golden.js';
import { expectMatrixClose, toNested, type Nested } from './support/helpers.js';

/** Agreement with the 50-digit golden values: a few ulps; exact zeros to 1e-15. */
const TRUE = { rtol: 1e-12, atol: 1e-15 };

/**
 * Agreement with a number the notebook prints with `places` decimals: the
 * true value must round to it, i.e. lie within half a unit of its last place.
 */
function printedTo(places: number): { rtol: number; atol: number } {
  return { rtol: 0, atol: 0.5 * 10 ** -places };
}

/** A fresh copy, so that no test can see another test's mutation. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The notebook's network: V with sigmoid, then W with identity. */
function notebookNetwork(): Network {
  return Network.create([
    Layer.create(copy(setup.V), Activation.sigmoid),
    Layer.create(copy(setup.W), Activation.identity),
  ]);
}

/** Wraps a 1-D golden vector as the single row of a batch. */
function row(values: number[]): number[][] {
  return [values];
}

describe('the notebook example with one example (1-D input)', () => {
  const x = copy(setup.x);
  const t = copy(setup.t);

  it('gives the hidden z and a from Network.forward (script)', () => {
    const hidden = Network.forward(notebookNetwork(), x).layers[0];
    expectMatrixClose(hidden.input, setup.x, TRUE);
    expectMatrixClose(hidden.z, golden.hiddenZ, TRUE);
    expectMatrixClose(hidden.a, golden.hiddenA, TRUE);
  });

  it('gives o = y at the output layer from Network.forward and Network.predict (script)', () => {
    const result = Network.forward(notebookNetwork(), x);
    const output = result.layers[1];
    expectMatrixClose(output.input, golden.hiddenA, TRUE);
    expectMatrixClose(output.z, golden.outputZ, TRUE);
    expectMatrixClose(output.a, golden.y, TRUE);
    expectMatrixClose(result.output, golden.y, TRUE);
    expectMatrixClose(Network.predict(notebookNetwork(), x), golden.y, TRUE);
  });

  it('gives the loss, the deltas and dL/dV, dL/dW from Network.gradient (script)', () => {
    const result = Network.gradient(notebookNetwork(), x, t);
    expectMatrixClose(result.loss, golden.loss, TRUE);
    expectMatrixClose(result.output, golden.y, TRUE);
    expectMatrixClose(result.deltas[1], golden.outputDelta, TRUE);
    expectMatrixClose(result.deltas[0], golden.hiddenDelta, TRUE);
    expectMatrixClose(result.weights[1], golden.gradientW, TRUE);
    expectMatrixClose(result.weights[0], golden.gradientV, TRUE);
  });

  it('returns V and W after one Network.sgdStep with learning rate 0.1 (script)', () => {
    const next = Network.sgdStep(notebookNetwork(), x, t, { learningRate: setup.learningRate });
    expectMatrixClose(next.layers[0].weights, golden.updatedV, TRUE);
    expectMatrixClose(next.layers[1].weights, golden.updatedW, TRUE);
  });

  it('leaves the network and the inputs of Network.sgdStep unchanged', () => {
    const net = notebookNetwork();
    const xBefore = copy(x);
    const tBefore = copy(t);
    Network.sgdStep(net, x, t, { learningRate: setup.learningRate });
    expectMatrixClose(net.layers[0].weights, setup.V, { rtol: 0, atol: 0 });
    expectMatrixClose(net.layers[1].weights, setup.W, { rtol: 0, atol: 0 });
    expect(x).toEqual(xBefore);
    expect(t).toEqual(tBefore);
  });

  it('chains Layer.gradient by hand to the same deltas and gradients (script)', () => {
    const [hiddenLayer, outputLayer] = notebookNetwork().layers;
    const hiddenForward = Layer.forward(hiddenLayer, x);
    const outputForward = Layer.forward(outputLayer, hiddenForward.a);
    expectMatrixClose(outputForward.a, golden.y, TRUE);

    // dL/dy = 2 (y - t) is the upstream of the identity output layer.
    const output = Layer.gradient(outputLayer, outputForward, golden.outputDelta);
    expectMatrixClose(output.delta, golden.outputDelta, TRUE);
    expectMatrixClose(output.weights, golden.gradientW, TRUE);
    expectMatrixClose(output.input, golden.hiddenUpstream, TRUE);

    const hidden = Layer.gradient(hiddenLayer, hiddenForward, output.input);
    expectMatrixClose(hidden.delta, golden.hiddenDelta, TRUE);
    expectMatrixClose(hidden.weights, golden.gradientV, TRUE);

    const stepped = Layer.sgdStep(hiddenLayer, hidden.weights, setup.learningRate);
    expectMatrixClose(stepped.weights, golden.updatedV, TRUE);
  });
});

describe('the notebook example as a batch of one (2-D input)', () => {
  const x = row(setup.x);
  const t = row(setup.t);

  it('gives 1 x n rows of the golden z, a and y from Network.forward (script)', () => {
    const result = Network.forward(notebookNetwork(), x);
    expectMatrixClose(result.layers[0].z, row(golden.hiddenZ), TRUE);
    expectMatrixClose(result.layers[0].a, row(golden.hiddenA), TRUE);
    expectMatrixClose(result.layers[1].z, row(golden.outputZ), TRUE);
    expectMatrixClose(result.output, row(golden.y), TRUE);
  });

  it('gives the same loss, 1 x n deltas and gradients from Network.gradient (script)', () => {
    const result = Network.gradient(notebookNetwork(), x, t);
    expectMatrixClose(result.loss, golden.loss, TRUE);
    expectMatrixClose(result.output, row(golden.y), TRUE);
    expectMatrixClose(result.deltas[1], row(golden.outputDelta), TRUE);
    expectMatrixClose(result.deltas[0], row(golden.hiddenDelta), TRUE);
    expectMatrixClose(result.weights[1], golden.gradientW, TRUE);
    expectMatrixClose(result.weights[0], golden.gradientV, TRUE);
  });

  it('gives the same new weights from Network.sgdStep (script)', () => {
    const next = Network.sgdStep(notebookNetwork(), x, t, { learningRate: setup.learningRate });
    expectMatrixClose(next.layers[0].weights, golden.updatedV, TRUE);
    expectMatrixClose(next.layers[1].weights, golden.updatedW, TRUE);
  });

  it('agrees entry for entry with the 1-D computation', () => {
    const single = Network.gradient(notebookNetwork(), copy(setup.x), copy(setup.t));
    const batch = Network.gradient(notebookNetwork(), x, t);
    expect(batch.loss).toBe(single.loss);
    expect(toNested(batch.output)).toEqual([toNested(single.output)]);
    for (const i of [0, 1]) {
      expect(toNested(batch.deltas[i])).toEqual([toNested(single.deltas[i])]);
      expect(toNested(batch.weights[i])).toEqual(toNested(single.weights[i]));
    }
  });
});

describe("the notebook's printed numbers", () => {
  const forward = () => Network.forward(notebookNetwork(), copy(setup.x));
  const gradient = () => Network.gradient(notebookNetwork(), copy(setup.x), copy(setup.t));
  const stepped = () =>
    Network.sgdStep(notebookNetwork(), copy(setup.x), copy(setup.t), { learningRate: 0.1 });

  it('matches z = (0, -2, 3) exactly', () => {
    // notebook: "z_1 = ... = 0", "z_2 = ... = -2", "z_3 = ... = 3"
    expectMatrixClose(forward().layers[0].z, [0, -2, 3], { rtol: 0, atol: 1e-15 });
  });

  it('matches a_1 = 0.5 and a_2 ≈ 0.1192', () => {
    // notebook: "a_1 = σ(z_1) = σ(0) = 0.5", "a_2 = σ(z_2) = σ(-2) ≈ 0.1192"
    const a = toNested(forward().layers[0].a) as number[];
    expectMatrixClose(a[0], 0.5, { rtol: 0, atol: 1e-15 });
    expectMatrixClose(a[1], 0.1192, printedTo(4));
  });

  it('rounds a_3 to 0.953, not the printed 0.952 (a truncation)', () => {
    // notebook: "a_3 = σ(z_3) = σ(z_3) ≈ 0.952"; true 0.95257... (script)
    const a3 = (toNested(forward().layers[0].a) as number[])[2];
    expectMatrixClose(a3, 0.953, printedTo(3));
    expect(Math.abs(a3 - 0.952)).toBeGreaterThan(0.0005);
  });

  it('matches y ≈ -0.59 at two places', () => {
    // notebook: "the prediction was -0.59", "we found y = -0.59"
    expectMatrixClose(forward().output, [-0.59], printedTo(2));
  });

  it('gives o = y ≈ -0.5950, while the printed -0.5944 comes from the rounded a_j', () => {
    // notebook: "o = -1·1 + 0.5·2 + 0.1192·3 + 0.952·-1 ≈ -0.5944"
    expectMatrixClose(forward().output, [-0.595], printedTo(4));
    expect(Math.abs(golden.y[0] - -0.5944)).toBeGreaterThan(0.00005);
    const outputLayer = notebookNetwork().layers[1];
    const fromRounded = Layer.forward(outputLayer, [0.5, 0.1192, 0.952]);
    expectMatrixClose(fromRounded.a, [-0.5944], { rtol: 1e-12, atol: 0 });
  });

  it('gives the loss 31.30, while the printed 31.25 comes from squaring the rounded y', () => {
    // notebook: "This gives an MSE of (-0.59 - 5)^2 ≈ 31.25"
    const loss = gradient().loss;
    expectMatrixClose(loss, 31.3, printedTo(2));
    expect(Math.abs(loss - 31.25)).toBeGreaterThan(0.005);
    // An identity layer passing y = -0.59 straight through reproduces the slip.
    const passThrough = Network.create([Layer.create([[0], [1]], Activation.identity)]);
    const rounded = Network.gradient(passThrough, [-0.59], [5]);
    expectMatrixClose(rounded.loss, 31.2481, { rtol: 1e-12, atol: 0 });
    expectMatrixClose(rounded.loss, 31.25, printedTo(2));
  });

  it('gives delta_o = -11.19, while the printed -11.18 is 2·(-5.59)', () => {
    // notebook: "δ_o = 2(y - t) = 2·(-5.59) = -11.18"
    const deltaO = toNested(gradient().deltas[1]) as number[];
    expectMatrixClose(deltaO, [-11.19], printedTo(2));
    expect(Math.abs(deltaO[0] - -11.18)).toBeGreaterThan(0.005);
    const passThrough = Network.create([Layer.create([[0], [1]], Activation.identity)]);
    expectMatrixClose(Network.gradient(passThrough, [-0.59], [5]).deltas[0], [-11.18], {
      rtol: 1e-12,
      atol: 0,
    });
  });

  it('matches the printed W_{1,1} and W_{2,1} steps and updates at three places', () => {
    // notebook: "η·δ_o·a_1 = 0.1·-11.18·0.5 = -0.559", "W_{1,1} ← 2 - (-0.559) = 2.559"
    // notebook: "η·δ_o·a_2 = 0.1·-11.18·0.119 = -0.133", "... ← 3 - (-0.133) = 3.133"
    const etaGradient = (toNested(gradient().weights[1]) as number[][]).map(([g]) => 0.1 * g);
    expectMatrixClose(etaGradient.slice(1, 3), [-0.559, -0.133], printedTo(3));
    const w = toNested(stepped().layers[1].weights) as number[][];
    expectMatrixClose(w.slice(1, 3), [[2.559], [3.133]], printedTo(3));
  });

  it('gives W_{0,1} = -0.119 and W_{3,1} = 0.066, not the printed -0.118 and 0.064', () => {
    // notebook: "η·δ_o·a_0 = 1.118", "W_{0.1} ← 1 - 1.118 = -0.118"
    // notebook: "η·δ_o·a_3 = 0.1·-11.18·0.952 = -1.064", "... ← -1 - (-1.064) = 0.064"
    const etaGradient = (toNested(gradient().weights[1]) as number[][]).map(([g]) => 0.1 * g);
    expectMatrixClose([etaGradient[0], etaGradient[3]], [1.119, -1.066], printedTo(3));
    const w = toNested(stepped().layers[1].weights) as number[][];
    expectMatrixClose([w[0], w[3]], [[-0.119], [0.066]], printedTo(3));
    expect(Math.abs(w[0][0] - -0.118)).toBeGreaterThan(0.0005);
    expect(Math.abs(w[3][0] - 0.064)).toBeGreaterThan(0.0005);
  });

  it('reproduces all four printed W updates from delta_o = -11.18 and a = (0.5, 0.119, 0.952)', () => {
    // notebook: W_{0,1} = -0.118, W_{1,1} = 2.559, W_{2,1} = 3.133, W_{3,1} = 0.064
    const outputLayer = notebookNetwork().layers[1];
    const forwardRounded = Layer.forward(outputLayer, [0.5, 0.119, 0.952]);
    const { weights } = Layer.gradient(outputLayer, forwardRounded, [-11.18]);
    const next = Layer.sgdStep(outputLayer, weights, 0.1);
    expectMatrixClose(next.weights, [[-0.118], [2.559], [3.133], [0.064]], printedTo(3));
  });
});

describe("the notebook's slip", () => {
  const hiddenLayer = () => notebookNetwork().layers[0];
  const hiddenForward = () => Layer.forward(hiddenLayer(), copy(setup.x));
  // The output delta -13.8 times the old W_{j,1}, j = 1..3 (script: slip.hiddenUpstream).
  const upstream = [-13.8 * 2, -13.8 * 3, -13.8 * -1];

  it('gives the deltas the script derives from Layer.gradient with upstream -13.8·(2, 3, -1)', () => {
    expectMatrixClose(upstream, slip.hiddenUpstream, TRUE);
    const { delta } = Layer.gradient(hiddenLayer(), hiddenForward(), upstream);
    expectMatrixClose(delta, slip.hiddenDelta, TRUE);
  });

  it('gives the printed -6.9, -4.34, 0.63 within 0.01 from Layer.gradient with upstream -13.8·(2, 3, -1)', () => {
    // notebook: "δ_h(1) = -6.9", "δ_h(2) = -4.34", "δ_h(3) = 0.63".
    // The notebook multiplied by a_2 = 0.119 and a_3 = 0.952; with the true a_j
    // the deltas are -6.9, -4.3467, 0.6234 (script), so the last two are
    // within 0.007 of the print, not correctly rounded.
    const { delta } = Layer.gradient(hiddenLayer(), hiddenForward(), upstream);
    expectMatrixClose(delta, [-6.9, -4.34, 0.63], { rtol: 0, atol: 0.01 });
  });

  it('reproduces the printed V exactly from the printed deltas with Layer.sgdStep', () => {
    // notebook: V_{0,j} = 0.31, -0.434, -0.9370; V_{1,j} = 1.69, 2.434, -0.063;
    // V_{2,j} = 1.38, -1.132, 0.874 (each "V - η·δ_h(j)·x_i").
    const printedDelta = slip.printedHiddenDelta;
    const xin = golden.hiddenInputWithBias;
    const weightGradient = xin.map((xi) => printedDelta.map((d) => d * xi));
    const next = Layer.sgdStep(hiddenLayer(), weightGradient, 0.1);
    const printedV = [
      [0.31, -0.434, -0.937],
      [1.69, 2.434, -0.063],
      [1.38, -1.132, 0.874],
    ];
    expectMatrixClose(next.weights, printedV, { rtol: 1e-12, atol: 1e-15 });
  });

  it('gives the printed V within 0.0014 from -13.8 through Layer.gradient and Layer.sgdStep', () => {
    // The deltas differ from the print by at most 0.0068 (previous test), and
    // η·|x_i| <= 0.2, so each V differs by at most 0.0014 (script: V_{2,2}
    // -1.13065 against the printed -1.132).
    const { weights } = Layer.gradient(hiddenLayer(), hiddenForward(), upstream);
    expectMatrixClose(weights, outerWithBias(slip.hiddenDelta), TRUE);
    const next = Layer.sgdStep(hiddenLayer(), weights, 0.1);
    expectMatrixClose(next.weights, slip.updatedV, TRUE);
    expectMatrixClose(next.weights, slip.printedUpdatedV, { rtol: 0, atol: 0.0014 });
  });

  it('gives a true V from Network.sgdStep that differs from every printed entry by more than 0.01', () => {
    const next = Network.sgdStep(notebookNetwork(), copy(setup.x), copy(setup.t), {
      learningRate: 0.1,
    });
    const trueV = toNested(next.layers[0].weights) as number[][];
    expectMatrixClose(trueV, golden.updatedV, TRUE);
    const gaps = trueV.flatMap((r, i) => r.map((v, j) => Math.abs(v - slip.printedUpdatedV[i][j])));
    // script: the smallest gap is |V_{0,3}| = |-0.94945 - (-0.937)| = 0.01245
    expect(Math.min(...gaps)).toBeGreaterThan(0.01);
  });
});

describe('printNotebook (examples/notebook.ts)', () => {
  it('prints the true numbers of each step and the errata', () => {
    const lines: string[] = [];
    printNotebook((line) => lines.push(line));
    const text = lines.join('\n');
    // script: y = -0.5949653..., loss 31.3036373..., delta_o = -11.1899307...,
    // delta_h(2) = -3.5246128..., new W_{3,1} = 0.0659238..., new V_{0,1} = 0.4405034...
    for (const value of ['-0.594965', '31.30363', '-11.18993', '-3.524613', '0.065924', '0.440503']) {
      expect(text).toContain(value);
    }
    expect(text).toContain('V_{2,2}');
    expect(text).toContain('W_{3,1}');
    expect(text).toMatch(/errata/i);
    expect(text).toContain('-13.8');
    expect(text).not.toMatch(/NaN|undefined/);
  });
});

/** outer([-1, x1, x2], delta): the weight gradient a delta row implies. */
function outerWithBias(delta: number[]): Nested {
  return golden.hiddenInputWithBias.map((xi) => delta.map((d) => d * xi));
}
