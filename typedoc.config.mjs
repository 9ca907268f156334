// TypeDoc configuration (`npm run docs`). A .mjs file rather than typedoc.json
// because of `markdownItLoader`: it adds KaTeX to TypeDoc's markdown-it, so
// the `$…$` and `$$…$$` math of the guides (docs/*.md) is typeset when the
// site is built. KaTeX writes MathML, which browsers render by themselves:
// the site needs no KaTeX fonts or scripts and loads nothing at view time;
// docs/math.css only aligns the columns of `aligned` in Chromium. Code blocks
// and inline code are left alone. Math that KaTeX cannot parse fails the
// build instead of showing up as an error on the page.
import markdownItKatex from '@vscode/markdown-it-katex';
import katex from 'katex';

// KaTeX writes \mathbf{x} and \mathcal{L} as <mi mathvariant="bold">x</mi>
// and <mi mathvariant="script">L</mi>, which Chromium ignores (MathML Core
// knows only "normal"): write the letters of Unicode's mathematical
// alphabets instead. The first code point of each alphabet (A; a is 26 on,
// and the digits where they exist), and the letters Unicode had before.
const ALPHABETS = {
  bold: [0x1d400, 0x1d7ce],
  italic: [0x1d434],
  'bold-italic': [0x1d468],
  script: [0x1d49c],
  'bold-script': [0x1d4d0],
  fraktur: [0x1d504],
  'double-struck': [0x1d538, 0x1d7d8],
  'bold-fraktur': [0x1d56c],
  'sans-serif': [0x1d5a0, 0x1d7e2],
  'bold-sans-serif': [0x1d5d4, 0x1d7ec],
  'sans-serif-italic': [0x1d608],
  'sans-serif-bold-italic': [0x1d63c],
  monospace: [0x1d670, 0x1d7f6],
};
const OLDER = {
  italic: { h: 'ℎ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};

/** `<mi mathvariant="bold">x</mi>` -> `<mi>𝐱</mi>`, the same for <mn>; others stay as they are. */
function withMathLetters(html) {
  return html.replace(/<(mi|mn) mathvariant="([a-z-]+)">([A-Za-z0-9]+)<\/\1>/g, (element, tag, variant, text) => {
    const [letters, digits] = ALPHABETS[variant] ?? [];
    if (letters === undefined || (/[0-9]/.test(text) && digits === undefined)) return element;
    const mapped = [...text].map((c) => OLDER[variant]?.[c] ?? String.fromCodePoint(
      c <= '9' ? digits + (c.charCodeAt(0) - 48) : c <= 'Z' ? letters + (c.charCodeAt(0) - 65) : letters + 26 + (c.charCodeAt(0) - 97)));
    return `<${tag}>${mapped.join('')}</${tag}>`;
  });
}

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  entryPoints: ['src/index.ts', 'src/testing/index.ts', 'src/interop/tfjs.ts', 'src/interop/onnx.ts'],
  out: 'docs/api',
  name: 'mathjs-backprop',
  readme: 'README.md',
  projectDocuments: ['docs/*.md'],
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    notDocumented: true,
  },
  requiredToBeDocumented: [
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Property',
    'Method',
    'Accessor',
    'TypeAlias',
    'Namespace',
  ],
  excludePrivate: true,
  excludeInternal: true,
  tsconfig: 'tsconfig.json',
  disableSources: true,
  customCss: 'docs/math.css',
  plugin: ['./docs/typedoc-same-name.mjs', './docs/typedoc-categories.mjs'],
  categorizeByGroup: false,
  categoryOrder: ['Building blocks', 'Networks', 'Training and data', 'Optimisers', 'Verification', 'Teaching', 'Pictures', 'Interop', 'Testing kit', 'Errors', 'Shapes', '*'],
  navigation: { includeCategories: true, includeGroups: false },
  markdownItLoader(parser) {
    // The package is CommonJS with `exports.default`: its function is `.default`.
    parser.use(markdownItKatex.default, { katex, output: 'mathml' });
    // The plugin looks for the closing `$` in the raw text, across inline
    // code: in "costs $5, see `${x}`" it would take "5, see `" for math. A `$`
    // whose math would run into a code span is a plain dollar sign
    // (GitHub's $`…`$ math is still math).
    parser.inline.ruler.after('escape', 'math_not_across_code', (state, silent) => {
      const { src, pos } = state;
      if (src[pos] !== '$') return false;
      const delimiter = src.startsWith('$$', pos) ? '$$' : '$';
      const start = pos + delimiter.length;
      const end = src.indexOf(delimiter, start);
      if (src[start] === '`' || end === -1 || !src.slice(start, end).includes('`')) return false;
      if (!silent) state.pending += delimiter;
      state.pos = start;
      return true;
    });
    for (const rule of ['math_inline', 'math_inline_block', 'math_block']) {
      const render = parser.renderer.rules[rule];
      parser.renderer.rules[rule] = (tokens, idx, ...rest) => {
        const html = render(tokens, idx, ...rest);
        if (html.includes('katex-error')) {
          throw new Error(`KaTeX cannot typeset the math ${JSON.stringify(tokens[idx].content)}: ${html}`);
        }
        return withMathLetters(html);
      };
    }
  },
};

export default config;
