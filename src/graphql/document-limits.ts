// Bounds on a GraphQL document, checked before graphql-js does any recursive work on it: a linear scan of
// the text for bracket nesting (graphql-js parses and validates by recursion, so 2,000 nested levels blow
// the stack), parsing with a token budget, then one pass over the parsed document that counts every field
// selection — `__typename` and introspection fields included, fragments expanded — and its depth. Only
// then do validation rules (some quadratic in the number of fields) and execution see it.
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export const DOCUMENT_LIMITS = {
  /** Lexical tokens in the document; GraphiQL's full introspection query has about 400. */
  maxTokens: 5000,
  /** Nested `{`, `[` and `(` anywhere in the text: selection sets, list and object literals. */
  maxNesting: 32,
  /** Field selections executed, each alias and each fragment spread counted as written out. */
  maxFields: 2000,
  /** Aliased field selections, `__typename` and introspection fields included. */
  maxAliases: 100,
  /** Nested selection sets, introspection (`ofType { ofType … }`) included. */
  maxDepth: 20,
} as const;

export type DocumentLimits = { readonly [K in keyof typeof DOCUMENT_LIMITS]: number };

function tooComplex(message: string, measure: string, value: number, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', measure, value, limit } });
}

/** Deepest bracket nesting of the text outside strings and comments; stops counting once past `limit`. */
export function bracketNesting(source: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (char === '{' || char === '[' || char === '(') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

interface Measure {
  readonly fields: number;
  readonly aliases: number;
  readonly depth: number;
}

const NOTHING: Measure = { fields: 0, aliases: 0, depth: 0 };

/**
 * What executing each operation would select, fragments written out. Fragments are measured once each, so a
 * fragment spread twice in each of twenty nested fragments costs twenty steps here, not a million. A cycle
 * or an unknown fragment counts as nothing: validation reports those.
 */
export function measureDocument(document: DocumentNode): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const fragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const result = selectionSet(definition.selectionSet);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  // Recursion is safe here: bracketNesting bounded how deep selection sets can be.
  const selectionSet = (set: SelectionSetNode): Measure => {
    let fields = 0;
    let aliases = 0;
    let depth = 0;
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? selectionSet(selection.selectionSet) : NOTHING;
        inner = { fields: below.fields + 1, aliases: below.aliases + (selection.alias ? 1 : 0), depth: below.depth };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const below = selectionSet(selection.selectionSet);
        inner = { ...below, depth: below.depth - 1 };
      } else {
        const below = fragment(selection.name.value);
        inner = { ...below, depth: below.depth - 1 };
      }
      fields += inner.fields;
      aliases += inner.aliases;
      depth = Math.max(depth, inner.depth);
    }
    return { fields, aliases, depth: depth + 1 };
  };

  let fields = 0;
  let aliases = 0;
  let depth = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation = selectionSet(definition.selectionSet);
    fields += operation.fields;
    aliases += operation.aliases;
    depth = Math.max(depth, operation.depth);
  }
  return { fields, aliases, depth };
}

/** Parses `source` within the limits, or throws a GraphQLError with code QUERY_TOO_COMPLEX (or a syntax error). */
export function parseWithinLimits(source: string, limits: DocumentLimits = DOCUMENT_LIMITS): DocumentNode {
  const nesting = bracketNesting(source, limits.maxNesting);
  if (nesting > limits.maxNesting) {
    throw tooComplex(`Document too deeply nested: more than ${limits.maxNesting} levels of brackets`, 'nesting', nesting, limits.maxNesting);
  }
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens });
  } catch (error) {
    // graphql-js words it "Document contains more that N tokens".
    if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
      throw tooComplex(`Document too long: more than ${limits.maxTokens} tokens`, 'tokens', limits.maxTokens + 1, limits.maxTokens);
    }
    throw error;
  }
  const { fields, aliases, depth } = measureDocument(document);
  if (fields > limits.maxFields) throw tooComplex(`Document selects ${fields} fields, the limit is ${limits.maxFields}`, 'fields', fields, limits.maxFields);
  if (aliases > limits.maxAliases) throw tooComplex(`Document has ${aliases} aliases, the limit is ${limits.maxAliases}`, 'aliases', aliases, limits.maxAliases);
  if (depth > limits.maxDepth) throw tooComplex(`Document is ${depth} selections deep, the limit is ${limits.maxDepth}`, 'depth', depth, limits.maxDepth);
  return document;
}
