#!/usr/bin/env node
// Package entry point: the compiled CLI when dist/ holds a build of the current sources (npm start makes one),
// otherwise the TypeScript sources through tsx, so a checkout works without a build step.
import { isBuildCurrent } from '../scripts/build.mjs';

if (isBuildCurrent()) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
