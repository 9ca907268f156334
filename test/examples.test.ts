/**
 * Tests of the scripts in examples/: each reaches its target with its fixed
 * seeds (issue 3). The targets are the issue's: the notebook's network fits
 * its example to a loss below 1e-8, XOR is classified 4/4, Iris test
 * accuracy is at least 0.93, and the mpg network beats the linear baseline.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Network, Optimizer } from '../src/index.js';
import { runDemo } from '../examples/demo.js';
import { fitNotebook } from '../examples/fit-notebook.js';
import { trainIris } from '../examples/iris.js';
import { fitLinear, loadCars, rmse, trainMpg } from '../examples/mpg.js';
import { XOR_INPUTS, trainXor } from '../examples/xor.js';

describe('examples/fit-notebook.ts', () => {
  it('fitNotebook() trains the notebook network to a loss below 1e-8 on x = (1, 2), t = 5', () => {
    const result = fitNotebook();
    expect(result.finalLoss).toBeLessThan(1e-8);
    expect(Math.abs(result.output - 5)).toBeLessThan(1e-4);
    // notebook: the first epoch's loss is the worked example's (y - t)^2 ≈ 31.30
    expect(result.losses[0]).toBeCloseTo(31.3036, 4);
    expect(result.losses.length).toBeLessThan(1000);
  });
});

describe('examples/xor.ts', () => {
  it('trainXor() classifies all 4 points', () => {
    const result = trainXor();
    expect(result.correct).toBe(4);
    expect(Network.predictClass(result.network, XOR_INPUTS)).toEqual([0, 1, 1, 0]);
  });
});

describe('examples/iris.ts', () => {
  it('trainIris() reaches a test accuracy of at least 0.93 on a stratified 120/30 split', () => {
    const result = trainIris();
    expect([result.trainSize, result.testSize]).toEqual([120, 30]);
    expect(result.testAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(result.losses[result.losses.length - 1]).toBeLessThan(result.losses[0]);
    // Stratified: 10 test flowers of each species, so each row of the confusion matrix sums to 10.
    expect(result.testConfusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([10, 10, 10]);
    expect((result.testConfusion[0][0] + result.testConfusion[1][1] + result.testConfusion[2][2]) / 30).toBe(result.testAccuracy);
  });
});

describe('examples/iris.ts with Adam', () => {
  // Measured: Optimizer.adam({ learningRate: 0.01 }), seed 3, 100 epochs gives
  // 29 of 30 test flowers (0.967), as plain SGD does; the threshold leaves one
  // more flower of margin, not more.
  it('trainIris() with Adam reaches a test accuracy of at least 0.93', () => {
    const result = trainIris({ step: { optimizer: Optimizer.adam({ learningRate: 0.01 }) } });
    expect(result.testAccuracy).toBeGreaterThanOrEqual(0.93);
  });
});

describe('examples/mpg.ts', () => {
  it('loadCars() keeps the 392 cars with no missing value', () => {
    const { inputs, targets } = loadCars();
    expect(inputs).toHaveLength(392);
    expect(targets).toHaveLength(392);
    expect(inputs.flat().every(Number.isFinite)).toBe(true);
  });

  it('fitLinear() recovers an exact linear relation (by hand: y = 1 + 2 x1 - 3 x2)', () => {
    const inputs = [[0, 0], [1, 0], [0, 1], [2, 3]];
    const predict = fitLinear(inputs, inputs.map(([a, b]) => [1 + 2 * a - 3 * b]));
    expect(rmse(predict([[5, 5]]), [[1 + 10 - 15]])).toBeLessThan(1e-12);
  });

  it('trainMpg() beats the linear least-squares baseline on test RMSE in mpg', () => {
    const result = trainMpg();
    expect([result.trainSize, result.testSize]).toEqual([314, 78]);
    expect(result.networkRmse).toBeLessThan(result.linearRmse);
  });

  // Measured (seed 1, 200 epochs): test RMSE 3.49 mpg with plain SGD at 0.01,
  // 3.49 with Adam at 0.01, against 3.64 for the linear baseline. Asserted:
  // below 3.6 and below the baseline.
  it('trainMpg() with Adam beats the linear baseline, at a test RMSE below 3.6 mpg', () => {
    const result = trainMpg(1, { optimizer: Optimizer.adam({ learningRate: 0.01 }) });
    expect(result.networkRmse).toBeLessThan(3.6);
    expect(result.networkRmse).toBeLessThan(result.linearRmse);
  });
});

describe('examples/demo.ts', () => {
  it('runDemo() tells the notebook step as plain text, trains Iris, prints the accuracy and the paths it wrote', () => {
    const out = mkdtempSync(join(tmpdir(), 'mathjs-backprop-demo-'));
    try {
      const lines: string[] = [];
      const { testAccuracy, files } = runDemo({ log: (line) => lines.push(line), epochs: 20, out });
      // The notebook's numbers, by hand in docs/notebook.md (and test/fixtures/notebook-golden): z = (0, -2, 3),
      // y = -0.594965, loss (y - t)^2 = 31.303637, output delta 2(y - t) = -11.189931, new W_{0,1} = -0.118993.
      expect(lines).toContain('  hidden layer 1 (sigmoid): z = (0, -2, 3), a = (0.5, 0.119203, 0.952574)');
      expect(lines).toContain('  output y = (-0.594965), loss squaredError = 31.303637');
      expect(lines).toContain('  output layer: delta = dL/dz = (-11.189931)');
      expect(lines).toContain('  hidden layer 1: delta = dL/dz = (-5.594965, -3.524613, 0.505524)');
      expect(lines).toContain('  output layer: new weights [[-0.118993], [2.559497], [3.133387], [0.065924]]');
      expect(lines).toContain('2. Iris: a 4-8-3 network (tanh, softmax cross-entropy), 20 epochs on 120 flowers');
      const accuracyLine = lines.find((line) => line.startsWith('  test accuracy '));
      expect(accuracyLine).toBe(`  test accuracy ${(100 * testAccuracy).toFixed(1)} % (30 flowers)`);
      expect(testAccuracy).toBeGreaterThan(0.6);
      // No LaTeX and no line per epoch in the terminal story: it stays short.
      expect(lines.some((line) => line.includes('\\') || line.includes('$'))).toBe(false);
      expect(lines.length).toBeLessThan(30);
      expect(files.map((f) => basename(f))).toEqual(['notebook-step.md', 'notebook-step.svg', 'iris-loss.svg', 'xor-boundary.svg']);
      for (const file of files) {
        expect(existsSync(file)).toBe(true);
        expect(lines.some((line) => line.startsWith(`  ${file}: `))).toBe(true);
      }
      expect(readFileSync(files[0], 'utf8')).toContain('31.3036');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
