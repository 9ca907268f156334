/**
 * How fast-check prints the networks of the kit in a counterexample: as the
 * code that rebuilds them, instead of a dump of their objects.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Network } from '../index.js';
import { withHiddenProperty } from '../model/network-record.js';

/**
 * `net` (a copy of it: networks are frozen), printed by fast-check as
 * `code`; the property is hidden from everything else.
 */
export function printedAs(net: Network, code: string): Network {
  return withHiddenProperty(net, fc.toStringMethod, () => code);
}

/** The activation as code: looked up by name, which works for built-in and defined ones. */
export function activationCode(name: string): string {
  return `Activation.byName(${JSON.stringify(name)})`;
}

/** `Network.create([Layer.create(weights, activation), ...])` with every weight in full. */
export function createCode(net: Network): string {
  const layers = net.layers.map((layer) =>
    `Layer.create(${JSON.stringify(layer.weights.toArray())}, ${activationCode(layer.activation.name)})`);
  return `Network.create([${layers.join(', ')}])`;
}

/** `net` printed as the `Network.create` call that rebuilds it. */
export function printedAsCreated(net: Network): Network {
  return printedAs(net, createCode(net));
}
