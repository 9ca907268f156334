/**
 * The Markdown of an optimiser's step in a worked example: for each weight,
 * the gradient, the buffers' updates (momentum's `b`; Adam's `m`, `v`, the
 * bias corrections `m̂`, `v̂`; RMSprop's `v`) and the new weight, each
 * formula in symbols, with the numbers put in, then its value. Used by
 * `explanationToMarkdown` in place of plain SGD's update section.
 */
import type { AnyOptimizer } from '../optim/types.js';
import type { OptimizerLayerExplanation } from './optimizer-step.js';
import { alignedBlock, latexFactor, latexNumber, markdownCode } from './latex.js';
import { layerName, type Context } from './walkthrough.js';

type Rows = readonly (readonly number[])[];

/** `left &= symbols = numbers = value`. */
function line(left: string, parts: readonly string[]): string {
  return `${left} &= ${parts.join(' = ')}`;
}

/** The settings in words, for the intro: "Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8". */
export function optimizerIntro(c: Context): string {
  const o = c.e.optimizer!;
  const s = o.settings;
  const n = (x: number) => `$${latexNumber(x, c.d)}$`;
  const decay = s.weightDecay === 0 ? '' : `, weight decay $\\lambda = ${latexNumber(s.weightDecay, c.d)}$${s.decayBias ? ' (bias row too)' : ' (not on the bias row)'}`;
  const what: Record<AnyOptimizer['name'], () => string> = {
    sgd: () => (s.name === 'sgd' && s.momentum > 0 ? `SGD with momentum $\\mu$ = ${n(s.momentum)}, dampening ${n(s.dampening)}${s.nesterov ? ', Nesterov' : ''}` : 'plain SGD'),
    adam: () => (s.name === 'adam' ? `Adam with $\\beta_1$ = ${n(s.beta1)}, $\\beta_2$ = ${n(s.beta2)}, $\\epsilon$ = ${n(s.epsilon)}` : ''),
    adamW: () => (s.name === 'adamW' ? `AdamW with $\\beta_1$ = ${n(s.beta1)}, $\\beta_2$ = ${n(s.beta2)}, $\\epsilon$ = ${n(s.epsilon)}` : ''),
    rmsprop: () => (s.name === 'rmsprop' ? `RMSprop with $\\alpha$ = ${n(s.alpha)}, $\\epsilon$ = ${n(s.epsilon)}, momentum ${n(s.momentum)}` : ''),
  };
  const corrections = o.corrections
    ? ` The bias corrections of step $t = ${o.step}$ are $1 - \\beta_1^{${o.step}} = ${latexNumber(o.corrections.beta1, c.d)}$ and $1 - \\beta_2^{${o.step}} = ${latexNumber(o.corrections.beta2, c.d)}$.`
    : '';
  return `The update is the optimiser ${markdownCode(s.name)}: ${what[s.name]()}${decay}, at its step $t = ${o.step}$ (the buffers before it are ${o.step === 1 ? 'all zeros' : 'those of the state given'}).${corrections}`;
}

/** The lines of one weight's step, after the line of its gradient. */
function stepLines(c: Context, s: AnyOptimizer, opt: OptimizerLayerExplanation, w: string, old: number, i: number, j: number, updated: number): string[] {
  const v = (x: number) => latexFactor(x, c.d);
  const at = (rows: Rows) => rows[i][j];
  const g = at(opt.gradient);
  const eta = latexNumber(s.learningRate, c.d);
  const next = latexNumber(updated, c.d);
  if (s.name === 'adam' || s.name === 'adamW') {
    const [m0, v0, m, vv] = [at(opt.previous.firstMoment), at(opt.previous.secondMoment), at(opt.buffers.firstMoment), at(opt.buffers.secondMoment)];
    const [mHat, vHat] = [at(opt.firstMomentHat!), at(opt.secondMomentHat!)];
    const { beta1: c1, beta2: c2 } = c.e.optimizer!.corrections!;
    const decayed = s.name === 'adamW' && s.weightDecay !== 0 ? `(1 - \\eta\\lambda) ${w}` : w;
    return [
      line('m', [`\\beta_1 m + (1 - \\beta_1)\\, g`, `${latexNumber(s.beta1, c.d)} \\cdot ${v(m0)} + ${latexNumber(1 - s.beta1, c.d)} \\cdot ${v(g)}`, latexNumber(m, c.d)]),
      line('v', [`\\beta_2 v + (1 - \\beta_2)\\, g^2`, `${latexNumber(s.beta2, c.d)} \\cdot ${v(v0)} + ${latexNumber(1 - s.beta2, c.d)} \\cdot ${v(g)}^2`, latexNumber(vv, c.d)]),
      line('\\hat{m}', [`m / (1 - \\beta_1^t)`, `${v(m)} / ${v(c1)}`, latexNumber(mHat, c.d)]),
      line('\\hat{v}', [`v / (1 - \\beta_2^t)`, `${v(vv)} / ${v(c2)}`, latexNumber(vHat, c.d)]),
      `${w} &\\leftarrow ${[`${decayed} - \\eta\\, \\hat{m} / (\\sqrt{\\hat{v}} + \\epsilon)`, `${latexNumber(old, c.d)}${decayed === w ? '' : ' \\cdot ' + latexFactor(1 - s.learningRate * s.weightDecay, c.d)} - ${eta} \\cdot ${v(mHat)} / (\\sqrt{${latexNumber(vHat, c.d)}} + ${latexNumber(s.epsilon, c.d)})`, next].join(' = ')}`,
    ];
  }
  if (s.name === 'sgd' && s.momentum > 0) {
    const [b0, b] = [at(opt.previous.momentum), at(opt.buffers.momentum)];
    const first = c.e.optimizer!.step === 1;
    const bLine = first
      ? line('b', ['g \\text{ (the first step)}', latexNumber(b, c.d)])
      : line('b', [`\\mu b + (1 - \\text{dampening})\\, g`, `${latexNumber(s.momentum, c.d)} \\cdot ${v(b0)} + ${latexNumber(1 - s.dampening, c.d)} \\cdot ${v(g)}`, latexNumber(b, c.d)]);
    const direction = s.nesterov ? 'g + \\mu b' : 'b';
    const numbers = s.nesterov ? `(${latexNumber(g, c.d)} + ${latexNumber(s.momentum, c.d)} \\cdot ${v(b)})` : v(b);
    return [bLine, `${w} &\\leftarrow ${[`${w} - \\eta\\, (${direction})`, `${latexNumber(old, c.d)} - ${eta} \\cdot ${numbers}`, next].join(' = ')}`];
  }
  if (s.name === 'rmsprop') {
    const [v0, vv] = [at(opt.previous.squareAverage), at(opt.buffers.squareAverage)];
    const vLine = line('v', [`\\alpha v + (1 - \\alpha)\\, g^2`, `${latexNumber(s.alpha, c.d)} \\cdot ${v(v0)} + ${latexNumber(1 - s.alpha, c.d)} \\cdot ${v(g)}^2`, latexNumber(vv, c.d)]);
    return [vLine, `${w} &\\leftarrow ${[`${w} - \\eta\\, \\text{step}`, next].join(' = ')}`];
  }
  return [`${w} &\\leftarrow ${[`${w} - \\eta\\, g`, `${latexNumber(old, c.d)} - ${eta} \\cdot ${v(g)}`, next].join(' = ')}`];
}

/** The optimiser's step of every weight of layer `l`: one aligned block per weight. */
export function optimizerUpdateSection(c: Context, l: number): string {
  const layer = c.e.layers[l];
  const opt = layer.optimizer!;
  const s = c.e.optimizer!.settings;
  const title = c.n.name === 'notebook' ? (l === c.last ? 'The new output weights' : 'The new hidden-layer weights') : `The new weights of layer ${l + 1}`;
  const blocks = layer.weights.flatMap((row, i) => row.map((old, j) => {
    const w = c.n.weight(l, i, j);
    const input = i === 0 ? '(-1)' : c.n.input(l, i);
    const decay = opt.gradient[i][j] !== layer.gradient[i][j] ? ` + \\lambda ${w}` : '';
    const gLine = line('g', [`\\partial \\mathcal{L} / \\partial ${w}${decay}`, `${c.n.delta(l, j)} \\cdot ${input}${decay}`, latexNumber(opt.gradient[i][j], c.d)]);
    return `Weight $${w}$:\n\n` + alignedBlock([gLine, ...stepLines(c, s, opt, w, old, i, j, layer.updatedWeights[i][j])]);
  }));
  const parts = [
    `## ${title}`,
    `Each weight of ${layerName(c, l)} takes the step of ${markdownCode(s.name)} from its gradient $g$ (the delta of neuron $j$ times input $i$, $-1$ for the bias) and its own buffers, with $\\eta = ${latexNumber(s.learningRate, c.d)}$:`,
    ...blocks,
  ];
  if (l > 0) parts.push(`These are the new weights of ${layerName(c, l)}, but the deltas of ${layerName(c, l - 1)} below are computed with the old ones.`);
  return parts.join('\n\n');
}
