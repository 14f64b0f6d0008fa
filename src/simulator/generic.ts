// The implicit messages XAPI generates for every class, driven by the datamodel:
// get_record, get_by_uuid, get_by_name_label, get_all, get_all_records(_where), get_/set_<field>,
// add_to_/remove_from_<map>, add_/remove_<set>, create and destroy.
import { parseType, type ClassInfo, type MessageInfo, type XType } from '../xapi/datamodel/index.js';
import type { Rec } from './db.js';
import { fail } from './errors.js';
import { compileWhere, WhereSyntaxError } from './query/where.js';
import type { CallContext, Handler } from './registry.js';

/** Messages that exist on the wire although the datamodel does not list them. */
export function hiddenMessage(cls: ClassInfo, name: string): MessageInfo | undefined {
  if (!cls.messages.has('get_all_records')) return undefined;
  const expr = [{ name: 'expr', type: parseType('string') }];
  if (name === 'get_all_records_where') {
    return hidden(cls, name, expr, parseType(`(${cls.name} ref -> ${cls.name} record) map`));
  }
  if (name === 'get_all_where') return hidden(cls, name, expr, parseType(`${cls.name} ref set`));
  return undefined;
}

function hidden(cls: ClassInfo, name: string, params: MessageInfo['params'], result: XType): MessageInfo {
  return {
    cls: cls.name, name, wireName: `${cls.name}.${name}`, params, result,
    implicit: true, sessionFirst: true, removed: false,
  };
}

// XAPI reports map keys in errors by their DB column: namespaces joined by a double underscore.
const NAMESPACED = /^(name|memory|VCPUs|PV|HVM|ha|wlb|power_on|snapshot|suspend|crash_dump|redo_log)_(.*)$/;
const dbFieldName = (field: string): string => field.replace(NAMESPACED, '$1__$2');

function whereFilter(expr: string): (record: Rec) => boolean {
  try {
    return compileWhere(expr);
  } catch (error) {
    if (error instanceof WhereSyntaxError) fail('INVALID_VALUE', 'expr', expr);
    throw error;
  }
}

function allRecords(ctx: CallContext, cls: string, keep: (r: Rec) => boolean = () => true): Record<string, Rec> {
  const out: Record<string, Rec> = {};
  for (const row of ctx.db.table(cls).values()) if (keep(row.record)) out[row.ref] = row.record;
  return out;
}

/** The generic behaviour of `cls.name`, or undefined when the name is not a generated message. */
export function genericHandler(cls: ClassInfo, name: string): Handler | undefined {
  const c = cls.name;
  switch (name) {
    case 'get_record': return (ctx, ref: string) => ctx.db.get(c, ref);
    case 'get_by_uuid':
      return (ctx, uuid: string) => ctx.db.refByUuid(c, uuid) ?? fail('UUID_INVALID', c, uuid);
    case 'get_by_name_label':
      return (ctx, label: string) => ctx.db.select(c, (r) => r.name_label === label).map(([ref]) => ref);
    case 'get_all': return (ctx) => [...ctx.db.table(c).keys()];
    case 'get_all_records': return (ctx) => allRecords(ctx, c);
    case 'get_all_records_where': return (ctx, expr: string) => allRecords(ctx, c, whereFilter(expr));
    case 'get_all_where':
      return (ctx, expr: string) => Object.keys(allRecords(ctx, c, whereFilter(expr)));
    case 'create': return (ctx, record: Rec) => ctx.db.create(c, record);
    case 'destroy':
      return (ctx, ref: string) => {
        ctx.db.get(c, ref);
        ctx.db.destroy(ref);
        return '';
      };
  }
  return fieldAccessor(cls, name);
}

function fieldAccessor(cls: ClassInfo, name: string): Handler | undefined {
  const c = cls.name;
  const field = (prefix: string) => (name.startsWith(prefix) ? cls.field.get(name.slice(prefix.length)) : undefined);

  const getter = field('get_');
  if (getter) return (ctx, ref: string) => ctx.db.get(c, ref)[getter.name];

  const setter = field('set_');
  if (setter) {
    return (ctx, ref: string, value: unknown) => {
      ctx.db.get(c, ref);
      ctx.db.update(ref, { [setter.name]: value });
      return '';
    };
  }

  const mapAdd = field('add_to_');
  if (mapAdd) {
    return (ctx, ref: string, key: string, value: unknown) => {
      const map = ctx.db.get(c, ref)[mapAdd.name] as Rec;
      if (key in map) fail('MAP_DUPLICATE_KEY', c, dbFieldName(mapAdd.name), ref, key);
      ctx.db.update(ref, (r) => { r[mapAdd.name] = { ...r[mapAdd.name], [key]: value }; });
      return '';
    };
  }

  const mapRemove = field('remove_from_');
  if (mapRemove) {
    return (ctx, ref: string, key: string) => {
      const map = ctx.db.get(c, ref)[mapRemove.name] as Rec;
      if (key in map) {
        ctx.db.update(ref, (r) => {
          const { [key]: _removed, ...rest } = r[mapRemove.name];
          r[mapRemove.name] = rest;
        });
      }
      return '';
    };
  }

  const setAdd = field('add_');
  if (setAdd) {
    return (ctx, ref: string, value: unknown) => {
      const set = ctx.db.get(c, ref)[setAdd.name] as unknown[];
      if (!set.includes(value)) ctx.db.update(ref, (r) => { r[setAdd.name] = [...r[setAdd.name], value]; });
      return '';
    };
  }

  const setRemove = field('remove_');
  if (setRemove) {
    return (ctx, ref: string, value: unknown) => {
      const set = ctx.db.get(c, ref)[setRemove.name] as unknown[];
      if (set.includes(value)) {
        ctx.db.update(ref, (r) => { r[setRemove.name] = r[setRemove.name].filter((v: unknown) => v !== value); });
      }
      return '';
    };
  }
  return undefined;
}
