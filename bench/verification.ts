/**
 * `npm run bench:verify`: what the whole-network gradient checks cost on
 * 784-128-10 (sigmoid hidden layer, identity output, one example):
 * `directionalCheck` and `taylorTest` against a full `gradientCheck`, in
 * float64 and with the BigNumber reference, as times and ratios.
 *
 *   tsx bench/verification.ts [--quick]
 *
 * --quick  skips the full float64 gradientCheck (about a minute) and
 *          estimates it from a sampled one instead
 *
 * The full BigNumber gradientCheck of this network is refused by design
 * (over BIG_LIMIT); its time is estimated from a sampled check, per entry
 * and layer, times the number of weights.
 */
import { performance } from 'node:perf_hooks';
import { directionalCheck, gradientCheck, Network, taylorTest } from '../src/index.js';
import { createRandom } from '../src/engine/random.js';
import { modelOf } from '../src/model/network-record.js';
import { bigOperations } from '../src/verify/sampling.js';

const quick = process.argv.includes('--quick');
const net = Network.init([784, 128, 10], { seed: 12 });
const random = createRandom(34);
const x = Array.from({ length: 784 }, () => random.nextDouble());
const t = Array.from({ length: 10 }, (_, k) => (k === 3 ? 1 : 0));
const weights = net.layers.map((l) => (l.inputSize + 1) * l.outputSize);

/** The median of `repeats` timings of `run`, in seconds. */
function time(run: () => unknown, repeats = 3): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/**
 * A full check's time from a sampled one, scaled by cost: by the number of
 * entries in float64 (every difference is a whole forward pass), by the
 * BigNumber multiply-adds with the BigNumber reference (a weight's pass
 * starts at its own layer and neuron).
 */
function estimateFull(reference: 'float64' | 'bignumber', sample: number): number {
  const options = { reference, sample } as const;
  const seconds = time(() => gradientCheck(net, x, t, options), 1);
  const { cost } = gradientCheck(net, x, t, options);
  const model = modelOf(net, 'bench');
  const all = weights.map((w) => Array.from({ length: w }, (_, k) => k));
  const ratio = reference === 'bignumber'
    ? bigOperations(model, 1, all, 0) / cost.bigOperations
    : (weights[0] + weights[1]) / (cost.checked[0] + cost.checked[1]);
  return seconds * ratio;
}

const lines: string[] = [];
const row = (name: string, seconds: number, passes: string, full: number) =>
  lines.push(`| ${name} | ${seconds < 1 ? seconds.toFixed(4) : seconds.toFixed(1)} s | ${passes} | ${(full / seconds).toFixed(0)}x |`);

const directional = time(() => directionalCheck(net, x, t));
const taylor = time(() => taylorTest(net, x, t));
const full = quick ? estimateFull('float64', 400) : time(() => gradientCheck(net, x, t), 1);
const bigDirectional = time(() => directionalCheck(net, x, t, { reference: 'bignumber' }), 1);
const bigTaylor = time(() => taylorTest(net, x, t, { reference: 'bignumber' }), 1);
const bigFull = estimateFull('bignumber', 20);

lines.push(`784-128-10, one example, ${weights[0] + weights[1]} weights${quick ? ' (--quick: the full float64 check estimated)' : ''}`, '');
lines.push('| check | time | forward passes | full gradientCheck / this |', '|---|---|---|---|');
row('gradientCheck, float64, every weight', full, `${2 * (weights[0] + weights[1])}`, full);
row('directionalCheck, float64 (3 directions)', directional, `${directionalCheck(net, x, t).forwardPasses}`, full);
row('taylorTest, float64 (8 halvings)', taylor, `${taylorTest(net, x, t).forwardPasses}`, full);
row('gradientCheck, BigNumber, every weight (estimated; refused without sample)', bigFull, `${2 * (weights[0] + weights[1])}`, bigFull);
row('directionalCheck, BigNumber', bigDirectional, '12', bigFull);
row('taylorTest, BigNumber', bigTaylor, '27', bigFull);
console.log(lines.join('\n'));
