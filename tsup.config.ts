import { sep } from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

/**
 * The testing kit (src/testing/) imports the library as `../index.js`. In
 * the build that import must load the package's own main entry, not a
 * second copy of the library bundled into dist/testing.*: one copy of the
 * activation registry and one `instanceof` for errors. So it is left
 * external, as `./index.js` from dist/testing.js and `./index.cjs` from
 * dist/testing.cjs (tsup tree-shakes in ESM and converts afterwards, so
 * the format shows in the output extension, not in `format`).
 */
const testingImportsMainEntry: Plugin = {
  name: 'testing-imports-main-entry',
  setup(build) {
    const extension = build.initialOptions.outExtension?.['.js'] ?? '.js';
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}src${sep}testing${sep}`) ? { path: `./index${extension}`, external: true } : undefined,
    );
  },
};

/**
 * The interop entry points (src/interop/) import the library's own modules,
 * not its index: `splitting` puts the code they share with the main entry
 * into chunks that both load, ESM and CJS alike, so dist/tfjs.* and
 * dist/onnx.* hold only the conversions and the process holds one copy of
 * the library. `shims` gives the CJS build the `import.meta.url` that loads
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
  esbuildPlugins: [testingImportsMainEntry],
});
