/**
 * A small strict XML parser for the tests of the SVG pictures: it accepts
 * only well-formed XML 1.0 (without DTDs, CDATA or processing instructions
 * other than the XML declaration) and throws, with the offset, at the first
 * problem. Node has no DOMParser, and the tests add no dependency.
 *
 * Checked: one root element; every start tag closed by its own end tag;
 * names; attributes quoted, separated by whitespace, never repeated, with
 * no `<` in their values; `&` only in the five predefined entity references
 * and in character references to legal characters; no `]]>` in text; no
 * character XML forbids (controls, lone surrogates, U+FFFE, U+FFFF).
 */

/** An element with its attributes (references decoded) and children. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function fail(message: string, at: number): never {
  throw new Error(`not well-formed XML at offset ${at}: ${message}`);
}

/** Whether `code` is a character XML 1.0 allows. */
function legalCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Text or an attribute value with its references decoded; refuses a bare `&`. */
function decode(raw: string, at: number): string {
  return raw.replace(/&([^;&<]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) fail(`"&" not starting a reference: ${JSON.stringify(match)}`, at);
    const number = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (number !== null) {
      const code = number[1] !== undefined ? parseInt(number[1], 16) : parseInt(number[2], 10);
      if (!legalCode(code)) fail(`character reference to an illegal character: ${match}`, at);
      return String.fromCodePoint(code);
    }
    if (!(body in ENTITIES)) fail(`unknown entity ${match}`, at);
    return ENTITIES[body];
  });
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): boolean {
    const start = this.pos;
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
    return this.pos > start;
  }

  /** Comments and whitespace between elements. */
  skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (!this.text.startsWith('<!--', this.pos)) return;
      const end = this.text.indexOf('-->', this.pos + 4);
      if (end < 0) fail('unclosed comment', this.pos);
      if (this.text.slice(this.pos + 4, end).includes('--')) fail('"--" inside a comment', this.pos);
      this.pos = end + 3;
    }
  }

  name(): string {
    const match = NAME.exec(this.text.slice(this.pos));
    if (match === null) fail(`expected a name, found ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))}`, this.pos);
    this.pos += match[0].length;
    return match[0];
  }

  attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = this.skipSpace();
      const c = this.text[this.pos];
      if (c === '>' || c === '/' || c === undefined) return attributes;
      if (!spaced) fail('attributes must be separated by whitespace', this.pos);
      const key = this.name();
      this.skipSpace();
      if (this.text[this.pos] !== '=') fail(`expected "=" after attribute ${key}`, this.pos);
      this.pos++;
      this.skipSpace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${key} is not quoted`, this.pos);
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) fail(`unclosed value of attribute ${key}`, this.pos);
      const raw = this.text.slice(this.pos + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of attribute ${key}`, this.pos);
      if (key in attributes) fail(`attribute ${key} repeated`, this.pos);
      attributes[key] = decode(raw, this.pos);
      this.pos = end + 1;
    }
  }

  element(): XmlElement {
    if (this.text[this.pos] !== '<') fail('expected "<"', this.pos);
    this.pos++;
    const name = this.name();
    const attributes = this.attributes();
    if (this.text.startsWith('/>', this.pos)) {
      this.pos += 2;
      return { name, attributes, children: [] };
    }
    if (this.text[this.pos] !== '>') fail(`expected ">" to close <${name}`, this.pos);
    this.pos++;
    return { name, attributes, children: this.content(name) };
  }

  content(name: string): (XmlElement | string)[] {
    const children: (XmlElement | string)[] = [];
    for (;;) {
      const next = this.text.indexOf('<', this.pos);
      if (next < 0) fail(`<${name}> is never closed`, this.pos);
      const raw = this.text.slice(this.pos, next);
      if (raw.includes(']]>')) fail('"]]>" in text', this.pos);
      if (raw !== '') children.push(decode(raw, this.pos));
      this.pos = next;
      if (this.text.startsWith('</', this.pos)) {
        this.pos += 2;
        const end = this.name();
        if (end !== name) fail(`</${end}> closes <${name}>`, this.pos);
        this.skipSpace();
        if (this.text[this.pos] !== '>') fail(`expected ">" in </${end}`, this.pos);
        this.pos++;
        return children;
      }
      if (this.text.startsWith('<!--', this.pos)) this.skipMisc();
      else if (this.text.startsWith('<!', this.pos) || this.text.startsWith('<?', this.pos)) fail('CDATA, DOCTYPE and processing instructions are not expected', this.pos);
      else children.push(this.element());
    }
  }
}

/**
 * Parses `text` as a well-formed XML document and returns its root element.
 * @throws Error naming the offset of the first problem.
 */
export function parseXml(text: string): XmlElement {
  const illegal = ILLEGAL.exec(text);
  if (illegal !== null) fail(`illegal character U+${illegal[0].charCodeAt(0).toString(16)}`, illegal.index);
  const parser = new Parser(text);
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unclosed XML declaration', 0);
    parser.pos = end + 2;
  }
  parser.skipMisc();
  const root = parser.element();
  parser.skipMisc();
  if (parser.pos !== text.length) fail('content after the root element', parser.pos);
  return root;
}

/** Every element under `root` (itself included) that satisfies `test`, in document order. */
export function findAll(root: XmlElement, test: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = test(root) ? [root] : [];
  for (const child of root.children) if (typeof child !== 'string') found.push(...findAll(child, test));
  return found;
}

/** The text of an element and all its descendants. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
