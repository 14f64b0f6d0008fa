// Every driver action the console offers, by the mutation that runs it and what it acts on. The form for each is
// built from the mutation's input type, so this list holds no field or state rules: only where a button goes.
import type { Role } from '../gql/graphql.js';

/** What an action's `id` input names; `new` actions create their target. */
export type ActionTarget = 'instance' | 'new-instance' | 'host' | 'aggregate' | 'new-aggregate' | 'pool';

export interface ActionSpec {
  /** The Mutation field, e.g. `instanceLiveMigrate`. */
  readonly mutation: string;
  readonly target: ActionTarget;
}

const INSTANCE_ACTIONS = [
  'instancePowerOn', 'instancePowerOff', 'instanceReboot', 'instancePause', 'instanceUnpause', 'instanceSuspend',
  'instanceResume', 'instanceSnapshot', 'instanceResize', 'instanceConfirmResize', 'instanceRevertResize',
  'instanceMigrate', 'instanceLiveMigrate', 'instanceRescue', 'instanceUnrescue', 'instanceAttachVolume',
  'instanceDetachVolume', 'instanceAttachInterface', 'instanceDetachInterface', 'instanceAddSecurityGroup',
  'instanceRemoveSecurityGroup', 'instanceSetAdminPassword', 'instanceInjectFile', 'instanceResetNetwork',
  'instanceInjectNetworkInfo', 'instanceUpdateMetadata', 'instanceSetBootable', 'instanceEjectCd',
  'instanceCleanupSnapshots', 'instanceSetHaRestartPriority', 'instanceSoftDelete', 'instanceRestore', 'instanceDestroy',
] as const;
const HOST_ACTIONS = ['hostSetMaintenanceMode', 'hostSetEnabled', 'hostPowerAction'] as const;
const AGGREGATE_ACTIONS = ['aggregateAddHost', 'aggregateRemoveHost', 'aggregateUpdateMetadata', 'aggregateDelete'] as const;
// An emergency transition names the host to promote, so it stands on the host's card.
const POOL_ACTIONS_ON_HOSTS = ['poolEmergencyTransition'] as const;

export const ACTIONS: readonly ActionSpec[] = [
  { mutation: 'instanceSpawn', target: 'new-instance' },
  ...INSTANCE_ACTIONS.map((mutation) => ({ mutation, target: 'instance' as const })),
  ...HOST_ACTIONS.map((mutation) => ({ mutation, target: 'host' as const })),
  ...POOL_ACTIONS_ON_HOSTS.map((mutation) => ({ mutation, target: 'host' as const })),
  { mutation: 'poolRollingReboot', target: 'pool' },
  { mutation: 'aggregateCreate', target: 'new-aggregate' },
  ...AGGREGATE_ACTIONS.map((mutation) => ({ mutation, target: 'aggregate' as const })),
];

/** The input field that names the action's target: pools are named by `poolId`, everything else by `id`. */
export function targetFieldOf(action: ActionSpec): string {
  return action.target === 'pool' ? 'poolId' : 'id';
}

export function actionsFor(target: ActionTarget): readonly ActionSpec[] {
  return ACTIONS.filter((action) => action.target === target);
}

/** Operators run instance actions; hosts and aggregates are the administrators' (the API's scopes). */
export function roleNeeded(action: ActionSpec): Role {
  return action.target === 'instance' || action.target === 'new-instance' ? 'OPERATOR' : 'ADMIN';
}

const ROLE_RANK: Readonly<Record<Role, number>> = { READER: 0, OPERATOR: 1, ADMIN: 2 };

export function roleAllows(role: Role, action: ActionSpec): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[roleNeeded(action)];
}

/**
 * `instanceLiveMigrate` → "Live migrate": the button says what the mutation is called, in words; one that makes its
 * target names it (`instanceSpawn` → "Spawn instance"), since it stands on a page rather than on the target.
 */
export function actionLabel(action: ActionSpec): string {
  const entity = /^(instance|host|aggregate|pool)/.exec(action.mutation)?.[1] ?? '';
  const words = action.mutation.slice(entity.length).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const label = action.target.startsWith('new-') ? `${words} ${entity}` : words;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The input and result type names the schema gives every mutation (`instanceReboot` → `InstanceRebootInput`). */
export function typeNamesOf(mutation: string): { input: string; result: string } {
  const base = mutation.charAt(0).toUpperCase() + mutation.slice(1);
  return { input: `${base}Input`, result: `${base}Result` };
}
