/**
 * A network described as a plain-text table: one line per layer.
 *
 * @module
 */
import type { Network } from '../model/network-record.js';
import { modelOf } from './network-record.js';

/** Right-aligned cells, by column; the others are left-aligned. */
const RIGHT = [false, false, false, true];
const HEADER = ['layer', 'shape', 'activation', 'parameters'];

/** The lines of a table whose columns are padded to their widest cell and joined by two spaces. */
function tableLines(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADER.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (RIGHT[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Describes a network as a plain-text table, one line per layer: its
 * index (from 0), its shape `inputs → neurons`, its activation's name and
 * its number of weights, then a total line. A layer with `n` inputs and
 * `m` neurons has `(n + 1) · m` weights, the `+ 1` being the bias row
 * (the weights on the input -1). Columns are padded with spaces to line
 * up in a fixed-width font; lines end without spaces and are joined by
 * `\n`, with no newline after the last. Costs O(layers); does not change
 * the network.
 *
 * @param net - the network.
 * @throws {@link ValueError} if `net` is not a network.
 * @returns the table, ready to print.
 *
 * @example
 * The notebook's 2-3-1 network: `(2 + 1) · 3 = 9` and `(3 + 1) · 1 = 4` weights:
 * ```ts
 * import { Network } from 'mathjs-backprop';
 * const net = Network.init([2, 3, 1]);
 * Network.summary(net).split('\n');
 * // => ['layer  shape  activation  parameters',
 * //     '0      2 → 3  sigmoid              9',
 * //     '1      3 → 1  identity             4',
 * //     'total                             13']
 * ```
 */
export function summary(net: Network): string {
  const { sizes, activations } = modelOf(net, 'Network.summary');
  const inputWidth = Math.max(...sizes.slice(0, -1).map((n) => String(n).length));
  let total = 0;
  const layers = activations.map((activation, l) => {
    const parameters = (sizes[l] + 1) * sizes[l + 1];
    total += parameters;
    const shape = `${String(sizes[l]).padStart(inputWidth)} → ${sizes[l + 1]}`;
    return [String(l), shape, activation.name, String(parameters)];
  });
  return tableLines([HEADER, ...layers, ['total', '', '', String(total)]]).join('\n');
}
