/**
 * The npm tarball carries everything the README links to: every relative
 * link of README.md (guides and pictures) is among the files
 * `npm pack --dry-run` lists, and so is every picture those guides show.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The relative targets of Markdown links and images in `text`, without anchors. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((l) => l !== '' && !/^[a-z]+:/.test(l));
}

describe('the npm package', () => {
  it('carries what README.md links to, and the pictures of the guides it links to', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const packed = new Set((JSON.parse(output) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
    const readme = relativeLinks(readFileSync('README.md', 'utf8'));
    expect(readme.length).toBeGreaterThan(3);
    const guides = readme.filter((l) => l.endsWith('.md'));
    const pictures = guides.flatMap((g) => relativeLinks(readFileSync(g, 'utf8')).filter((l) => l.startsWith('images/')).map((l) => normalize(join(dirname(g), l))));
    const missing = [...readme, ...pictures].filter((path) => !packed.has(path));
    expect(missing).toEqual([]);
  });
});
