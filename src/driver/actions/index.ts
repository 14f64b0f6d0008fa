// Every driver action by its Operation kind, for recovery after a restart.
import type { InstanceAction } from '../../operations/action.js';
import { ejectCdAction } from './cd.js';
import { injectFileAction, injectNetworkInfoAction, resetNetworkAction, setAdminPasswordAction } from './agent.js';
import { destroyAction } from './destroy.js';
import { setHaRestartPriorityAction } from './ha-protection.js';
import { attachInterfaceAction, detachInterfaceAction } from './interfaces.js';
import { updateMetadataAction } from './metadata.js';
import {
  pauseAction, powerOffAction, powerOnAction, rebootAction, restoreAction, resumeAction, setBootableAction,
  softDeleteAction, suspendAction, unpauseAction,
} from './power.js';
import { rescueAction, unrescueAction } from './rescue.js';
import { confirmResizeAction, migrateAction, resizeAction, revertResizeAction } from './resize.js';
import { addSecurityGroupAction, removeSecurityGroupAction } from './security-groups.js';
import { cleanupSnapshotsAction, snapshotAction } from './snapshot.js';
import { resumeStateOnHostBootAction } from '../host/resume-on-boot.js';
import { liveMigrateAction } from '../live-migration/live-migrate-action.js';
import { spawnAction } from '../spawn/spawn-action.js';
import { attachVolumeAction, detachVolumeAction } from './volumes.js';

const all: InstanceAction<never>[] = [
  spawnAction,
  rebootAction, powerOffAction, powerOnAction, pauseAction, unpauseAction, suspendAction, resumeAction,
  softDeleteAction, restoreAction, setBootableAction, ejectCdAction,
  destroyAction, rescueAction, unrescueAction, updateMetadataAction,
  resizeAction, migrateAction, confirmResizeAction, revertResizeAction,
  snapshotAction, cleanupSnapshotsAction,
  attachVolumeAction, detachVolumeAction,
  attachInterfaceAction, detachInterfaceAction, addSecurityGroupAction, removeSecurityGroupAction,
  liveMigrateAction, resumeStateOnHostBootAction,
  setAdminPasswordAction, injectFileAction, resetNetworkAction, injectNetworkInfoAction,
  setHaRestartPriorityAction,
] as InstanceAction<never>[];

export const INSTANCE_ACTIONS: ReadonlyMap<string, InstanceAction<never>> = new Map(all.map((action) => [action.kind, action]));
