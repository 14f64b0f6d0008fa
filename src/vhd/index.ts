// The VHD format, shared by the store (demo images) and the simulator (imports and exports).
export * from './format.js';
export * from './create.js';
export * from './forward-reader.js';
export * from './stream.js';
