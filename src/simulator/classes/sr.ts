// SR messages: scan (garbage-collects VHD chains and re-reads the space figures), update, supported types.
import type { Db } from '../db.js';
import { fail } from '../errors.js';
import { defineMessage, type CallContext } from '../registry.js';
import { withCurrentOperation } from './devices.js';
import { discoverLuns } from './iscsi.js';
import { collectGarbage, refreshSrAccounting } from './vdi.js';

/** SR types the SM drivers of an XCP-ng 8.3 host handle. */
const SUPPORTED_TYPES = [
  'ext', 'nfs', 'lvm', 'lvmoiscsi', 'lvmohba', 'lvmofcoe', 'iso', 'udev', 'file', 'smb', 'cifs', 'hba', 'iscsi',
  'dummy', 'xfs', 'zfs', 'ext4', 'largeblock', 'glusterfs', 'cephfs', 'moosefs', 'linstor',
];

/** Realistic durations in seconds (scaled). */
const SECONDS = { scan: 1, update: 0.2 };

/** SM calls need the SR plugged on some host. */
function assertPlugged(db: Db, srRef: string): void {
  const sr = db.get('SR', srRef);
  if (!(sr.PBDs as string[]).some((pbd) => db.find('PBD', pbd)?.currently_attached)) fail('SR_NO_PBDS', srRef);
}

/**
 * XAPI marks the SR's current_operations while the driver runs. The SR's allowed_operations are left as
 * built: nothing here changes which SR operations are possible afterwards.
 */
function srOperation(ctx: CallContext, sr: string, op: string, seconds: number, then: () => void): Promise<string> {
  assertPlugged(ctx.db, sr);
  return withCurrentOperation(ctx, sr, op, () => {}, async () => {
    await ctx.task?.work(seconds);
    then();
    return '';
  });
}

defineMessage('SR.scan', (ctx, sr: string) => srOperation(ctx, sr, 'scan', SECONDS.scan, () => {
  discoverLuns(ctx.world, ctx.db, sr);
  collectGarbage(ctx.db, sr);
  refreshSrAccounting(ctx.db, sr);
}));

defineMessage('SR.update', (ctx, sr: string) => srOperation(ctx, sr, 'update', SECONDS.update, () => {
  refreshSrAccounting(ctx.db, sr);
}));

defineMessage('SR.get_supported_types', () => SUPPORTED_TYPES, { quiet: true });
