/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApiTokenCreateInput = {
  idempotencyKey?: string | null | undefined;
  name: string;
  role: Role;
};

export type ApiTokenRevokeInput = {
  id: string;
};

/** A file the guest finds on its config drive, to be written at `path`. */
export type InjectedFileInput = {
  /** Base64. */
  contents: string;
  path: string;
};

export type InstanceDestroyInput = {
  /** False keeps the instance's VDIs on their SR. */
  deleteDisks?: boolean | null | undefined;
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceEventFilter = {
  hostId?: string | null | undefined;
  instanceId?: string | null | undefined;
  kinds?: Array<InstanceEventKind> | null | undefined;
};

export type InstanceEventKind =
  | 'INSTANCE_CHANGED'
  | 'INSTANCE_CREATED'
  | 'INSTANCE_DELETED'
  | 'POWER_STATE_CHANGED'
  | 'TASK_STATE_CHANGED';

export type InstanceFilter = {
  aggregateId?: string | null | undefined;
  hostId?: string | null | undefined;
  includeDeleted?: boolean | null | undefined;
  managed?: boolean | null | undefined;
  nameContains?: string | null | undefined;
  powerState?: PowerState | null | undefined;
  vmState?: VmState | null | undefined;
};

export type InstanceOrder = {
  direction?: OrderDirection | null | undefined;
  field: InstanceOrderField;
};

export type InstanceOrderField =
  | 'CREATED_AT'
  | 'NAME';

export type InstancePauseInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstancePowerOffInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
  retryInterval?: number | null | undefined;
  timeout?: number | null | undefined;
};

export type InstancePowerOnInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceRebootInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
  type: RebootType;
};

export type InstanceRescueInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
  /** The rescue image; the instance's own image when absent. */
  imageId?: string | null | undefined;
  /** Accepted for Nova compatibility but not applied: setting it needs a guest agent. Never stored. */
  password?: string | null | undefined;
};

export type InstanceRestoreInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceResumeInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceSetBootableInput = {
  bootable: boolean;
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceSoftDeleteInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceSpawnInput = {
  /** Set for the guest through the config drive; never stored. */
  adminPassword?: string | null | undefined;
  /** Place on one of this aggregate's hosts. */
  aggregateId?: string | null | undefined;
  /** Attach an OpenStack config drive (device 3). Implied by userData, injectedFiles and adminPassword, which travel on it. */
  configDrive?: boolean | null | undefined;
  flavorId: string;
  /** Place on this host rather than letting the scheduler choose. */
  hostId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  imageId: string;
  injectedFiles?: Array<InjectedFileInput> | null | undefined;
  /** String keys and values, readable by the guest under vm-data/user-metadata. */
  metadata?: unknown;
  name: string;
  /** One interface per network, in order (device 0, 1, …). */
  networkIds?: Array<string> | null | undefined;
  /** Base64, up to 64 KiB: cloud-init user data. */
  userData?: string | null | undefined;
};

export type InstanceSuspendInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceUnpauseInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceUnrescueInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
};

export type InstanceUpdateMetadataInput = {
  id: string;
  idempotencyKey?: string | null | undefined;
  /** Keys to remove. */
  remove?: Array<string> | null | undefined;
  /** Entries to add or overwrite: string keys and values. */
  set?: unknown;
};

export type NetworkAddSubnetInput = {
  cidr: string;
  dns?: Array<string> | null | undefined;
  gateway?: string | null | undefined;
  networkId: string;
};

export type OperationCancelInput = {
  id: string;
};

export type OperationStatus =
  | 'CANCELLED'
  | 'CANCELLING'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PoolConnectionState =
  | 'connected'
  | 'connecting'
  | 'reconnecting'
  | 'stopped';

/** Power state of the VM as XAPI reports it, in Nova's terms. */
export type PowerState =
  | 'CRASHED'
  | 'NOSTATE'
  | 'PAUSED'
  | 'RUNNING'
  | 'SHUTDOWN'
  | 'SUSPENDED';

export type RebootType =
  /** Reset the VM, like pressing the reset button. */
  | 'HARD'
  /** Ask the guest to restart (clean reboot). */
  | 'SOFT';

/** What a token may do; each role includes the ones before it. */
export type Role =
  /** Also manage API tokens and see raw XAPI events. */
  | 'ADMIN'
  /** Also run actions on instances and hosts. */
  | 'OPERATOR'
  /** Read everything, subscribe to feeds. */
  | 'READER';

/** Nova's stable state of an instance. */
export type VmState =
  | 'ACTIVE'
  | 'BUILDING'
  | 'DELETED'
  | 'ERROR'
  | 'PAUSED'
  | 'RESCUED'
  | 'RESIZED'
  | 'SHELVED'
  | 'SOFT_DELETED'
  | 'STOPPED'
  | 'SUSPENDED';

export type ApiTokensQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeRevoked?: boolean | null | undefined;
}>;


export type ApiTokensQuery = { apiTokens: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } }> } };

export type ApiTokenCreateMutationVariables = Exact<{
  input: ApiTokenCreateInput;
}>;


export type ApiTokenCreateMutation = { apiTokenCreate:
    | { __typename: 'ApiTokenCreatePayload', secret: string | null, token: { id: string, name: string, role: Role } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
   };

export type ApiTokenRevokeMutationVariables = Exact<{
  input: ApiTokenRevokeInput;
}>;


export type ApiTokenRevokeMutation = { apiTokenRevoke:
    | { __typename: 'ApiTokenRevokePayload', token: { id: string, revokedAt: string | null } }
    | { __typename: 'NotFoundError', resourceType: string, resourceId: string, code: string, message: string, path: Array<string> | null }
   };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Aggregate', id: string }
    | { __typename: 'ApiToken', name: string, role: Role, id: string }
    | { __typename: 'Flavor', id: string }
    | { __typename: 'Host', id: string }
    | { __typename: 'Image', id: string }
    | { __typename: 'Instance', id: string }
    | { __typename: 'Migration', id: string }
    | { __typename: 'Network', id: string }
    | { __typename: 'Operation', id: string }
   | null };

export type AcceptedActionFragment = { operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } };

type RefusedRequest_BaseUserError_Fragment = { __typename: 'BaseUserError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_IdempotencyKeyReuseError_Fragment = { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_InvalidStateError_Fragment = { __typename: 'InvalidStateError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_NoValidHostError_Fragment = { __typename: 'NoValidHostError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_NotFoundError_Fragment = { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null };

type RefusedRequest_OperationInProgressError_Fragment = { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null };

export type RefusedRequestFragment =
  | RefusedRequest_BaseUserError_Fragment
  | RefusedRequest_IdempotencyKeyReuseError_Fragment
  | RefusedRequest_InvalidInputError_Fragment
  | RefusedRequest_InvalidStateError_Fragment
  | RefusedRequest_NoValidHostError_Fragment
  | RefusedRequest_NotFoundError_Fragment
  | RefusedRequest_OperationInProgressError_Fragment
;

export type DestroyInstanceMutationVariables = Exact<{
  input: InstanceDestroyInput;
}>;


export type DestroyInstanceMutation = { instanceDestroy:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null }
   };

export type RescueInstanceMutationVariables = Exact<{
  input: InstanceRescueInput;
}>;


export type RescueInstanceMutation = { instanceRescue:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: string, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null }
   };

export type UnrescueInstanceMutationVariables = Exact<{
  input: InstanceUnrescueInput;
}>;


export type UnrescueInstanceMutation = { instanceUnrescue:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', currentState: string, allowedStates: Array<string>, code: string, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null }
   };

export type UpdateInstanceMetadataMutationVariables = Exact<{
  input: InstanceUpdateMetadataInput;
}>;


export type UpdateInstanceMetadataMutation = { instanceUpdateMetadata:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null }
   };

export type OperationOutcomeQueryVariables = Exact<{
  id: string;
}>;


export type OperationOutcomeQuery = { node:
    | { id: string, kind: string, status: OperationStatus, result: unknown, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type InstanceDetailQueryVariables = Exact<{
  id: string;
}>;


export type InstanceDetailQuery = { node:
    | { id: string, uuid: string, name: string, vmName: string, vmState: VmState, powerState: PowerState, taskState: string | null, progress: number, metadata: unknown, deletedAt: string | null, info: { maxMemKb: number, memKb: number, numCpu: number, cpuTimeNs: number } | null }
    | Record<PropertyKey, never>
   | null };

export type InstanceLookupQueryVariables = Exact<{
  uuid?: string | null | undefined;
  name?: string | null | undefined;
}>;


export type InstanceLookupQuery = { instance: { id: string, name: string, vmName: string, vmState: VmState } | null };

export type LiveInstanceNamesQueryVariables = Exact<{
  filter?: InstanceFilter | null | undefined;
}>;


export type LiveInstanceNamesQuery = { instances: { edges: Array<{ node: { id: string, name: string } }> } };

export type InstanceEventKindsSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type InstanceEventKindsSubscription = { instanceEvents:
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
    | { kind: InstanceEventKind, instance: { id: string } }
   };

export type SpawnForLifecycleMutationVariables = Exact<{
  input: InstanceSpawnInput;
}>;


export type SpawnForLifecycleMutation = { instanceSpawn:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidInputError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'InvalidStateError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'NoValidHostError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'NotFoundError', code: string, message: string, path: Array<string> | null }
    | { __typename: 'OperationInProgressError', code: string, message: string, path: Array<string> | null }
   };

export type LifecycleChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleChoicesQuery = { flavors: { edges: Array<{ node: { id: string, name: string } }> }, images: { edges: Array<{ node: { id: string, name: string } }> }, networks: { edges: Array<{ node: { id: string, name: string } }> } };

export type OperationStepsSubscriptionVariables = Exact<{
  id: string;
}>;


export type OperationStepsSubscription = { operationUpdated: { status: OperationStatus, progress: { percent: number, phase: string | null } } };

export type ActionOutcomeFragment = { operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } };

type RefusedAction_BaseUserError_Fragment = { __typename: 'BaseUserError', code: string, message: string };

type RefusedAction_IdempotencyKeyReuseError_Fragment = { __typename: 'IdempotencyKeyReuseError', code: string, message: string };

type RefusedAction_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: string, message: string };

type RefusedAction_InvalidStateError_Fragment = { __typename: 'InvalidStateError', code: string, message: string };

type RefusedAction_NoValidHostError_Fragment = { __typename: 'NoValidHostError', code: string, message: string };

type RefusedAction_NotFoundError_Fragment = { __typename: 'NotFoundError', code: string, message: string };

type RefusedAction_OperationInProgressError_Fragment = { __typename: 'OperationInProgressError', code: string, message: string };

export type RefusedActionFragment =
  | RefusedAction_BaseUserError_Fragment
  | RefusedAction_IdempotencyKeyReuseError_Fragment
  | RefusedAction_InvalidInputError_Fragment
  | RefusedAction_InvalidStateError_Fragment
  | RefusedAction_NoValidHostError_Fragment
  | RefusedAction_NotFoundError_Fragment
  | RefusedAction_OperationInProgressError_Fragment
;

export type SpawnInstanceMutationVariables = Exact<{
  input: InstanceSpawnInput;
}>;


export type SpawnInstanceMutation = { instanceSpawn:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NoValidHostError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type OperationProgressFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type OperationProgressFeedSubscription = { operationUpdated: { id: string, status: OperationStatus, progress: { percent: number, phase: string | null }, error: { code: string, xapiCode: string | null, xapiParams: Array<string> | null } | null } };

export type OperationStateQueryVariables = Exact<{
  id: string;
}>;


export type OperationStateQuery = { node:
    | { id: string, kind: string, status: OperationStatus, progress: { percent: number, phase: string | null }, error: { code: string, message: string, xapiCode: string | null, xapiParams: Array<string> | null } | null, instance: { id: string, uuid: string, name: string, vmState: VmState, powerState: PowerState, taskState: string | null, progress: number } | null }
    | Record<PropertyKey, never>
   | null };

export type SpawnChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type SpawnChoicesQuery = { flavors: { edges: Array<{ node: { id: string, name: string, memoryMb: number } }> }, images: { edges: Array<{ node: { id: string, name: string } }> }, networks: { edges: Array<{ node: { id: string, name: string } }> }, hosts: { edges: Array<{ node: { id: string, name: string } }> } };

export type RebootInstanceMutationVariables = Exact<{
  input: InstanceRebootInput;
}>;


export type RebootInstanceMutation = { instanceReboot:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type PowerOffInstanceMutationVariables = Exact<{
  input: InstancePowerOffInput;
}>;


export type PowerOffInstanceMutation = { instancePowerOff:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type PowerOnInstanceMutationVariables = Exact<{
  input: InstancePowerOnInput;
}>;


export type PowerOnInstanceMutation = { instancePowerOn:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type PauseInstanceMutationVariables = Exact<{
  input: InstancePauseInput;
}>;


export type PauseInstanceMutation = { instancePause:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type UnpauseInstanceMutationVariables = Exact<{
  input: InstanceUnpauseInput;
}>;


export type UnpauseInstanceMutation = { instanceUnpause:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type SuspendInstanceMutationVariables = Exact<{
  input: InstanceSuspendInput;
}>;


export type SuspendInstanceMutation = { instanceSuspend:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type ResumeInstanceMutationVariables = Exact<{
  input: InstanceResumeInput;
}>;


export type ResumeInstanceMutation = { instanceResume:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type SoftDeleteInstanceMutationVariables = Exact<{
  input: InstanceSoftDeleteInput;
}>;


export type SoftDeleteInstanceMutation = { instanceSoftDelete:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type RestoreInstanceMutationVariables = Exact<{
  input: InstanceRestoreInput;
}>;


export type RestoreInstanceMutation = { instanceRestore:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type SetInstanceBootableMutationVariables = Exact<{
  input: InstanceSetBootableInput;
}>;


export type SetInstanceBootableMutation = { instanceSetBootable:
    | { __typename: 'ActionPayload', operation: { id: string, status: OperationStatus, kind: string }, instance: { id: string, vmState: VmState, taskState: string | null } }
    | { __typename: 'IdempotencyKeyReuseError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationInProgressError', code: string, message: string }
   };

export type CancelOperationMutationVariables = Exact<{
  input: OperationCancelInput;
}>;


export type CancelOperationMutation = { operationCancel:
    | { __typename: 'BaseUserError', code: string, message: string }
    | { __typename: 'InvalidStateError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OperationCancelPayload', operation: { id: string, status: OperationStatus } }
   };

export type AddSubnetMutationVariables = Exact<{
  input: NetworkAddSubnetInput;
}>;


export type AddSubnetMutation = { networkAddSubnet:
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NetworkAddSubnetPayload', subnet: { cidr: string, gateway: string | null, dns: Array<string> } }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type InstancePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: InstanceFilter | null | undefined;
  orderBy?: InstanceOrder | null | undefined;
}>;


export type InstancePageQuery = { instances: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string } }> } };

export type InstancesWithPlacementQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: InstanceFilter | null | undefined;
}>;


export type InstancesWithPlacementQuery = { instances: { totalCount: number, edges: Array<{ node: { id: string, name: string, managed: boolean, powerState: PowerState, host: { id: string, name: string } | null, flavor: { id: string, name: string } | null } }> } };

export type InstanceUpdatedFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type InstanceUpdatedFeedSubscription = { instanceUpdated: { id: string, powerState: PowerState, host: { name: string } | null } };

export type InstanceEventsFeedSubscriptionVariables = Exact<{
  filter?: InstanceEventFilter | null | undefined;
}>;


export type InstanceEventsFeedSubscription = { instanceEvents:
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { from: PowerState, to: PowerState, kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
    | { kind: InstanceEventKind, at: string, instance: { id: string, uuid: string, name: string, managed: boolean } }
   };

export type HostUpdatedFeedSubscriptionVariables = Exact<{
  id: string;
}>;


export type HostUpdatedFeedSubscription = { hostUpdated: { id: string, enabled: boolean, memoryFreeBytes: number } };

export type ConnectionStatusFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConnectionStatusFeedSubscription = { connectionStatus: { poolName: string, state: PoolConnectionState } };

export type XapiEventsFeedSubscriptionVariables = Exact<{
  classes?: Array<string> | string | null | undefined;
}>;


export type XapiEventsFeedSubscription = { xapiEvents: { class: string, operation: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: Role } };

export const AcceptedActionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]} as unknown as DocumentNode<AcceptedActionFragment, unknown>;
export const RefusedRequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RefusedRequestFragment, unknown>;
export const ActionOutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}}]} as unknown as DocumentNode<ActionOutcomeFragment, unknown>;
export const RefusedActionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RefusedActionFragment, unknown>;
export const ApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const ApiTokenCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiTokenCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokenCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenCreatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokenCreateMutation, ApiTokenCreateMutationVariables>;
export const ApiTokenRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiTokenRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenRevokeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokenRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiTokenRevokePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ApiTokenRevokeMutation, ApiTokenRevokeMutationVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const DestroyInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DestroyInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceDestroyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceDestroy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AcceptedAction"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<DestroyInstanceMutation, DestroyInstanceMutationVariables>;
export const RescueInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescueInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRescueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRescue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AcceptedAction"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedRequest"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<RescueInstanceMutation, RescueInstanceMutationVariables>;
export const UnrescueInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnrescueInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUnrescueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUnrescue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AcceptedAction"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedRequest"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedStates"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<UnrescueInstanceMutation, UnrescueInstanceMutationVariables>;
export const UpdateInstanceMetadataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateInstanceMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUpdateMetadataInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdateMetadata"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AcceptedAction"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<UpdateInstanceMetadataMutation, UpdateInstanceMetadataMutationVariables>;
export const OperationOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperationOutcomeQuery, OperationOutcomeQueryVariables>;
export const InstanceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxMemKb"}},{"kind":"Field","name":{"kind":"Name","value":"memKb"}},{"kind":"Field","name":{"kind":"Name","value":"numCpu"}},{"kind":"Field","name":{"kind":"Name","value":"cpuTimeNs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceDetailQuery, InstanceDetailQueryVariables>;
export const InstanceLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uuid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uuid"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmName"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}}]}}]}}]} as unknown as DocumentNode<InstanceLookupQuery, InstanceLookupQueryVariables>;
export const LiveInstanceNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveInstanceNames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveInstanceNamesQuery, LiveInstanceNamesQueryVariables>;
export const InstanceEventKindsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventKinds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceEventKindsSubscription, InstanceEventKindsSubscriptionVariables>;
export const SpawnForLifecycleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpawnForLifecycle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSpawnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSpawn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AcceptedAction"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AcceptedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]} as unknown as DocumentNode<SpawnForLifecycleMutation, SpawnForLifecycleMutationVariables>;
export const LifecycleChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleChoicesQuery, LifecycleChoicesQueryVariables>;
export const OperationStepsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OperationSteps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]}}]} as unknown as DocumentNode<OperationStepsSubscription, OperationStepsSubscriptionVariables>;
export const SpawnInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpawnInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSpawnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSpawn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SpawnInstanceMutation, SpawnInstanceMutationVariables>;
export const OperationProgressFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OperationProgressFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}}]}}]}}]} as unknown as DocumentNode<OperationProgressFeedSubscription, OperationProgressFeedSubscriptionVariables>;
export const OperationStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"xapiCode"}},{"kind":"Field","name":{"kind":"Name","value":"xapiParams"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperationStateQuery, OperationStateQueryVariables>;
export const SpawnChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpawnChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flavors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SpawnChoicesQuery, SpawnChoicesQueryVariables>;
export const RebootInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RebootInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRebootInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceReboot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RebootInstanceMutation, RebootInstanceMutationVariables>;
export const PowerOffInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerOffInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePowerOffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePowerOff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<PowerOffInstanceMutation, PowerOffInstanceMutationVariables>;
export const PowerOnInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerOnInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePowerOnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePowerOn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<PowerOnInstanceMutation, PowerOnInstanceMutationVariables>;
export const PauseInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstancePauseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instancePause"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<PauseInstanceMutation, PauseInstanceMutationVariables>;
export const UnpauseInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpauseInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceUnpauseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUnpause"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UnpauseInstanceMutation, UnpauseInstanceMutationVariables>;
export const SuspendInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSuspendInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSuspend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SuspendInstanceMutation, SuspendInstanceMutationVariables>;
export const ResumeInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceResumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceResume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ResumeInstanceMutation, ResumeInstanceMutationVariables>;
export const SoftDeleteInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SoftDeleteInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSoftDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSoftDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SoftDeleteInstanceMutation, SoftDeleteInstanceMutationVariables>;
export const RestoreInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceRestoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RestoreInstanceMutation, RestoreInstanceMutationVariables>;
export const SetInstanceBootableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetInstanceBootable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceSetBootableInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceSetBootable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionOutcome"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionOutcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vmState"}},{"kind":"Field","name":{"kind":"Name","value":"taskState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SetInstanceBootableMutation, SetInstanceBootableMutationVariables>;
export const CancelOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationCancelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OperationCancelPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CancelOperationMutation, CancelOperationMutationVariables>;
export const AddSubnetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSubnet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networkAddSubnet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NetworkAddSubnetPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subnet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cidr"}},{"kind":"Field","name":{"kind":"Name","value":"gateway"}},{"kind":"Field","name":{"kind":"Name","value":"dns"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefusedAction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefusedAction"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AddSubnetMutation, AddSubnetMutationVariables>;
export const InstancePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstancePageQuery, InstancePageQueryVariables>;
export const InstancesWithPlacementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstancesWithPlacement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstancesWithPlacementQuery, InstancesWithPlacementQueryVariables>;
export const InstanceUpdatedFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceUpdatedFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"powerState"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceUpdatedFeedSubscription, InstanceUpdatedFeedSubscriptionVariables>;
export const InstanceEventsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceEventsFeedSubscription, InstanceEventsFeedSubscriptionVariables>;
export const HostUpdatedFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostUpdatedFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"memoryFreeBytes"}}]}}]}}]} as unknown as DocumentNode<HostUpdatedFeedSubscription, HostUpdatedFeedSubscriptionVariables>;
export const ConnectionStatusFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConnectionStatusFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectionStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ConnectionStatusFeedSubscription, ConnectionStatusFeedSubscriptionVariables>;
export const XapiEventsFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"XapiEventsFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"xapiEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]} as unknown as DocumentNode<XapiEventsFeedSubscription, XapiEventsFeedSubscriptionVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;