/**
 * `npm run demo`: the notebook's worked example step by step, with its
 * errata; the same step laid out as the notebook's pen-and-paper
 * walkthrough (Markdown with LaTeX, from `Network.explain`); then a 4-8-3
 * network trained on Iris with a progress line per epoch, its summary
 * (`Network.summary`), its confusion matrix and its accuracy on the
 * held-out flowers. Takes a few seconds.
 */
import { Activation, explanationToMarkdown, Layer, Network } from '../src/index.js';
import { isMain } from './data.js';
import { trainIris } from './iris.js';
import { printNotebook } from './notebook.js';

/** The notebook's walkthrough of its example as Markdown. */
export function notebookMarkdown(): string {
  const net = Network.create([
    Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
    Layer.create([[1], [2], [3], [-1]], Activation.identity),
  ]);
  return explanationToMarkdown(Network.explain(net, [1, 2], [5], { learningRate: 0.1 }));
}

/** Prints the demo through `log`; returns the Iris test accuracy. */
export function runDemo(log: (line: string) => void = console.log): number {
  printNotebook(log);
  log('');
  log('The same step as the notebook lays it out (Markdown with LaTeX, from Network.explain):');
  log('');
  notebookMarkdown().split('\n').forEach((line) => log(`  ${line}`));
  log('');
  log('Iris: 4-8-3 network (tanh hidden, softmax cross-entropy), 120 flowers to train, 30 to test');
  const result = trainIris({
    onEpoch: ({ epoch, loss }) => log(`  epoch ${String(epoch + 1).padStart(3)}: training loss ${loss.toFixed(4)}`),
  });
  Network.summary(result.network).split('\n').forEach((line) => log(`  ${line}`));
  log('  test confusion matrix (rows: true species, columns: predicted):');
  result.testConfusion.forEach((row) => log(`  ${row.map((n) => String(n).padStart(4)).join('')}`));
  log(`  training accuracy ${(100 * result.trainAccuracy).toFixed(1)} % (${result.trainSize} flowers)`);
  log(`  test accuracy ${(100 * result.testAccuracy).toFixed(1)} % (${result.testSize} flowers)`);
  return result.testAccuracy;
}

if (isMain(import.meta.url)) runDemo();
