// The form's text, as typed, turned into the input object the mutation takes. Only what the text itself cannot
// be (a number that is not one, JSON that does not parse) is caught here; every rule about values is the API's.
import type { UserErrorLike } from '../components/form/user-errors.js';
import type { FieldShape, InputField } from './input-schema.js';

export type FormValues = Readonly<Record<string, string>>;

/** What a field starts as: the schema's default (GraphQL literal text) as the form spells it. */
export function initialValue(field: InputField): string {
  if (field.defaultValue != null) return field.defaultValue.replace(/^"(.*)"$/, '$1');
  return field.shape.kind === 'boolean' && field.required ? 'false' : '';
}

function parseOne(text: string, kind: 'text' | 'id' | 'int' | 'float'): unknown {
  if (kind === 'text' || kind === 'id') return text;
  const value = Number(text);
  if (!Number.isFinite(value) || (kind === 'int' && !Number.isInteger(value))) {
    throw new Error(kind === 'int' ? 'Expected a whole number.' : 'Expected a number.');
  }
  return value;
}

function parseValue(text: string, shape: FieldShape): unknown {
  switch (shape.kind) {
    case 'boolean': return text === 'true';
    case 'enum': return text;
    case 'list': return text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean).map((item) => parseOne(item, shape.item));
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        throw new Error('Expected JSON, e.g. {"key": "value"} or [{…}].');
      }
    default: return parseOne(text, shape.kind);
  }
}

/** The input object, or the fields whose text could not be read (as typed errors with the field's path). */
export function inputOf(fields: readonly InputField[], values: FormValues, fixed: Readonly<Record<string, unknown>>):
  { input: Record<string, unknown> } | { errors: UserErrorLike[] } {
  const input: Record<string, unknown> = { ...fixed };
  const errors: UserErrorLike[] = [];
  for (const field of fields) {
    if (field.name in fixed) continue;
    const text = values[field.name] ?? '';
    // Left empty: not sent, so the API applies its default; the schema says which fields cannot be left out.
    if (text === '') {
      if (field.required) errors.push({ message: 'Required.', code: 'INVALID_INPUT', path: ['input', field.name] });
      continue;
    }
    try {
      input[field.name] = parseValue(text, field.shape);
    } catch (error) {
      errors.push({ message: (error as Error).message, code: 'INVALID_INPUT', path: ['input', field.name] });
    }
  }
  return errors.length > 0 ? { errors } : { input };
}
