// Lookup structures over the generated datamodel: classes, fields with parsed types and defaults, messages.
import { CLASSES, ENUMS } from './generated.js';
import { NEVER, NULL_REF, parseType, type XType } from './spec.js';

export { ENUMS } from './generated.js';
export * from './spec.js';

export interface FieldInfo {
  readonly name: string;
  readonly type: XType;
  readonly rw: boolean;
  readonly qualifier: string;
  /** Whether the datamodel names a default; constructor records may omit only such members. */
  readonly hasDefault: boolean;
  /** A fresh default value (maps and sets are new objects each call). */
  defaultValue(): unknown;
}

export interface MessageInfo {
  readonly cls: string;
  readonly name: string;
  readonly wireName: string;
  readonly params: readonly { readonly name: string; readonly type: XType }[];
  readonly result: XType;
  readonly implicit: boolean;
  readonly sessionFirst: boolean;
  readonly removed: boolean;
}

export interface ClassInfo {
  readonly name: string;
  readonly lower: string;
  readonly fields: readonly FieldInfo[];
  readonly field: ReadonlyMap<string, FieldInfo>;
  readonly messages: ReadonlyMap<string, MessageInfo>;
}

/** Zero value XAPI gives a field of this type when the datamodel names no default. */
export function zeroValue(type: XType): unknown {
  switch (type.kind) {
    case 'string': return '';
    case 'int': case 'float': return 0;
    case 'bool': return false;
    case 'datetime': return NEVER;
    case 'ref': return NULL_REF;
    case 'enum': return ENUMS[type.name]?.[0] ?? '';
    case 'set': return [];
    case 'map': case 'record': case 'event_batch': return {};
    default: return '';
  }
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** Turns the datamodel's default notation (`{}`, `"x"`, `Null`, `1.`, `{"k" -> "v"}`, `{0}`) into a value. */
export function parseDefault(text: string, type: XType): unknown {
  switch (type.kind) {
    case 'string': return unquote(text);
    case 'int': return Number.parseInt(text, 10);
    case 'float': return Number.parseFloat(text);
    case 'bool': return text === 'true';
    case 'datetime': return text;
    case 'ref': return text === 'Null' ? NULL_REF : text;
    case 'enum': return text;
    case 'set': {
      const inner = text.slice(1, -1).trim();
      return inner === '' ? [] : inner.split(',').map((item) => parseDefault(item.trim(), type.of));
    }
    case 'map': {
      const inner = text.slice(1, -1).trim();
      const out: Record<string, unknown> = {};
      if (inner === '') return out;
      for (const pair of inner.split(',')) {
        const [k, v] = pair.split('->').map((s) => s.trim());
        out[unquote(k)] = parseDefault(v, type.value);
      }
      return out;
    }
    default: return zeroValue(type);
  }
}

function isStructured(type: XType): boolean {
  return type.kind === 'set' || type.kind === 'map';
}

function buildClass(spec: (typeof CLASSES)[number]): ClassInfo {
  const fields: FieldInfo[] = spec.fields.map(([name, typeText, qualifier, def]) => {
    const type = typeText === '<class> record' ? ({ kind: 'any' } as XType) : parseType(typeText);
    const value = def === undefined ? zeroValue(type) : parseDefault(def, type);
    const fresh = isStructured(type) ? () => structuredClone(value) : () => value;
    return { name, type, rw: qualifier === 'RW', qualifier, hasDefault: def !== undefined, defaultValue: fresh };
  });
  const messages = new Map<string, MessageInfo>();
  for (const [name, params, result, flags] of spec.messages) {
    messages.set(name, {
      cls: spec.name,
      name,
      wireName: `${spec.name}.${name}`,
      params: params.map(([pname, ptype]) => ({ name: pname, type: parseType(ptype) })),
      result: parseType(result),
      implicit: flags.includes('i'),
      sessionFirst: flags.includes('s'),
      removed: flags.includes('r'),
    });
  }
  return {
    name: spec.name,
    lower: spec.name.toLowerCase(),
    fields,
    field: new Map(fields.map((f) => [f.name, f])),
    messages,
  };
}

const classes = new Map<string, ClassInfo>();
const byLower = new Map<string, ClassInfo>();
for (const spec of CLASSES) {
  const info = buildClass(spec);
  classes.set(info.name, info);
  byLower.set(info.lower, info);
}

export const datamodel = {
  classes: classes as ReadonlyMap<string, ClassInfo>,
  /** Class by exact name (`VM`) or case-insensitively (`vm`), as event subscriptions spell them. */
  find(name: string): ClassInfo | undefined {
    return classes.get(name) ?? byLower.get(name.toLowerCase());
  },
  get(name: string): ClassInfo {
    const info = this.find(name);
    if (!info) throw new Error(`class not modelled: ${name}`);
    return info;
  },
};
