// Pool-wide actions by their Operation kind, for recovery after a restart.
import type { TargetAction } from '../../operations/action.js';
import { poolRollingRebootAction } from '../actions/pool-rolling-reboot.js';
import { emergencyTransitionAction } from './emergency-master.js';

export const POOL_ACTIONS: ReadonlyMap<string, TargetAction<never>> = new Map(
  ([poolRollingRebootAction, emergencyTransitionAction] as TargetAction<never>[]).map((action) => [action.kind, action]),
);
