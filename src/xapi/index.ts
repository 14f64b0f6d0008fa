// Public API of the XAPI client library. Nothing here knows about Nova, GraphQL or the database.
export { XapiClient, connectXapi, DEFAULT_WATCHED_CLASSES } from './client.js';
export type { XapiClientOptions, XapiClientEvents, CallAsyncOptions } from './client.js';
export { XapiError, XapiTransportError, XapiProtocolError, XapiErrorCode, isXapiError, isTransportError } from './errors.js';
export { createXmlRpcTransport } from './transport.js';
export { importVdiContent } from './vdi-import.js';
export type { VdiImport } from './vdi-import.js';
export type { XapiTransport, XapiTransportFactory, XapiCallOptions, XmlRpcTransportOptions } from './transport.js';
export { ObjectCache, canonicalClass } from './object-cache.js';
export type { CacheChange, CacheOperation, XapiEvent } from './object-cache.js';
export { EventWatcher } from './event-watcher.js';
export type { ConnectionState, ConnectionStatus } from './event-watcher.js';
export { normalizeRecord, normalizeResult, normalizeValue, formatXapiDate, parseXapiDate, toXapiDate } from './normalize.js';
export type { XapiRecord } from './normalize.js';
export { parseXmlRpcValue } from './xml-value.js';
export { taskOutcome, isTaskFinished } from './tasks.js';
export type { TaskWaitOptions } from './tasks.js';
export { withHost } from './session.js';
export { NULL_REF } from './datamodel/index.js';
