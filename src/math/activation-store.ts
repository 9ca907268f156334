/**
 * What every copy of the library in one process shares about activations.
 * A package that ships an ESM and a CommonJS build can be loaded twice (an
 * `import` here, a `require` in a dependency); each copy has its own
 * module state, so what must be common lives on `globalThis` under a
 * `Symbol.for` key, which every copy finds: the activations made with
 * `Activation.define`, and the set of activations the library itself made
 * (the built-ins and every `leakyRelu(alpha)`), by which a built-in of the
 * other copy is known for what it is.
 *
 * @module
 */
import type { Activation } from './activation-type.js';

/** The shared state; its shape is part of the key, so a copy with another shape keeps its own. */
export interface ActivationStore {
  /** The activations made with `Activation.define`, by name. */
  readonly defined: Map<string, Activation>;
  /** The activations some copy of the library made: built-ins and leakyRelus. */
  readonly made: WeakSet<object>;
}

/** The key on `globalThis`; `@1` is the version of the store's shape. */
const KEY = Symbol.for('mathjs-backprop/activation-store@1');

function isStore(value: unknown): value is ActivationStore {
  const store = value as Partial<ActivationStore> | null | undefined;
  return typeof store === 'object' && store !== null && store.defined instanceof Map && store.made instanceof WeakSet;
}

/** The store shared by every copy: found under the key, or made and put there by the first copy. */
function sharedStore(): ActivationStore {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const found = holder[KEY];
  if (isStore(found)) return found;
  const store: ActivationStore = Object.freeze({ defined: new Map<string, Activation>(), made: new WeakSet<object>() });
  // NOTE: not enumerable and not writable, so no later code replaces it by mistake.
  try {
    Object.defineProperty(holder, KEY, { value: store, configurable: false, enumerable: false, writable: false });
  } catch {
    // A frozen globalThis: this copy keeps its own store and still works alone.
  }
  return store;
}

/** The store every copy of the library in this process uses. */
export const store: ActivationStore = sharedStore();

/** Records that the library made `activation` (a built-in or a leakyRelu); returns it. */
export function markMade<T extends Activation>(activation: T): T {
  store.made.add(activation);
  return activation;
}

/** Whether some copy of the library made `activation` itself. */
export function isMade(activation: object): boolean {
  return store.made.has(activation);
}
