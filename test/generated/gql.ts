/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ApiTokens($first: Int, $after: String, $includeRevoked: Boolean) {\n  apiTokens(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        role\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n}\n\nmutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n  apiTokenCreate(input: $input) {\n    __typename\n    ... on ApiTokenCreatePayload {\n      secret\n      token {\n        id\n        name\n        role\n      }\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nmutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n  apiTokenRevoke(input: $input) {\n    __typename\n    ... on ApiTokenRevokePayload {\n      token {\n        id\n        revokedAt\n      }\n    }\n    ... on NotFoundError {\n      resourceType\n      resourceId\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on ApiToken {\n      name\n      role\n    }\n  }\n}": typeof types.ApiTokensDocument,
    "subscription ConnectionStatusFeed {\n  connectionStatus {\n    poolName\n    state\n  }\n}\n\nsubscription XapiEventsFeed($classes: [String!]) {\n  xapiEvents(classes: $classes) {\n    class\n    operation\n  }\n}": typeof types.ConnectionStatusFeedDocument,
    "query Viewer {\n  viewer {\n    name\n    role\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query ApiTokens($first: Int, $after: String, $includeRevoked: Boolean) {\n  apiTokens(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        role\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n}\n\nmutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n  apiTokenCreate(input: $input) {\n    __typename\n    ... on ApiTokenCreatePayload {\n      secret\n      token {\n        id\n        name\n        role\n      }\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nmutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n  apiTokenRevoke(input: $input) {\n    __typename\n    ... on ApiTokenRevokePayload {\n      token {\n        id\n        revokedAt\n      }\n    }\n    ... on NotFoundError {\n      resourceType\n      resourceId\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on ApiToken {\n      name\n      role\n    }\n  }\n}": types.ApiTokensDocument,
    "subscription ConnectionStatusFeed {\n  connectionStatus {\n    poolName\n    state\n  }\n}\n\nsubscription XapiEventsFeed($classes: [String!]) {\n  xapiEvents(classes: $classes) {\n    class\n    operation\n  }\n}": types.ConnectionStatusFeedDocument,
    "query Viewer {\n  viewer {\n    name\n    role\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiTokens($first: Int, $after: String, $includeRevoked: Boolean) {\n  apiTokens(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        role\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n}\n\nmutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n  apiTokenCreate(input: $input) {\n    __typename\n    ... on ApiTokenCreatePayload {\n      secret\n      token {\n        id\n        name\n        role\n      }\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nmutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n  apiTokenRevoke(input: $input) {\n    __typename\n    ... on ApiTokenRevokePayload {\n      token {\n        id\n        revokedAt\n      }\n    }\n    ... on NotFoundError {\n      resourceType\n      resourceId\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on ApiToken {\n      name\n      role\n    }\n  }\n}"): (typeof documents)["query ApiTokens($first: Int, $after: String, $includeRevoked: Boolean) {\n  apiTokens(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        role\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n}\n\nmutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n  apiTokenCreate(input: $input) {\n    __typename\n    ... on ApiTokenCreatePayload {\n      secret\n      token {\n        id\n        name\n        role\n      }\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nmutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n  apiTokenRevoke(input: $input) {\n    __typename\n    ... on ApiTokenRevokePayload {\n      token {\n        id\n        revokedAt\n      }\n    }\n    ... on NotFoundError {\n      resourceType\n      resourceId\n    }\n    ... on UserError {\n      code\n      message\n      path\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on ApiToken {\n      name\n      role\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConnectionStatusFeed {\n  connectionStatus {\n    poolName\n    state\n  }\n}\n\nsubscription XapiEventsFeed($classes: [String!]) {\n  xapiEvents(classes: $classes) {\n    class\n    operation\n  }\n}"): (typeof documents)["subscription ConnectionStatusFeed {\n  connectionStatus {\n    poolName\n    state\n  }\n}\n\nsubscription XapiEventsFeed($classes: [String!]) {\n  xapiEvents(classes: $classes) {\n    class\n    operation\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    name\n    role\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    name\n    role\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;