/**
 * The guides typeset their math (issue 12, item 9): no formula in docs/*.md
 * is written in code font outside code blocks. A code span counts as a
 * formula when it has a math symbol (∂ Σ · ² √ ≈ ← × −, a Greek letter) or
 * a subscript `_{`, and nothing that only code has (`=>`, a quote, a member
 * access `a.b`, a file name). Formulas are written `$…$`, which
 * typedoc.config.mjs typesets with KaTeX.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const docs = fileURLToPath(new URL('../../docs', import.meta.url));
const MATH = /[∂Σ·²√≈←×−∇]|[α-ωΑ-Ω]|[A-Za-z]_\{/u;
const CODE = /=>|['"]|[A-Za-z]\.[A-Za-z]|\{ /;

/** The code spans of `text` outside fenced blocks, with their line numbers. */
function codeSpans(text: string): { line: number; span: string }[] {
  let fenced = false;
  return text.split('\n').flatMap((line, i) => {
    if (line.trimStart().startsWith('```')) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [...line.matchAll(/`([^`]+)`/g)].map((m) => ({ line: i + 1, span: m[1] }));
  });
}

describe('the guides typeset their formulas', () => {
  const guides = readdirSync(docs).filter((name) => name.endsWith('.md')).sort();

  it.each(guides)('%s writes no formula in code font', (name) => {
    const formulas = codeSpans(readFileSync(join(docs, name), 'utf8'))
      .filter(({ span }) => MATH.test(span) && !CODE.test(span))
      .map(({ line, span }) => `${name}:${line}: \`${span}\``);
    expect(formulas).toEqual([]);
  });

  it('tells a formula from code', () => {
    expect(codeSpans('`δ_o = 2(y − t)` and `V_{i,j}`').filter(({ span }) => MATH.test(span) && !CODE.test(span))).toHaveLength(2);
    expect(codeSpans("```ts\nconst a = `x − y`;\n```\n`Network.explain` `'σ'`").filter(({ span }) => MATH.test(span) && !CODE.test(span))).toHaveLength(0);
  });
});
