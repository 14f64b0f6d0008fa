// Every driver action by its Operation kind, for recovery after a restart.
import type { InstanceAction } from '../../operations/action.js';
import { destroyAction } from './destroy.js';
import { updateMetadataAction } from './metadata.js';
import {
  pauseAction, powerOffAction, powerOnAction, rebootAction, restoreAction, resumeAction, setBootableAction,
  softDeleteAction, suspendAction, unpauseAction,
} from './power.js';
import { rescueAction, unrescueAction } from './rescue.js';
import { spawnAction } from '../spawn/spawn-action.js';

const all: InstanceAction<never>[] = [
  spawnAction,
  rebootAction, powerOffAction, powerOnAction, pauseAction, unpauseAction, suspendAction, resumeAction,
  softDeleteAction, restoreAction, setBootableAction,
  destroyAction, rescueAction, unrescueAction, updateMetadataAction,
] as InstanceAction<never>[];

export const INSTANCE_ACTIONS: ReadonlyMap<string, InstanceAction<never>> = new Map(all.map((action) => [action.kind, action]));
