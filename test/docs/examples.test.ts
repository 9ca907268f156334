/**
 * Runs every ```ts block inside an `@example` of the TSDoc comments in
 * src/**\/*.ts, so that the documentation's examples cannot rot. Each example
 * is its own module; `import ... from 'mathjs-backprop'` gets the src index
 * (not a build), and every `expr; // => value` comment is an assertion. The
 * rules (how numbers compare, how failures name file and line) are in
 * test/doc-runner.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { extractTsdocExamples, runDocModule, type BareExample, type DocBlock } from '../support/doc-runner.js';
import * as tfjs from '../../src/interop/tfjs.js';
import * as onnx from '../../src/interop/onnx.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts file under `dir`, sorted, as paths relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const blocks: DocBlock[] = [];
const bareExamples: BareExample[] = [];
for (const file of sourceFiles('src')) {
  const scan = extractTsdocExamples(file, readFileSync(join(root, file), 'utf8'));
  blocks.push(...scan.blocks);
  bareExamples.push(...scan.bareExamples);
}

/** What examples may import: the library's source; anything else (mathjs, fast-check) as this file would. */
const modules = { 'mathjs-backprop': library, 'mathjs-backprop/testing': testing, 'mathjs-backprop/tfjs': tfjs, 'mathjs-backprop/onnx': onnx, mathjs };
const importOther = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

describe('the @example blocks of src/', () => {
  it('finds at least one block', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it('finds a ```ts block in every @example', () => {
    const where = bareExamples.map((e) => `${e.file}:${e.line}: @example of ${e.symbol} has no \`\`\`ts block`);
    expect(where, where.join('\n')).toEqual([]);
  });

  it.each(blocks.map((block) => [`${block.file}: ${block.symbol} (line ${block.line})`, block] as const))(
    'runs %s',
    async (_name, block) => {
      const [report] = await runDocModule([block], modules, importOther);
      expect(report.failures, report.failures.join('\n')).toEqual([]);
      expect(report.assertions, `${block.file}:${block.line}: the example has no \`// =>\` result`).toBeGreaterThan(0);
    },
  );
});
