// Cursor connections over the store's keyset paging, with XAPI-free totalCount and Relay's argument rules.
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { InvalidCursorError } from '../store/errors.js';
import { builder } from './builder.js';
import { DEFAULT_PAGE_SIZE } from './query-cost.js';

export const MAX_PAGE_SIZE = 100;
/**
 * Operators and admins may page a large inventory in pages this big: per-request costs (parse, auth, response)
 * then weigh a tenth as much on listing 10,000 instances, and the listing is read from the store alone.
 */
export const TRUSTED_MAX_PAGE_SIZE = 1000;

/** The largest page `principal` may ask for in a connection that allows trusted roles more. */
export function maxPageSizeFor(principal: { readonly role: string } | null): number {
  return principal?.role === 'admin' || principal?.role === 'operator' ? TRUSTED_MAX_PAGE_SIZE : MAX_PAGE_SIZE;
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** What a paged repository offers: a window of items in order, a count, and each item's cursor. */
export interface PagedSource<T> {
  list(window: ResolveCursorConnectionArgs): Promise<T[]>;
  count(): Promise<number>;
  cursorOf(item: T): string;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function checkPageSize(name: string, value: number | null | undefined, maxSize: number): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 0) throw badInput(`"${name}" must be a non-negative integer, got ${value}`);
  if (value > maxSize) throw badInput(`"${name}" may be at most ${maxSize}, got ${value}`);
}

/** Resolves a Relay connection; totalCount is computed only when a client selects it. */
export async function pagedConnection<T>(args: ConnectionArgs, source: PagedSource<T>, maxSize = MAX_PAGE_SIZE) {
  checkPageSize('first', args.first, maxSize);
  checkPageSize('last', args.last, maxSize);
  const sized = args.first == null && args.last == null ? { ...args, first: DEFAULT_PAGE_SIZE } : args;
  try {
    // Cursors are encoded later, for the edges and page bounds a client selects: a page of 1000 usually
    // wants only its endCursor.
    const connection = await resolveCursorConnection(
      { args: sized, toCursor: () => '', defaultSize: DEFAULT_PAGE_SIZE, maxSize },
      (window: ResolveCursorConnectionArgs) => source.list(window),
    );
    return { ...withLazyCursors(connection, args, source), totalCount: () => source.count() };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badInput(error.message);
    throw error;
  }
}

interface Connection<T> {
  readonly edges: readonly { node: T }[];
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

function withLazyCursors<T>(connection: Connection<T>, args: ConnectionArgs, source: PagedSource<T>) {
  const edges = connection.edges.map((edge) => lazyEdge(edge.node, source));
  // With no items the bounds are the cursor the window was asked from, as Relay's resolver gives them.
  const bound = (edge: { cursor: string } | undefined) => (edge ? edge.cursor : args.after ?? args.before ?? '');
  return {
    ...connection,
    edges,
    pageInfo: {
      ...connection.pageInfo,
      get startCursor() { return bound(edges[0]); },
      get endCursor() { return bound(edges.at(-1)); },
    },
  };
}

function lazyEdge<T>(node: T, source: PagedSource<T>): { node: T; readonly cursor: string } {
  return { node, get cursor() { return source.cursorOf(node); } };
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the connection holds in all, across pages.',
    resolve: (parent) => {
      const total = (parent as { totalCount?: number | (() => Promise<number>) }).totalCount;
      return typeof total === 'function' ? total() : (total ?? 0);
    },
  }));

/** A repository whose list needs no filter or ordering choice: its keyset order is fixed. */
export interface PlainPagedRepo<T> {
  list(filter: Record<string, never>, window: ResolveCursorConnectionArgs): Promise<T[]>;
  count(filter: Record<string, never>): Promise<number>;
  cursorOf(item: T): string;
}

export function plainConnection<T>(args: ConnectionArgs, repo: PlainPagedRepo<T>) {
  return pagedConnection<T>(args, {
    list: (window) => repo.list({}, window),
    count: () => repo.count({}),
    cursorOf: (item) => repo.cursorOf(item),
  });
}
