/**
 * Shared pieces of the activation tests (the built-ins in
 * test/math/activations.test.ts, the registry in
 * test/math/activation-registry.test.ts): tolerances, one counter of
 * unique names for the process-wide registry, and the central difference.
 */

/** Agreement with an independently computed float64 value: a few ulps. */
export const ULPS = { rtol: 1e-12, atol: 0 };
/** Values that must come out bit for bit. */
export const EXACT = { rtol: 0, atol: 0 };

/** Property tests stay fast: a couple of hundred cases each. */
export const RUNS = { numRuns: 200 };

/** Names for `Activation.define` that no other test uses: the registry is global. */
let counter = 0;
export function uniqueName(base: string): string {
  counter += 1;
  return `test-${base}-${counter}`;
}

/**
 * The central difference `(f(z + h) - f(z - h)) / 2h`.
 *
 * With `h = 1e-5` and `|z| <= 30` its error is about 1e-9 at most: the
 * truncation `h² |f'''| / 6` is below 1e-10 for these activations
 * (|f'''| <= 2) and the rounding `ε |f(z)| / h` below 1e-9.
 */
export function centralDifference(f: (z: number) => number, z: number, h = 1e-5): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

/**
 * Tolerance of `derivative` against the central difference: 1e-7 absolute
 * plus 1e-7 relative, a hundred times the difference's own error, and far
 * below what a derivative off by a factor of 2 or by a sign would miss by
 * (for |z| <= 30 the smallest derivative, sigmoid's, is still ~1e-13, but
 * most cases land where f' is between 1e-3 and 1).
 */
export const FINITE_DIFFERENCE = { rtol: 1e-7, atol: 1e-7 };
