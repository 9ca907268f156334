import { defineConfig } from 'tsup';

/**
 * The testing kit (src/testing/) and the interop entry points (src/interop/)
 * use the library's own modules: `splitting` puts the code they share with
 * the main entry into chunks that all of them load, ESM and CJS alike, so
 * dist/testing.*, dist/tfjs.* and dist/onnx.* hold only their own code and
 * the process holds one copy of the library (one activation registry, one
 * Network class). `shims` gives the CJS build the `import.meta.url` that loads
 * the optional onnx-proto.
 */
export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', tfjs: 'src/interop/tfjs.ts', onnx: 'src/interop/onnx.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  shims: true,
  treeshake: true,
  external: ['mathjs', 'fast-check', 'onnx-proto'],
});
