/**
 * Runs the TypeScript code blocks of the documentation as tests, so that the
 * examples cannot rot (mathjs's `doc.test.js` idea). Two sources of blocks:
 *
 * - `extractTsdocExamples`: every ```ts fenced block inside an `@example` of
 *   a TSDoc comment in a source file; each one is its own module.
 * - `extractMarkdownBlocks`: every ```ts fenced block of a Markdown guide; a
 *   guide reads as one session, so its blocks run in order as one module and
 *   a later block sees what an earlier one declared.
 *
 * `runDocModule` runs the blocks of one module and reports, per block, what
 * failed, always as `file:line: ...` with the line in the original file.
 *
 * How a block is run:
 * 1. `import ... from 'spec'` becomes `var ... = await __import('spec')`,
 *    served from the `modules` map the test passes in (`'mathjs-backprop'`
 *    is the src index, so examples test the source, not a build), else by
 *    the test's own `import()` (dev dependencies a guide uses). `import type`
 *    is dropped; `var` lets two blocks of a guide import the same name.
 * 2. A result comment becomes an assertion. Both forms are read:
 *    `expr; // => value` on one line, and `expr;` followed by a line
 *    `// => value`; the value may continue on further `//` lines until its
 *    brackets balance. `const x = expr; // => value` asserts `x`.
 *    Every assertion must run at least once, so an assertion in a `catch`
 *    that is never entered fails.
 * 3. The types are stripped with TypeScript's own `transpileModule` and the
 *    code runs as the body of an async function (top-level `await` works).
 *    Before every statement a marker records its line, so an exception is
 *    reported at the line of the statement that threw.
 *
 * How a result is compared (deep equality, arrays must be arrays):
 * - A number written with fewer than 6 decimals is exact: the result must
 *   equal it to 4 units in the last place of a double, which forgives only
 *   the rounding of the example's own arithmetic (`2 - 0.1 * 6` is 1.4).
 * - A number written with 6 or more decimals is read as rounded, as the
 *   guides print them ("rounded to six or nine decimals for reading"): the
 *   result must round to it, `|actual - written| <= 0.5e-decimals`.
 * - Anything else (strings, booleans, `null`) must be identical
 *   (`Object.is`, except that 0 and -0 are equal).
 *
 * Opting out: a fence ```` ```ts no-run ```` (or `skip`) is not run.
 */
import { isMatrix } from 'mathjs';
import ts from 'typescript';

/** One fenced ```ts block. */
export interface DocBlock {
  /** The file it is in, relative to the repository root, e.g. `src/network.ts`. */
  readonly file: string;
  /** What it documents: `Network.create`, or a guide's block and heading. */
  readonly symbol: string;
  /** The line of its first line of code (1-based) in `file`. */
  readonly line: number;
  /** Its code lines, without the comment's ` * ` prefix. */
  readonly lines: readonly string[];
}

/** An `@example` tag with no runnable block. */
export interface BareExample {
  readonly file: string;
  readonly symbol: string;
  readonly line: number;
}

/** What `extractTsdocExamples` finds in one source file. */
export interface TsdocScan {
  readonly blocks: DocBlock[];
  readonly bareExamples: BareExample[];
}

/** The outcome of one block in `runDocModule`. */
export interface BlockReport {
  readonly block: DocBlock;
  /** How many assertions the block has. */
  readonly assertions: number;
  /** Every failure, each starting with `file:line:`. */
  readonly failures: string[];
}

/** Modules an example may import, by specifier. */
export type ModuleMap = Readonly<Record<string, unknown>>;

/** How a test loads a module the map does not have (e.g. a dev dependency a guide uses). */
export type Importer = (specifier: string) => Promise<unknown>;

const FENCE = /^\s*(```+|~~~+)\s*([\w-]*)\s*(.*)$/;
const RUNNABLE = new Set(['ts', 'typescript']);
const SKIP = /\b(no-run|skip)\b/;

// ---------------------------------------------------------------- extraction

/**
 * Every ```ts block inside an `@example` of a TSDoc comment of `text`, and
 * every `@example` that has no such block.
 *
 * @param file - the path reported in names and messages.
 * @param text - the source file's text.
 */
export function extractTsdocExamples(file: string, text: string): TsdocScan {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  const bareExamples: BareExample[] = [];
  const seen = new Map<string, number>();
  let container: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const top = /^export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:const|let|var|class|interface|namespace|enum|function|type)\s+([A-Za-z_$][\w$]*)/.exec(lines[i]);
    if (top !== null) container = top[1];
    else if (/^[}\])]/.test(lines[i])) container = undefined;
    if (!/^\s*\/\*\*/.test(lines[i])) continue;
    let end = i;
    while (end < lines.length && !lines[end].includes('*/')) end++;
    const comment = lines.slice(i, end + 1).map((line, k) => ({ line: i + k + 1, text: stripComment(line) }));
    let symbol = symbolAfter(lines, end + 1, container);
    const count = (seen.get(symbol) ?? 0) + 1;
    seen.set(symbol, count);
    if (count > 1) symbol = `${symbol} (comment ${count})`;
    examplesIn(comment, file, symbol, blocks, bareExamples);
    i = end;
  }
  return { blocks, bareExamples };
}

/** A comment line without `/**`, the leading ` * ` and `*\/`. */
function stripComment(line: string): string {
  return line
    .replace(/\*\/.*$/, '')
    .replace(/^\s*\/\*\*\s?/, '')
    .replace(/^\s*\*(?!\/) ?/, '');
}

/** The name of what the comment ending before line `from` documents. */
function symbolAfter(lines: readonly string[], from: number, container: string | undefined): string {
  let k = from;
  while (k < lines.length && lines[k].trim() === '') k++;
  const line = lines[k] ?? '';
  const top = /^export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|var|class|interface|namespace|enum|function\*?|type)\s+([A-Za-z_$][\w$]*)/.exec(line);
  if (top !== null) return top[1];
  const member = /^\s+(?:readonly\s+|static\s+|get\s+|set\s+|async\s+)*([A-Za-z_$][\w$]*)\s*[,:(=?]/.exec(line);
  if (member !== null) return container === undefined ? member[1] : `${container}.${member[1]}`;
  const plain = /^(?:const|let|var|class|function|interface|type)\s+([A-Za-z_$][\w$]*)/.exec(line);
  return plain !== null ? plain[1] : `(line ${k + 1})`;
}

function examplesIn(
  comment: readonly { line: number; text: string }[], file: string, symbol: string,
  blocks: DocBlock[], bare: BareExample[],
): void {
  let example: { line: number; blocks: number } | undefined;
  const close = (): void => {
    if (example !== undefined && example.blocks === 0) bare.push({ file, symbol, line: example.line });
    example = undefined;
  };
  let ordinal = 0;
  for (let k = 0; k < comment.length; k++) {
    const { line, text } = comment[k];
    const fence = FENCE.exec(text);
    if (fence !== null) {
      const end = closingFence(comment.map((c) => c.text), k, fence[1]);
      if (example !== undefined && RUNNABLE.has(fence[2]) && !SKIP.test(fence[3])) {
        example.blocks += 1;
        ordinal += 1;
        blocks.push({
          file,
          symbol: ordinal === 1 ? symbol : `${symbol} (example ${ordinal})`,
          line: line + 1,
          lines: comment.slice(k + 1, end).map((c) => c.text),
        });
      }
      k = end;
      continue;
    }
    if (/^\s*@example\b/.test(text)) {
      close();
      example = { line, blocks: 0 };
    } else if (/^\s*@\w+/.test(text)) {
      close();
    }
  }
  close();
}

/** The index of the fence closing the one opened at `open` (or the end). */
function closingFence(texts: readonly string[], open: number, marker: string): number {
  for (let k = open + 1; k < texts.length; k++) {
    if (texts[k].trim().startsWith(marker[0].repeat(3)) && texts[k].trim().replace(/[`~]/g, '') === '') return k;
  }
  return texts.length;
}

/**
 * Every runnable ```ts block of a Markdown file, named by its number and
 * the heading above it.
 *
 * @param file - the path reported in names and messages.
 * @param text - the Markdown text.
 */
export function extractMarkdownBlocks(file: string, text: string): DocBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let heading = '(top)';
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[i]);
    if (h !== null) heading = h[1];
    const fence = FENCE.exec(lines[i]);
    if (fence === null) continue;
    const end = closingFence(lines, i, fence[1]);
    if (RUNNABLE.has(fence[2]) && !SKIP.test(fence[3])) {
      blocks.push({
        file,
        symbol: `block ${blocks.length + 1} (line ${i + 1}, under "${heading}")`,
        line: i + 2,
        lines: lines.slice(i + 1, end),
      });
    }
    i = end;
  }
  return blocks;
}

// ----------------------------------------------------------- transformation

interface Assertion {
  readonly line: number;
  readonly expression: string;
  readonly value: string;
}

/** Where `// =>` starts in `line`, outside string literals; -1 if nowhere. */
function arrowAt(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (line.startsWith('//', i)) {
      return /^\/\/\s*=>/.test(line.slice(i)) ? i : -1;
    }
  }
  return -1;
}

function afterArrow(text: string): string {
  return text.replace(/^\s*\/\/\s*=>\s?/, '');
}

/** Open brackets minus closed ones, outside string literals. */
function depth(text: string): number {
  let d = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) d++;
    else if (')]}'.includes(c)) d--;
  }
  return d;
}

/**
 * Replaces the number literals of a written result by `__doc.num(n, d)`,
 * so the comparison knows how many decimals each was written with.
 */
export function markNumbers(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < value.length && value[j] !== c) j += value[j] === '\\' ? 2 : 1;
      out += value.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const id = /^[\w$]+/.exec(value.slice(i))![0];
      out += id;
      i += id.length;
      continue;
    }
    const before = out.trimEnd().slice(-1);
    const signed = c === '-' && (before === '' || '[(,:{'.includes(before));
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(value.slice(i));
    if (number !== null && (c !== '-' || signed) && !(c === '.' && /[\w\])]/.test(before))) {
      const literal = number[0];
      const [, fraction = '', exponent = '0'] = /^-?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal)!;
      const decimals = Math.max(0, fraction.length - Number(exponent));
      out += `__doc.num(${literal}, ${decimals})`;
      i += literal.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Rewrites the result comments of a block's lines into `__doc.check` calls,
 * keeping one output line per input line.
 */
function rewriteAssertions(block: DocBlock, assertions: Assertion[]): string[] {
  const out = [...block.lines];
  for (let k = 0; k < out.length; k++) {
    const text = out[k];
    const line = block.line + k;
    const arrow = arrowAt(text);
    let expression: string;
    let value: string;
    let next: number;
    if (arrow >= 0 && text.slice(0, arrow).trim() !== '') {
      expression = text.slice(0, arrow);
      value = afterArrow(text.slice(arrow));
      next = k + 1;
    } else if (arrow < 0 && text.trim() !== '' && !text.trim().startsWith('//') && k + 1 < out.length && /^\s*\/\/\s*=>/.test(out[k + 1])) {
      expression = text;
      value = afterArrow(out[k + 1]);
      out[k + 1] = '';
      next = k + 2;
    } else {
      if (arrow >= 0) out[k] = `__doc.orphan(${line});`;
      continue;
    }
    while (depth(value) > 0 && next < out.length && /^\s*\/\//.test(out[next])) {
      value += ` ${out[next].replace(/^\s*\/\/\s?/, '').trim()}`;
      out[next] = '';
      next++;
    }
    assertions.push({ line, expression: expression.trim().replace(/;\s*$/, ''), value: value.trim() });
    out[k] = assertionCode(expression, value.trim(), line);
  }
  return out;
}

function assertionCode(expression: string, value: string, line: number): string {
  const indent = /^\s*/.exec(expression)![0];
  const e = expression.trim().replace(/;\s*$/, '');
  const expected = `(${markNumbers(value)})`;
  const declaration = /^(const|let|var)\s+([A-Za-z_$][\w$]*)(\s*:[^=]+)?\s*=\s*([\s\S]+)$/.exec(e);
  if (declaration !== null) {
    const [, kind, name, type = '', init] = declaration;
    return `${indent}${kind} ${name}${type} = ${init}; __doc.check(${line}, () => ${name}, ${expected});`;
  }
  if (/\bawait\b/.test(e)) return `${indent}await __doc.checkAsync(${line}, async () => (${e}), ${expected});`;
  return `${indent}__doc.check(${line}, () => (${e}), ${expected});`;
}

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** `const ... = await __import('spec')` for one import, keeping its line count. */
function importCode(node: ts.ImportDeclaration, sf: ts.SourceFile): string {
  const spec = (node.moduleSpecifier as ts.StringLiteral).text;
  const newlines = '\n'.repeat(node.getText(sf).split('\n').length - 1);
  const clause = node.importClause;
  if (clause === undefined) return `await __import(${JSON.stringify(spec)});${newlines}`;
  if (clause.isTypeOnly) return newlines;
  const names: string[] = [];
  const statements: string[] = [];
  if (clause.name !== undefined) names.push(`default: ${clause.name.text}`);
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
    statements.push(`var ${bindings.name.text} = await __import(${JSON.stringify(spec)});`);
  } else if (bindings !== undefined) {
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      names.push(element.propertyName === undefined ? element.name.text : `${element.propertyName.text}: ${element.name.text}`);
    }
  }
  if (names.length > 0) statements.push(`var { ${names.join(', ')} } = await __import(${JSON.stringify(spec)});`);
  return statements.join(' ') + newlines;
}

/** Imports rewritten, and a line marker before every statement of every statement list. */
function instrument(source: string): string {
  const sf = ts.createSourceFile('example.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) {
        const start = statement.getStart(sf);
        const line = sf.getLineAndCharacterOfPosition(start).line + 1;
        const marker = `__doc.at(${line}); `;
        if (ts.isImportDeclaration(statement)) {
          edits.push({ at: start, end: statement.getEnd(), text: marker + importCode(statement, sf) });
        } else {
          edits.push({ at: start, end: start, text: marker });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  edits.sort((a, b) => b.at - a.at);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.at) + edit.text + text.slice(edit.end);
  return text;
}

// ------------------------------------------------------------------ running

/** A number as it is written in a result comment. */
class Written {
  constructor(readonly value: number, readonly decimals: number) {}
}

const ULP = 2 ** -52;

function numberMatches(actual: number, expected: number, decimals: number | undefined): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  const slack = 4 * ULP * Math.max(Math.abs(actual), Math.abs(expected));
  const rounding = decimals !== undefined && decimals >= 6 ? 0.5 * 10 ** -decimals : 0;
  return Math.abs(actual - expected) <= rounding + slack;
}

/** The differences between a result and what the comment says, by path. */
function differences(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (expected instanceof Written || typeof expected === 'number') {
    const value = expected instanceof Written ? expected.value : expected;
    const decimals = expected instanceof Written ? expected.decimals : undefined;
    if (typeof actual !== 'number' || !numberMatches(actual, value, decimals)) {
      const how = decimals !== undefined && decimals >= 6 ? ` (rounded to ${decimals} decimals)` : '';
      out.push(`${path || 'the value'} is ${show(actual)}, expected ${value}${how}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push(`${path || 'the value'} is ${show(actual)}, expected an array`);
    } else if (actual.length !== expected.length) {
      out.push(`${path || 'the value'} has ${actual.length} entries, expected ${expected.length}: ${show(actual)}`);
    } else {
      expected.forEach((entry, i) => differences(actual[i], entry, `${path}[${i}]`, out));
    }
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      out.push(`${path || 'the value'} is ${show(actual)}, expected an object`);
      return;
    }
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
    return;
  }
  if (!Object.is(actual, expected)) out.push(`${path || 'the value'} is ${show(actual)}, expected ${show(expected)}`);
}

/** A short, exact rendering of a value for messages. */
export function show(value: unknown): string {
  const seen = new Set<unknown>();
  const render = (v: unknown): string => {
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v !== 'object' || v === null) return String(v);
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    if (isMatrix(v)) return `Matrix ${render(v.toArray())}`;
    if (ArrayBuffer.isView(v)) return `${v.constructor.name} ${render(Array.from(v as unknown as ArrayLike<number>))}`;
    if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`;
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    const name = v.constructor !== Object && v.constructor !== undefined ? `${v.constructor.name} ` : '';
    return `${name}{ ${Object.entries(v).map(([k, e]) => `${k}: ${render(e)}`).join(', ')} }`;
  };
  const text = render(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `the non-error ${show(error)}`;
}

/** What one module run records, by original line. */
class Recorder {
  current = 0;
  readonly ran = new Map<number, number>();
  readonly failures: { line: number; message: string }[] = [];

  constructor(private readonly assertions: ReadonlyMap<number, Assertion>) {}

  at(line: number): void {
    this.current = line;
  }

  num(value: number, decimals: number): Written {
    return new Written(value, decimals);
  }

  check(line: number, actual: () => unknown, expected: unknown): void {
    this.current = line;
    this.ran.set(line, (this.ran.get(line) ?? 0) + 1);
    const assertion = this.assertions.get(line)!;
    let value: unknown;
    try {
      value = actual();
    } catch (error) {
      this.failures.push({ line, message: `\`${assertion.expression}\` threw ${describeError(error)}, expected ${assertion.value}` });
      return;
    }
    const found: string[] = [];
    differences(value, expected, '', found);
    if (found.length > 0) {
      this.failures.push({
        line,
        message: `\`${assertion.expression}\` is ${show(value)}, expected ${assertion.value}\n    ${found.slice(0, 10).join('\n    ')}`,
      });
    }
  }

  async checkAsync(line: number, actual: () => Promise<unknown>, expected: unknown): Promise<void> {
    let outcome: { value?: unknown; error?: unknown; threw: boolean };
    try {
      outcome = { value: await actual(), threw: false };
    } catch (error) {
      outcome = { error, threw: true };
    }
    this.check(line, () => {
      if (outcome.threw) throw outcome.error;
      return outcome.value;
    }, expected);
  }

  orphan(line: number): void {
    this.failures.push({ line, message: 'a `// =>` result with no expression before it' });
  }
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

/**
 * Runs `blocks` (in order, as one module) and reports each block's failures.
 * Never throws: a syntax error, an exception or an unknown import is a failure
 * of the block it happened in, named with its file and line.
 *
 * @param blocks - the blocks of one module: one example, or one guide's blocks.
 * @param modules - what the examples may import, by specifier.
 * @param fallback - how to load any other module; without it, other imports fail.
 */
export async function runDocModule(blocks: readonly DocBlock[], modules: ModuleMap, fallback?: Importer): Promise<BlockReport[]> {
  const assertions: Assertion[] = [];
  const length = Math.max(...blocks.map((b) => b.line + b.lines.length));
  const lines: string[] = new Array(length).fill('');
  for (const block of blocks) {
    rewriteAssertions(block, assertions).forEach((text, k) => {
      lines[block.line - 1 + k] = text;
    });
  }
  const byLine = new Map(assertions.map((a) => [a.line, a]));
  const recorder = new Recorder(byLine);
  const moduleFailures: { line: number; message: string }[] = [];
  let thrownAt: number | undefined;
  try {
    const source = instrument(lines.join('\n'));
    const output = ts.transpileModule(source, {
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
    });
    const syntax = output.diagnostics ?? [];
    if (syntax.length > 0) {
      for (const d of syntax) {
        const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : blocks[0].line;
        moduleFailures.push({ line, message: `does not compile: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}` });
      }
    } else {
      const run = new AsyncFunction('__doc', '__import', `"use strict";\n${output.outputText}`);
      const importer = async (spec: string): Promise<unknown> => {
        if (spec in modules) return modules[spec];
        if (fallback !== undefined) return fallback(spec);
        throw new Error(`the doc runner provides no module "${spec}" (known: ${Object.keys(modules).join(', ')})`);
      };
      try {
        await run(recorder, importer);
      } catch (error) {
        thrownAt = recorder.current || blocks[0].line;
        moduleFailures.push({ line: thrownAt, message: `threw ${describeError(error)}` });
      }
    }
  } catch (error) {
    moduleFailures.push({ line: blocks[0].line, message: `could not be prepared: ${describeError(error)}` });
  }
  for (const assertion of assertions) {
    if (recorder.ran.has(assertion.line) || moduleFailures.length > 0 && thrownAt === undefined) continue;
    const why = thrownAt !== undefined && thrownAt <= assertion.line ? ` (line ${thrownAt} threw first)` : ' (is it in a branch or catch that is never entered?)';
    recorder.failures.push({ line: assertion.line, message: `\`${assertion.expression}\` never ran${why}` });
  }
  const all = [...recorder.failures, ...moduleFailures].sort((a, b) => a.line - b.line);
  return blocks.map((block) => {
    const last = block.line + block.lines.length - 1;
    const inBlock = (line: number): boolean => line >= block.line && line <= last;
    return {
      block,
      assertions: assertions.filter((a) => inBlock(a.line)).length,
      failures: all.filter((f) => inBlock(f.line)).map((f) => `${block.file}:${f.line}: ${f.message}`),
    };
  });
}
