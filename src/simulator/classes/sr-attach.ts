// Connecting existing storage to hosts: SR.introduce and SR.forget (records only, never the data), SR.set_shared,
// PBD create/plug/unplug/destroy and VDI.introduce. Plugging a PBD runs the SR driver's attach, which for iSCSI
// SRs is a login to the target (classes/iscsi.ts).
import { randomUUID } from 'node:crypto';
import type { Db, Rec } from '../db.js';
import { fail } from '../errors.js';
import { defineMessage } from '../registry.js';
import { constructorFields, linkRef, unlinkRef } from './devices.js';
import { introduceLunVdi, iscsiLogin, loginNeeded } from './iscsi.js';
import { removeVdi } from './vdi.js';

/** Realistic durations in seconds (scaled): an iSCSI login and logout take a moment. */
const SECONDS = { plug: 1, unplug: 0.5 };

/** What an introduced SR may do; its space figures come from the first scan. */
const INTRODUCED_SR_OPERATIONS = ['forget', 'scan', 'plug', 'unplug', 'update', 'vdi_introduce', 'pbd_create', 'pbd_destroy'];

const attachedPbds = (db: Db, sr: Rec): Rec[] => (sr.PBDs as string[])
  .map((ref) => db.find('PBD', ref))
  .filter((pbd): pbd is Rec => Boolean(pbd?.currently_attached));

defineMessage('SR.introduce', (ctx, uuid: string, nameLabel: string, nameDescription: string, type: string,
  contentType: string, shared: boolean, smConfig: Rec) => {
  if (uuid && ctx.db.refByUuid('SR', uuid)) fail('SR_UUID_EXISTS', uuid);
  return ctx.db.create('SR', {
    uuid: uuid || randomUUID(), name_label: nameLabel, name_description: nameDescription, type, content_type: contentType,
    shared, sm_config: smConfig, physical_size: 0, physical_utilisation: 0, virtual_allocation: 0,
    allowed_operations: INTRODUCED_SR_OPERATIONS,
  });
});

/** Forgetting drops the SR's records (PBDs, VDIs) and leaves the data where it is; no PBD may be plugged. */
defineMessage('SR.forget', (ctx, sr: string) => {
  const record = ctx.db.get('SR', sr);
  if (attachedPbds(ctx.db, record).length > 0) fail('SR_HAS_PBD', sr);
  for (const vdi of [...record.VDIs as string[]]) if (ctx.db.has(vdi)) removeVdi(ctx.db, vdi);
  for (const pbd of [...record.PBDs as string[]]) destroyPbdRecord(ctx.db, pbd);
  ctx.db.destroy(sr);
  return '';
});

defineMessage('SR.set_shared', (ctx, sr: string, shared: boolean) => {
  const record = ctx.db.get('SR', sr);
  if (!shared && attachedPbds(ctx.db, record).length > 1) fail('SR_HAS_MULTIPLE_PBDS', sr);
  ctx.db.update(sr, { shared });
  return '';
});

function destroyPbdRecord(db: Db, ref: string): void {
  const pbd = db.find('PBD', ref);
  if (!pbd) return;
  unlinkRef(db, pbd.SR, 'PBDs', ref);
  unlinkRef(db, pbd.host, 'PBDs', ref);
  db.destroy(ref);
}

defineMessage('PBD.create', (ctx, record: Rec) => {
  const fields = constructorFields('PBD', record);
  const sr = fields.SR as string;
  const host = fields.host as string;
  ctx.db.get('SR', sr);
  ctx.db.get('host', host);
  const [existing] = ctx.db.select('PBD', (pbd) => pbd.SR === sr && pbd.host === host);
  if (existing) fail('PBD_EXISTS', sr, host, existing[0]);
  const ref = ctx.db.create('PBD', { ...fields, currently_attached: false });
  linkRef(ctx.db, sr, 'PBDs', ref);
  linkRef(ctx.db, host, 'PBDs', ref);
  return ref;
});

defineMessage('PBD.destroy', (ctx, pbd: string) => {
  if (ctx.db.get('PBD', pbd).currently_attached) fail('OPERATION_NOT_ALLOWED', 'PBD is currently attached');
  destroyPbdRecord(ctx.db, pbd);
  return '';
});

/** Plugging twice is no error. A non-shared SR may be plugged on one host at a time. */
defineMessage('PBD.plug', async (ctx, pbd: string) => {
  const record = ctx.db.get('PBD', pbd);
  if (record.currently_attached) return '';
  const sr = ctx.db.get('SR', record.SR);
  if (!ctx.db.find('host_metrics', ctx.db.get('host', record.host).metrics)?.live) fail('HOST_OFFLINE', record.host);
  if (!sr.shared && attachedPbds(ctx.db, sr).some((other) => other.host !== record.host)) fail('SR_NOT_SHARABLE', record.SR, record.host);
  await ctx.task?.work(SECONDS.plug);
  if (loginNeeded(sr.type as string)) iscsiLogin(ctx.world, ctx.db, record.host, record.device_config as Rec);
  ctx.db.update(pbd, { currently_attached: true });
  return '';
});

/** A host cannot let go of storage its running VMs still have plugged. */
defineMessage('PBD.unplug', async (ctx, pbd: string) => {
  const record = ctx.db.get('PBD', pbd);
  if (!record.currently_attached) return '';
  const pluggedHere = (vbd: string): boolean => {
    const device = ctx.db.find('VBD', vbd);
    return Boolean(device?.currently_attached) && ctx.db.find('VM', device!.VM)?.resident_on === record.host;
  };
  const inUse = (ctx.db.get('SR', record.SR).VDIs as string[])
    .filter((vdi) => ((ctx.db.find('VDI', vdi)?.VBDs ?? []) as string[]).some(pluggedHere));
  if (inUse.length > 0) fail('VDI_IN_USE', ...inUse);
  await ctx.task?.work(SECONDS.unplug);
  ctx.db.update(pbd, { currently_attached: false });
  return '';
});

defineMessage('VDI.introduce', (ctx, uuid: string, nameLabel: string, nameDescription: string, sr: string, type: string,
  sharable: boolean, readOnly: boolean, otherConfig: Rec, location: string, xenstoreData: Rec, smConfig: Rec) => {
  const record = ctx.db.get('SR', sr);
  if (record.type !== 'iscsi') fail('SR_OPERATION_NOT_SUPPORTED', sr);
  return introduceLunVdi(ctx.world, ctx.db, sr, {
    uuid, name_label: nameLabel, name_description: nameDescription, type, sharable, read_only: readOnly,
    other_config: otherConfig, location, xenstore_data: xenstoreData, sm_config: smConfig,
  });
});
