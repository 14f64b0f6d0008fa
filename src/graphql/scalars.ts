// Custom scalars: DateTime as an ISO-8601 string in UTC, JSON as any JSON value (redacted on the way out).
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { redactSecrets } from '../redaction.js';
import { builder } from './builder.js';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): Date {
  // Accept only full timestamps with an explicit zone, so the server never guesses a local time.
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw badInput(`DateTime must be an ISO-8601 timestamp with a zone, e.g. 2024-05-01T12:00:00Z; got ${JSON.stringify(value)}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput(`DateTime ${JSON.stringify(value)} is not a real date`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'A point in time as an ISO-8601 string in UTC, e.g. 2024-05-01T12:00:00.000Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string | number);
    if (Number.isNaN(date.getTime())) throw new Error(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literalValue(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((item) => literalValue(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value. Entries under secret-looking keys (passwords, secrets, session ids) read as "[redacted]".',
  // Every JSON output (operation results, raw XAPI records, metadata) is redacted here, in one place.
  serialize: (value) => redactSecrets(value),
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalValue(ast, variables),
});
