// Every driver action by its Operation kind, for recovery after a restart.
import type { InstanceAction } from '../../operations/action.js';
import { destroyAction } from './destroy.js';
import { updateMetadataAction } from './metadata.js';
import {
  pauseAction, powerOffAction, powerOnAction, rebootAction, restoreAction, resumeAction, setBootableAction,
  softDeleteAction, suspendAction, unpauseAction,
} from './power.js';
import { rescueAction, unrescueAction } from './rescue.js';
import { confirmResizeAction, migrateAction, resizeAction, revertResizeAction } from './resize.js';
import { cleanupSnapshotsAction, snapshotAction } from './snapshot.js';
import { liveMigrateAction } from '../live-migration/live-migrate-action.js';
import { spawnAction } from '../spawn/spawn-action.js';
import { attachVolumeAction, detachVolumeAction } from './volumes.js';

const all: InstanceAction<never>[] = [
  spawnAction,
  rebootAction, powerOffAction, powerOnAction, pauseAction, unpauseAction, suspendAction, resumeAction,
  softDeleteAction, restoreAction, setBootableAction,
  destroyAction, rescueAction, unrescueAction, updateMetadataAction,
  resizeAction, migrateAction, confirmResizeAction, revertResizeAction,
  snapshotAction, cleanupSnapshotsAction,
  attachVolumeAction, detachVolumeAction,
  liveMigrateAction,
] as InstanceAction<never>[];

export const INSTANCE_ACTIONS: ReadonlyMap<string, InstanceAction<never>> = new Map(all.map((action) => [action.kind, action]));
