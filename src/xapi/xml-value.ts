// Decodes a task's `result` field. XAPI stores an async call's return value as an XML-RPC `<value>` document
// in a plain string field (whatever transport the client uses), e.g. `<value>OpaqueRef:…</value>`; old hosts
// stored a bare ref. Only the value grammar is needed, so this is a small recursive-descent parser rather
// than a full XML stack. Scalars come back as XML-RPC decodes them (ints as numbers or strings); normalizeResult
// then applies the method's declared type.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

class ValueParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos !== this.text.length) this.fail('trailing content');
    return value;
  }

  private fail(what: string): never {
    throw new Error(`cannot parse XML-RPC value (${what} at ${this.pos}): ${this.text.slice(0, 200)}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** Reads `<name>`, `<name/>` or `</name>`; returns the tag name and whether it was self-closing. */
  private readTag(): { name: string; closing: boolean; empty: boolean } {
    this.skipSpace();
    if (this.text[this.pos] !== '<') this.fail('expected a tag');
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) this.fail('unterminated tag');
    let inner = this.text.slice(this.pos + 1, end).trim();
    this.pos = end + 1;
    const closing = inner.startsWith('/');
    const empty = inner.endsWith('/');
    if (closing) inner = inner.slice(1);
    if (empty) inner = inner.slice(0, -1);
    return { name: inner.trim().split(/\s/)[0], closing, empty };
  }

  private expectClose(name: string): void {
    const tag = this.readTag();
    if (!tag.closing || tag.name !== name) this.fail(`expected </${name}>`);
  }

  private readText(): string {
    const end = this.text.indexOf('<', this.pos);
    if (end < 0) this.fail('unterminated text');
    const raw = this.text.slice(this.pos, end);
    this.pos = end;
    return decodeEntities(raw);
  }

  private peekIsTag(): boolean {
    let i = this.pos;
    while (i < this.text.length && /\s/.test(this.text[i])) i++;
    return this.text[i] === '<' && this.text[i + 1] !== '/';
  }

  private parseValue(): unknown {
    const open = this.readTag();
    if (open.name !== 'value' || open.closing) this.fail('expected <value>');
    if (open.empty) return '';
    if (!this.peekIsTag()) {
      // Bare text is a string in XML-RPC (and how XAPI sends strings, refs and ints).
      const text = this.readText();
      this.expectClose('value');
      return text;
    }
    const value = this.parseTyped();
    this.expectClose('value');
    return value;
  }

  private parseTyped(): unknown {
    const tag = this.readTag();
    const scalar = (): string => {
      if (tag.empty) return '';
      const text = this.readText();
      this.expectClose(tag.name);
      return text;
    };
    switch (tag.name) {
      case 'string':
        return scalar();
      case 'int':
      case 'i4':
      case 'i8':
        return Number(scalar());
      case 'double':
        return Number(scalar());
      case 'boolean':
        return scalar().trim() === '1';
      case 'dateTime.iso8601':
        // Kept as text: normalizeResult turns it into XAPI's datetime string.
        return scalar().trim();
      case 'base64':
        return Buffer.from(scalar(), 'base64');
      case 'nil':
        if (!tag.empty) this.expectClose('nil');
        return null;
      case 'array':
        return this.parseArray(tag.empty);
      case 'struct':
        return this.parseStruct(tag.empty);
      default:
        return this.fail(`unknown type <${tag.name}>`);
    }
  }

  private parseArray(empty: boolean): unknown[] {
    const items: unknown[] = [];
    if (empty) return items;
    const data = this.readTag();
    if (data.name !== 'data') this.fail('expected <data>');
    if (!data.empty) {
      while (this.peekIsTag()) items.push(this.parseValue());
      this.expectClose('data');
    }
    this.expectClose('array');
    return items;
  }

  private parseStruct(empty: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (empty) return out;
    while (this.peekIsTag()) {
      const member = this.readTag();
      if (member.name !== 'member') this.fail('expected <member>');
      const nameTag = this.readTag();
      if (nameTag.name !== 'name') this.fail('expected <name>');
      const name = nameTag.empty ? '' : this.readText();
      if (!nameTag.empty) this.expectClose('name');
      out[name] = this.parseValue();
      this.expectClose('member');
    }
    this.expectClose('struct');
    return out;
  }
}

/** Parses a task result string; '' stays '' and a bare (non-XML) string is returned as is. */
export function parseXmlRpcValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '' || !trimmed.startsWith('<')) return text;
  return new ValueParser(trimmed).parseDocument();
}
