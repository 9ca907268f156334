/**
 * The generated parts of the guides (docs/images/*.svg and the walkthrough
 * section of docs/notebook.md) are what examples/pictures.ts writes now.
 * When the library's drawing, the walkthrough or the Iris example changes,
 * run `npm run docs:pictures` and commit the files it writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  demoteHeadings, END, generatedFiles, NOTEBOOK_GUIDE, notebookWalkthrough, ROOT, START, withWalkthrough,
} from '../../examples/pictures.js';

const UPDATE = 'is not what examples/pictures.ts generates now; run `npm run docs:pictures` to update it';

describe('examples/pictures.ts', () => {
  const files = generatedFiles();

  it.each([...files.keys()])('%s is up to date', (path) => {
    const file = join(ROOT, path);
    expect(existsSync(file), `${path} is missing; run \`npm run docs:pictures\` to write it`).toBe(true);
    const committed = readFileSync(file, 'utf8');
    // Compared as a boolean: the failure is the message saying how to update, not a diff of two SVG files.
    expect(committed === files.get(path), `${path} ${UPDATE}`).toBe(true);
  });

  it('generates the same text on every run', () => {
    expect(generatedFiles()).toEqual(files);
  });

  it('puts the walkthrough between the markers of the notebook guide', () => {
    const guide = readFileSync(join(ROOT, NOTEBOOK_GUIDE), 'utf8');
    const body = guide.slice(guide.indexOf(START) + START.length, guide.indexOf(END));
    expect(body).toBe(`\n\n${notebookWalkthrough()}\n`);
    expect(notebookWalkthrough()).toMatch(/^### The forward pass$/m);
    expect(notebookWalkthrough()).toMatch(/^#### The hidden layer$/m);
    expect(notebookWalkthrough()).not.toMatch(/^## /m);
  });

  it('refuses a guide without both markers, in order', () => {
    expect(() => withWalkthrough('no markers')).toThrow(START);
    expect(() => withWalkthrough(`${START}\n${START}\n${END}`)).toThrow(START);
    expect(() => withWalkthrough(`${END}\n${START}`)).toThrow('must come after');
  });

  it('demotes headings, but not lines inside code fences or $$ displays', () => {
    const text = ['# A', '## B', '```md', '# kept', '```', '$$', '# kept too', '$$', '#not a heading'].join('\n');
    expect(demoteHeadings(text)).toBe(['## A', '### B', '```md', '# kept', '```', '$$', '# kept too', '$$', '#not a heading'].join('\n'));
    expect(() => demoteHeadings('###### deep')).toThrow('cannot go 1 level(s) lower');
  });
});
