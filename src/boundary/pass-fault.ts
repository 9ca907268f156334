/**
 * A number that went wrong inside a forward or backward pass, described
 * where it arose: which quantity (`z`, `a`, a delta, the loss), which layer,
 * example and neuron, and whose code produced it (the arithmetic
 * overflowing, a custom activation, its derivative, or the loss). The
 * engine throws it without knowing the public function that called it;
 * {@link withName} puts that function's name in front.
 *
 * @module
 */
import { ValueError } from '../errors.js';
import { describeValue } from './describe.js';
import { layerName, neuronName } from './names.js';

/** Who produced the bad number. */
export type FaultSource =
  /** float64 arithmetic overflowed: the weights or inputs are too large. */
  | { readonly kind: 'overflow' }
  /** A custom activation's `apply` returned it at `z`. */
  | { readonly kind: 'activation'; readonly name: string; readonly z: number }
  /** A custom activation's `derivative` returned it at `z`. */
  | { readonly kind: 'derivative'; readonly name: string; readonly z: number }
  /** The loss's `value` or `gradient` returned it. */
  | { readonly kind: 'loss'; readonly name: string; readonly part: 'value' | 'gradient' }
  /** The loss was given an output or target outside its domain. */
  | { readonly kind: 'domain'; readonly name: string; readonly what: 'output' | 'target'; readonly advice: string };

/** Where in a pass, and what. `layer` and `neuron` are 0-based; `example` is the row of the pass. */
export interface Fault {
  readonly quantity: 'z' | 'a' | 'delta' | 'loss' | 'loss gradient';
  readonly layer: number;
  readonly layers: number;
  readonly outputs: number;
  readonly example: number;
  readonly neuron: number;
  readonly value: unknown;
  readonly source: FaultSource;
}

/** The value as the message shows it: numbers as they are, anything else by its type. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${describeValue(value)}, not a number`;
}

/** The fault in words, without the function's name. */
export function describeFault(f: Fault, example: number = f.example): string {
  const neuron = `neuron ${neuronName(f.layer, f.neuron, f.layers, f.outputs)} of ${layerName(f.layer, f.layers)}`;
  const at = `${neuron}, example ${example}`;
  const s = f.source;
  switch (s.kind) {
    case 'overflow':
      if (f.quantity === 'loss') return `the loss came out as ${shown(f.value)} for example ${example}: the outputs are too large for float64`;
      if (f.quantity === 'loss gradient') return `the loss gradient came out as ${shown(f.value)} for output ${f.neuron} of example ${example}: the outputs are too large for float64`;
      return `${f.quantity === 'delta' ? 'the delta' : f.quantity} of ${neuron} came out as ${shown(f.value)} for example ${example}: the weights or inputs are too large for float64`;
    case 'activation':
      return `activation '${s.name}' returned ${shown(f.value)} at z = ${s.z} (${at}); an activation must return a finite number`;
    case 'derivative':
      return `the derivative of activation '${s.name}' returned ${shown(f.value)} at z = ${s.z} (${at}); it must return a finite number`;
    case 'loss':
      return s.part === 'value'
        ? `loss '${s.name}' returned ${shown(f.value)} for example ${example}; a loss must return a finite number`
        : `the gradient of loss '${s.name}' wrote ${shown(f.value)} for output ${f.neuron} of example ${example}; it must write finite numbers`;
    case 'domain':
      return `loss '${s.name}' takes ${s.what}s in [0, 1], got ${shown(f.value)} for output ${f.neuron} of example ${example}; ${s.advice}`;
  }
}

/** A {@link Fault} as an error; its message names the function once {@link withName} has seen it. */
export class PassFault extends ValueError {
  /** What went wrong, and where. */
  readonly fault: Fault;

  /**
   * @param fault - what went wrong, and where.
   * @param message - the message; by default the fault in words.
   */
  constructor(fault: Fault, message: string = describeFault(fault)) {
    super(message);
    this.name = 'ValueError';
    this.fault = fault;
  }
}

/**
 * Runs `compute` and gives any fault from inside it the name of the public
 * function `where` (and, through `exampleOf`, the caller's example number).
 */
export function withName<T>(where: string, compute: () => T, exampleOf: (row: number) => number = (row) => row): T {
  try {
    return compute();
  } catch (error) {
    throw named(where, error, exampleOf);
  }
}

/**
 * `error` as the public function `where` throws it: a fault named for
 * `where` (with the caller's example number through `exampleOf`), anything
 * else as it is. For a caller that runs its own `try`, where a closure for
 * {@link withName} would cost more than a tiny network's step.
 */
export function named(where: string, error: unknown, exampleOf: (row: number) => number = (row) => row): unknown {
  if (error instanceof PassFault && !error.message.startsWith(`${where}:`)) {
    return new PassFault(error.fault, `${where}: ${describeFault(error.fault, exampleOf(error.fault.example))}`);
  }
  return error;
}
