// The expression language of XAPI's `get_all_records_where`: `field "power__state" = "Running" and not …`.
//
// Precedence follows XAPI's own grammar (ocaml/database/db_filter_parse.mly), which is unusual on purpose:
// `and` and `or` bind equally and associate to the left (`a or b and c` is `(a or b) and c`), and `not`
// binds loosest, negating everything to its right up to a closing parenthesis (`not a and b` is
// `not (a and b)`). Clients written against real hosts depend on that, so it is kept. Beyond XAPI, keywords
// are case-insensitive and `<>` / `!=` are accepted as the negation of `=`.

export class WhereSyntaxError extends Error {
  override name = 'WhereSyntaxError';
}

export type WherePredicate = (record: Record<string, unknown>) => boolean;

type TokenKind = '(' | ')' | '=' | '<>' | 'string' | 'field' | 'and' | 'or' | 'not' | 'true' | 'false' | 'end';

interface Token {
  kind: TokenKind;
  /** Literal text for `string`. */
  text: string;
  at: number;
}

const KEYWORDS = new Set<TokenKind>(['field', 'and', 'or', 'not', 'true', 'false']);

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < expr.length) {
    const ch = expr[pos];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos++;
    } else if (ch === '(' || ch === ')' || ch === '=') {
      tokens.push({ kind: ch, text: ch, at: pos });
      pos++;
    } else if (expr.startsWith('<>', pos) || expr.startsWith('!=', pos)) {
      tokens.push({ kind: '<>', text: expr.slice(pos, pos + 2), at: pos });
      pos += 2;
    } else if (ch === '"') {
      // XAPI's lexer has no escapes: a literal runs to the next double quote.
      const end = expr.indexOf('"', pos + 1);
      if (end < 0) throw new WhereSyntaxError(`unterminated string at ${pos}`);
      tokens.push({ kind: 'string', text: expr.slice(pos + 1, end), at: pos });
      pos = end + 1;
    } else {
      const word = /^[A-Za-z]+/.exec(expr.slice(pos, pos + 16))?.[0].toLowerCase();
      if (!word || !KEYWORDS.has(word as TokenKind)) {
        throw new WhereSyntaxError(`unexpected ${JSON.stringify(expr.slice(pos, pos + 10))} at ${pos}`);
      }
      tokens.push({ kind: word as TokenKind, text: word, at: pos });
      pos += word.length;
    }
  }
  tokens.push({ kind: 'end', text: '', at: expr.length });
  return tokens;
}

type Operand = (record: Record<string, unknown>) => unknown;

function fieldReader(name: string): Operand {
  // The DB spells namespaces with a double underscore (name__label); records join them with one.
  const joined = name.replaceAll('__', '_');
  if (joined === name) return (record) => record[name];
  return (record) => {
    const value = record[joined];
    return value !== undefined ? value : record[name];
  };
}

function asText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return value;
    case 'boolean': return value ? 'true' : 'false';
    case 'number': case 'bigint': return String(value);
    default: return value === null || value === undefined ? '' : undefined;
  }
}

/** Equality as strings; a set equals a value it contains; maps equal nothing. */
function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return a.length === b.length && a.every((item, i) => asText(item) === asText(b[i]));
    const text = asText(b);
    return text !== undefined && a.some((item) => asText(item) === text);
  }
  if (Array.isArray(b)) return equal(b, a);
  const left = asText(a);
  return left !== undefined && left === asText(b);
}

class WhereParser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): WherePredicate {
    const predicate = this.expression();
    if (this.peek().kind !== 'end') this.unexpected();
    return predicate;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private take(kind: TokenKind): Token {
    const token = this.tokens[this.i];
    if (token.kind !== kind) this.unexpected(kind);
    this.i++;
    return token;
  }

  private unexpected(expected?: string): never {
    const token = this.peek();
    const found = token.kind === 'end' ? 'end of expression' : token.kind === 'string' ? `"${token.text}"` : token.text;
    throw new WhereSyntaxError(`${expected ? `expected ${expected}, ` : ''}found ${found} at ${token.at}`);
  }

  private expression(): WherePredicate {
    let left = this.operand();
    for (;;) {
      const kind = this.peek().kind;
      if (kind !== 'and' && kind !== 'or') return left;
      this.i++;
      const a = left;
      const b = this.operand();
      left = kind === 'and' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
  }

  private operand(): WherePredicate {
    const token = this.peek();
    switch (token.kind) {
      case 'not': {
        this.i++;
        const inner = this.expression();
        return (r) => !inner(r);
      }
      case 'true':
        this.i++;
        return () => true;
      case 'false':
        this.i++;
        return () => false;
      case '(': {
        this.i++;
        const inner = this.expression();
        this.take(')');
        return inner;
      }
      default:
        return this.comparison();
    }
  }

  private comparison(): WherePredicate {
    const left = this.value();
    const op = this.peek().kind;
    if (op !== '=' && op !== '<>') this.unexpected('= or <>');
    this.i++;
    const right = this.value();
    const negate = op === '<>';
    if (typeof right === 'string' && typeof left !== 'string') {
      return negate ? (r) => !equal(left(r), right) : (r) => equal(left(r), right);
    }
    const l = typeof left === 'string' ? () => left : left;
    const rr = typeof right === 'string' ? () => right : right;
    return negate ? (r) => !equal(l(r), rr(r)) : (r) => equal(l(r), rr(r));
  }

  /** A literal as its string, or a field as a reader. */
  private value(): string | Operand {
    const token = this.peek();
    if (token.kind === 'string') {
      this.i++;
      return token.text;
    }
    if (token.kind === 'field') {
      this.i++;
      return fieldReader(this.take('string').text);
    }
    return this.unexpected('field "<name>" or "<value>"');
  }
}

export function compileWhere(expr: string): WherePredicate {
  return new WhereParser(tokenize(expr)).parse();
}
