/**
 * The WebAssembly SIMD kernels of `wasm/kernels.wat`: compiled once, on
 * first use, from the bytes embedded in `wasm/kernel-bytes.ts`. Where
 * WebAssembly or its SIMD is missing, or refused (a Content-Security-Policy
 * without 'wasm-unsafe-eval'), there is no module and the engine keeps to
 * its JavaScript loops, which give the same bits.
 */
import { KERNEL_BASE64, SHARED_FLAG_AT } from './wasm/kernel-bytes.js';

/**
 * The kernels' exports; pointers are byte offsets into the arena's memory.
 * The products write the output entries `[from, to)` only: neurons `j`
 * (`z[r][j]`, `grad[i][j]`), or inputs `i` for `inputGrad` (`out[r][i]`).
 */
export interface Kernels {
  forwardRows(w: number, n: number, m: number, x: number, rows: number, z: number, from: number, to: number): void;
  forwardTiles(w: number, n: number, m: number, x: number, rows: number, z: number, from: number, to: number): void;
  weightGrad(n: number, m: number, x: number, rows: number, delta: number, grad: number, from: number, to: number): void;
  weightGradRows(n: number, m: number, x: number, rows: number, delta: number, grad: number, from: number, to: number): void;
  inputGrad(w: number, n: number, m: number, rows: number, delta: number, out: number, from: number, to: number): void;
  update(w: number, n: number, m: number, x: number, delta: number, rate: number, below: number): void;
  step(w: number, grad: number, rate: number, out: number, count: number): void;
  peak(count: number, seed: number): number;
}

/** The little of the WebAssembly API the engine uses (the project's types have no DOM library). */
export interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
}
/** A compiled module (opaque). */
export interface WasmModule { readonly compiled?: never }

/** The host's WebAssembly, or null where it has none (or it was removed). */
export function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: unknown }).WebAssembly;
  return typeof api === 'object' && api !== null ? (api as WasmApi) : null;
}

let compiled: WasmModule | null | undefined;
let compiledShared: WasmModule | null | undefined;

/** When workspaces take the SIMD kernels: `auto` where they pay, `always` at any size, `never`. */
export type SimdMode = 'auto' | 'always' | 'never';
let mode: SimdMode = 'auto';

/**
 * Sets when workspaces made from now on take the SIMD kernels: for the
 * tests and the benchmark, which check that both paths give the same bits.
 * Not part of the public API.
 */
export function useSimd(next: SimdMode): void {
  mode = next;
}

/** The current mode of {@link useSimd}. */
export function simdMode(): SimdMode {
  return mode;
}

/** The compiled module, or null where WebAssembly SIMD is unavailable or turned off. */
export function simdModule(): WasmModule | null {
  if (mode === 'never') return null;
  if (compiled === undefined) compiled = compile();
  return compiled;
}

/**
 * The same module importing a shared memory (for the threads of
 * `thread-pool.ts`), or null where the host has no WebAssembly threads.
 */
export function sharedModule(): WasmModule | null {
  if (simdModule() === null) return null;
  if (compiledShared === undefined) compiledShared = compile(true);
  return compiledShared;
}

function compile(shared = false): WasmModule | null {
  try {
    const api = wasmApi();
    if (api === null) return null;
    const bytes = decode(KERNEL_BASE64);
    // NOTE: the two variants differ in one byte, the memory's flags (see wasm/assemble.mjs).
    if (shared) bytes[SHARED_FLAG_AT] = 0x03;
    // NOTE: validate is false where the engine has no SIMD; it does not compile, so no policy refuses it.
    if (!api.validate(bytes)) return null;
    return new api.Module(bytes);
  } catch {
    return null;
  }
}

/** The bytes of a base64 string, without Buffer (absent in browsers) or atob (absent in some workers). */
function decode(base64: string): Uint8Array {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let k = 0; k < 64; k++) value[digits.charCodeAt(k)] = k;
  const clean = base64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, count = 0, at = 0;
  for (let k = 0; k < clean.length; k++) {
    bits = (bits << 6) | value[clean.charCodeAt(k)];
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[at++] = (bits >> count) & 0xff;
    }
  }
  return bytes;
}
