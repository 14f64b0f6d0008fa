// iSCSI storage outside the pools: targets with LUNs (from the topology), the login an SM driver makes when a
// PBD of an iSCSI SR is plugged, and the discovery SR.scan makes on a LUN-per-VDI (`iscsi`) SR, one VDI per
// LUN. The targets belong to the world, not to a pool, so every host of every pool can reach them. Failures are
// the SM's own: SR_BACKEND_FAILURE_<n> ["", "<text> [opterr=<detail>]", ""].
import { createHash } from 'node:crypto';
import type { Db, Rec } from '../db.js';
import { XapiFailure } from '../errors.js';
import type { IscsiTargetSpec, Topology } from '../topology.js';
import { SIZES } from '../units.js';
import type { World } from '../world.js';
import { linkRef } from './devices.js';
import { refreshSrAccounting, refreshVdiOperations } from './vdi.js';

export interface IscsiLun {
  readonly id: number;
  readonly size: number;
  /** The LUN's SCSI identity (an NAA id, as `/dev/disk/by-id/scsi-<id>` shows it). */
  readonly scsiId: string;
  /** The uuid its VDI gets on every scan, so a forgotten and re-introduced SR finds the same disks. */
  readonly vdiUuid: string;
}

export interface IscsiTarget {
  readonly iqn: string;
  readonly address: string;
  readonly port: number;
  readonly chap?: { readonly user: string; readonly secret: string };
  readonly luns: readonly IscsiLun[];
}

export const ISCSI_PORT = 3260;

const targetsOf = new WeakMap<World, IscsiTarget[]>();

/** The target a pool gets when its topology names none: CHAP-protected, five LUNs of assorted sizes. */
export function defaultIscsiTarget(poolName: string, poolIndex: number): IscsiTargetSpec {
  return {
    iqn: `iqn.2024-01.org.xengraph.storage:${poolName}`,
    address: `10.0.${poolIndex + 1}.30`,
    port: ISCSI_PORT,
    chap: { user: `${poolName}-initiator`, secret: `chap-${poolName}-s3cret` },
    luns: [{ id: 0, sizeGiB: 10 }, { id: 1, sizeGiB: 20 }, { id: 2, sizeGiB: 50 }, { id: 3, sizeGiB: 100 }, { id: 4, sizeGiB: 1 }],
  };
}

const digest = (text: string): string => createHash('sha1').update(text).digest('hex');

/** A name-based (version 5 layout) uuid, stable for the same text. */
function stableUuid(text: string): string {
  const hex = digest(text);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function targetFrom(spec: IscsiTargetSpec): IscsiTarget {
  return {
    iqn: spec.iqn,
    address: spec.address,
    port: spec.port ?? ISCSI_PORT,
    chap: spec.chap,
    luns: spec.luns.map((lun) => ({
      id: lun.id,
      size: lun.sizeGiB * SIZES.GiB,
      // NAA type 6 with the LIO vendor prefix, as a Linux target would answer.
      scsiId: `36001405${digest(`${spec.iqn}/${lun.id}/scsi`).slice(0, 25)}`,
      vdiUuid: stableUuid(`${spec.iqn}/${lun.id}`),
    })),
  };
}

/** Makes the topology's targets reachable; called for a built and for a reloaded world alike. */
export function registerIscsiTargets(world: World, topology: Topology): void {
  targetsOf.set(world, topology.pools.flatMap((pool, i) => (pool.iscsiTargets ?? [defaultIscsiTarget(pool.name, i)]).map(targetFrom)));
}

export function iscsiTargets(world: World): readonly IscsiTarget[] {
  return targetsOf.get(world) ?? [];
}

/** SR types whose PBDs log in to an iSCSI target when plugged. */
export function loginNeeded(srType: string): boolean {
  return srType === 'iscsi' || srType === 'lvmoiscsi';
}

function smFailure(code: number, text: string, detail: string): never {
  throw new XapiFailure(`SR_BACKEND_FAILURE_${code}`, '', `${text} [opterr=${detail}]`, '');
}

/**
 * What the SM driver checks when it attaches an iSCSI SR on `hostRef` with `config` (the PBD's
 * device_config), in its order: parameters, the initiator name, the portal, the IQN, CHAP, the LUN.
 * Secrets never appear in the failure text.
 */
export function iscsiLogin(world: World, db: Db, hostRef: string, config: Rec): IscsiTarget {
  const address = config.target as string | undefined;
  const iqn = config.targetIQN as string | undefined;
  if (!address) smFailure(95, 'The request is missing the target parameter', 'target');
  if (!iqn) smFailure(96, 'The request is missing or has an incorrect target IQN parameter', 'targetIQN');
  const port = config.port === undefined || config.port === '' ? ISCSI_PORT : Number(config.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    smFailure(142, 'Incorrect value for iSCSI port, must be a number between 1 and 65535', String(config.port));
  }
  const host = db.get('host', hostRef);
  if (!(host.other_config?.iscsi_iqn || host.iscsi_iqn)) {
    smFailure(97, 'Unable to retrieve the host configuration ISCSI IQN parameter', host.name_label);
  }
  const atPortal = iscsiTargets(world).filter((t) => t.address === address && t.port === port);
  if (atPortal.length === 0) smFailure(141, 'Unable to connect to ISCSI service on target', `${address}:${port}`);
  const target = atPortal.find((t) => t.iqn === iqn);
  if (!target) smFailure(96, 'The request is missing or has an incorrect target IQN parameter', `${iqn} is not served at ${address}:${port}`);
  if (target.chap && (config.chapuser !== target.chap.user || config.chappassword !== target.chap.secret)) {
    smFailure(68, 'ISCSI login failed - check access settings for the initiator on the storage, if CHAP is used verify CHAP credentials', `CHAP authentication of ${String(config.chapuser ?? '')} refused by ${iqn}`);
  }
  if (config.SCSIid && !target.luns.some((lun) => lun.scsiId === config.SCSIid)) {
    smFailure(107, 'The SCSIid parameter is missing or incorrect', String(config.SCSIid));
  }
  return target;
}

/** The LUNs a PBD's device_config selects: one by LUNid or SCSIid, else all of them. */
function visibleLuns(target: IscsiTarget, config: Rec): readonly IscsiLun[] {
  if (config.SCSIid) return target.luns.filter((lun) => lun.scsiId === config.SCSIid);
  if (config.LUNid !== undefined && config.LUNid !== '') return target.luns.filter((lun) => String(lun.id) === String(config.LUNid));
  return target.luns;
}

function lunVdiFields(srRef: string, lun: IscsiLun): Rec {
  return {
    uuid: lun.vdiUuid, name_label: `LUN${lun.id}`, name_description: `${lun.size / SIZES.GiB} GiB iSCSI LUN`, SR: srRef,
    virtual_size: lun.size, physical_utilisation: lun.size, type: 'user', sharable: false, read_only: false,
    managed: true, location: lun.scsiId, sm_config: { LUNid: String(lun.id), SCSIid: lun.scsiId },
  };
}

/** The LUNs the SR's plugged PBD reaches, found again after a restart; undefined when none is plugged. */
function reachableLuns(world: World, db: Db, srRef: string): { target: IscsiTarget; luns: readonly IscsiLun[] } | undefined {
  const sr = db.get('SR', srRef);
  const pbd = (sr.PBDs as string[]).map((ref) => db.find('PBD', ref)).find((record) => record?.currently_attached);
  if (!pbd) return undefined;
  const config = pbd.device_config as Rec;
  const target = iscsiTargets(world).find((t) => t.address === config.target && t.iqn === config.targetIQN);
  return target ? { target, luns: visibleLuns(target, config) } : undefined;
}

/**
 * SR.scan of a LUN-per-VDI SR: each visible LUN appears as a managed VDI (its size, `sm_config` LUNid and
 * SCSIid), the same uuid every time. A LUN whose VDI another SR of the pool already holds is skipped.
 */
export function discoverLuns(world: World, db: Db, srRef: string): void {
  if (db.get('SR', srRef).type !== 'iscsi') return;
  const reached = reachableLuns(world, db, srRef);
  if (!reached) return;
  for (const lun of reached.luns) {
    if (db.refByUuid('VDI', lun.vdiUuid)) continue;
    const ref = db.create('VDI', lunVdiFields(srRef, lun));
    linkRef(db, srRef, 'VDIs', ref);
    refreshVdiOperations(db, ref);
  }
  const size = reached.luns.reduce((total, lun) => total + lun.size, 0);
  if (db.get('SR', srRef).physical_size !== size) db.update(srRef, { physical_size: size });
  refreshSrAccounting(db, srRef);
}

/**
 * VDI.introduce on an iSCSI SR: the LUN named by the uuid, the location (SCSI id) or sm_config must be
 * reachable; its VDI record is made (or, when XAPI holds it unmanaged, taken over) with the caller's labels.
 */
export function introduceLunVdi(world: World, db: Db, srRef: string, wanted: Rec): string {
  const reached = reachableLuns(world, db, srRef);
  const sm = (wanted.sm_config ?? {}) as Rec;
  const lun = reached?.luns.find((candidate) => candidate.vdiUuid === wanted.uuid || candidate.scsiId === wanted.location
    || (sm.SCSIid !== undefined && candidate.scsiId === sm.SCSIid) || (sm.LUNid !== undefined && String(candidate.id) === String(sm.LUNid)));
  if (!lun) smFailure(144, 'VDI could not be found', String(wanted.uuid || wanted.location || ''));
  const labels = { name_label: wanted.name_label, name_description: wanted.name_description, other_config: wanted.other_config ?? {}, xenstore_data: wanted.xenstore_data ?? {} };
  const existing = db.refByUuid('VDI', lun.vdiUuid);
  if (existing) {
    if (db.get('VDI', existing).managed) smFailure(43, 'The VDI already exists', lun.vdiUuid);
    db.update(existing, { ...labels, managed: true });
    return existing;
  }
  const ref = db.create('VDI', { ...lunVdiFields(srRef, lun), ...labels });
  linkRef(db, srRef, 'VDIs', ref);
  refreshVdiOperations(db, ref);
  refreshSrAccounting(db, srRef);
  return ref;
}
