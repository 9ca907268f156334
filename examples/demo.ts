/**
 * `npm run demo`: a short story in the terminal. The notebook's worked
 * example as plain text (from `Network.explain`), a 4-8-3 network trained
 * on Iris with a progress bar, its accuracy, and the files written for the
 * reader to open: the step as Markdown with its formulas
 * (`explanationToMarkdown`), the notebook's network as a picture
 * (`networkToSVG`), the Iris loss curve (`lossCurveToSVG`) and the XOR
 * decision boundary (`decisionBoundaryToSVG`). Takes a few seconds.
 *
 * `npm run demo -- --epochs 20 --out some/folder` trains for fewer epochs
 * or writes elsewhere (default: `demo-output/` in the current folder).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import {
  Activation, decisionBoundaryToSVG, explanationToMarkdown, Layer, Loss, lossCurveToSVG, Network, networkToSVG,
} from '../src/index.js';
import { isMain } from './data.js';
import { explanationToText, six } from './explanation-text.js';
import { trainIris } from './iris.js';
import { XOR_INPUTS, XOR_TARGETS } from './xor.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where each line of the story goes. @defaultValue console.log */
  readonly log?: (line: string) => void;
  /** How many epochs Iris trains. @defaultValue 100 */
  readonly epochs?: number;
  /** The folder the files are written to. @defaultValue `demo-output` */
  readonly out?: string;
  /** Whether to draw a progress bar on stderr (a terminal's). @defaultValue false */
  readonly progress?: boolean;
}

/** What {@link runDemo} returns: the Iris test accuracy and the files written. */
export interface DemoResult {
  readonly testAccuracy: number;
  readonly files: string[];
}

/** The notebook's network: sigmoid hidden layer V, identity output W. */
function notebookNetwork(): Network {
  return Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
}

/** Trains Iris, with a cli-progress bar when asked. */
function trainWithProgress(epochs: number, progress: boolean) {
  const bar = progress
    ? new cliProgress.SingleBar({ format: '  training [{bar}] {value}/{total} epochs, loss {loss}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(epochs, 0, { loss: '-' });
  const result = trainIris({ epochs, onEpoch: ({ epoch, loss }) => bar?.update(epoch + 1, { loss: loss.toFixed(4) }) });
  bar?.stop();
  return result;
}

/** The XOR network after 300 epochs, drawn over the plane. */
function xorPicture(): string {
  const start = Network.init([2, 4, 1], { seed: 1, activation: Activation.sigmoid, outputActivation: Activation.sigmoid });
  const { network } = Network.train(start, XOR_INPUTS, XOR_TARGETS, { learningRate: 1, epochs: 300, seed: 1, loss: Loss.binaryCrossEntropy });
  return decisionBoundaryToSVG(network, { points: XOR_INPUTS, labels: XOR_TARGETS.map(([t]) => t), xRange: [-0.5, 1.5], yRange: [-0.5, 1.5], title: 'XOR after 300 epochs' });
}

/** Tells the story through `log`; returns the Iris test accuracy and the paths written. */
export function runDemo(options: DemoOptions = {}): DemoResult {
  const { log = console.log, epochs = 100, out = 'demo-output', progress = false } = options;
  const net = notebookNetwork();
  const step = Network.explain(net, [1, 2], [5], { learningRate: 0.1 });
  log("1. The notebook's worked example: a 2-3-1 network (bias input -1), one step of backpropagation");
  explanationToText(step).forEach((line) => log(line));
  log('  (the notebook itself has two dozen slips in this example; docs/notebook.md lists them)');
  log('');
  log(`2. Iris: a 4-8-3 network (tanh, softmax cross-entropy), ${epochs} epochs on 120 flowers`);
  const iris = trainWithProgress(epochs, progress);
  log(`  training loss ${six(iris.losses[0])} -> ${six(iris.losses[iris.losses.length - 1])}`);
  log(`  training accuracy ${(100 * iris.trainAccuracy).toFixed(1)} % (${iris.trainSize} flowers)`);
  log(`  test accuracy ${(100 * iris.testAccuracy).toFixed(1)} % (${iris.testSize} flowers)`);
  log('');
  mkdirSync(out, { recursive: true });
  const files: [string, string, string][] = [
    ['notebook-step.md', explanationToMarkdown(step), "the notebook's step with every formula (Markdown with LaTeX)"],
    ['notebook-step.svg', networkToSVG(net, { explanation: step }), 'the network with its z, a and deltas'],
    ['iris-loss.svg', lossCurveToSVG(iris.losses, { title: 'Iris, 4-8-3: training loss per epoch' }), 'the Iris loss curve'],
    ['xor-boundary.svg', xorPicture(), 'what a 2-4-1 network learned of XOR'],
  ];
  log('3. Written for you to open:');
  const paths = files.map(([name, text, what]) => {
    const path = join(out, name);
    writeFileSync(path, text);
    const shown = relative(process.cwd(), resolve(path));
    log(`  ${shown.startsWith('..') ? resolve(path) : shown}: ${what}`);
    return path;
  });
  return { testAccuracy: iris.testAccuracy, files: paths };
}

/** `--epochs N` and `--out DIR` from the command line. */
function argumentsOf(argv: readonly string[]): DemoOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const epochs = value('--epochs');
  return { ...(epochs === undefined ? {} : { epochs: Number(epochs) }), ...(value('--out') === undefined ? {} : { out: value('--out') }) };
}

if (isMain(import.meta.url)) runDemo({ ...argumentsOf(process.argv.slice(2)), progress: process.stderr.isTTY === true });
