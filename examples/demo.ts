/**
 * `npm run demo`: the notebook's worked example step by step, then a 4-8-3
 * network trained on Iris with a progress line every 10 epochs and its
 * accuracy on the held-out flowers. Takes a second or two.
 */
import { printNotebook } from './notebook.js';
import { trainIris } from './iris.js';
import { isMain } from './data.js';

/** Prints the demo through `log`; returns the Iris test accuracy. */
export function runDemo(log: (line: string) => void = console.log): number {
  printNotebook(log);
  log('');
  log('Iris: 4-8-3 network (tanh hidden, softmax cross-entropy), 120 flowers to train, 30 to test');
  const result = trainIris({
    onEpoch: ({ epoch, loss }) => {
      if (epoch === 0 || (epoch + 1) % 10 === 0) log(`  epoch ${String(epoch + 1).padStart(3)}: training loss ${loss.toFixed(4)}`);
    },
  });
  log(`  training accuracy ${(100 * result.trainAccuracy).toFixed(1)} % (${result.trainSize} flowers)`);
  log(`  test accuracy ${(100 * result.testAccuracy).toFixed(1)} % (${result.testSize} flowers)`);
  return result.testAccuracy;
}

if (isMain(import.meta.url)) runDemo();
