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

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
  external: ['mathjs', 'fast-check'],
  esbuildPlugins: [testingImportsMainEntry],
});
