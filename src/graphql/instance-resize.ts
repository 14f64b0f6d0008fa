// Resize and cold migration (Nova's migrate_disk_and_power_off + finish_migration), and their confirm and
// revert, as instance actions; plus the Migration's flavors, which only these moves change.
import {
  confirmResizeAction, migrateAction, resizeAction, revertResizeAction,
} from '../driver/actions/resize.js';
import { ResizeError } from '../driver/resize-disks.js';
import { builder } from './builder.js';
import { NoValidHostError, userErrorType } from './errors.js';
import { instanceActionField } from './instance-actions.js';
import { FlavorRef, HostRef, MigrationRef } from './refs.js';

userErrorType(ResizeError, 'ResizeError', {
  description: 'The new flavor would need a disk to shrink (root or ephemeral), which XAPI cannot do and Nova refused.',
});

const noInput = () => ({});

instanceActionField('instanceResize', {
  description: 'Moves the instance onto another flavor: its VM is kept halted as <name>-orig while a new VM with the flavor\'s '
    + 'memory, VCPUs and (grown) root disk runs as <name>, on the same host when it fits. The instance is RESIZED '
    + 'until instanceConfirmResize or instanceRevertResize.',
  action: resizeAction,
  errors: [NoValidHostError, ResizeError],
  inputFields: (t) => ({ flavorId: t.globalID({ for: FlavorRef, required: true, description: 'The flavor to resize to.' }) }),
  toInput: (input: { flavorId: { id: string } }) => ({ flavorId: input.flavorId.id }),
  probeInput: { flavorId: '' },
});

instanceActionField('instanceMigrate', {
  description: 'Cold-migrates the instance to another host of its pool (a resize to the same flavor): disks stay on shared '
    + 'storage the destination sees and are copied otherwise. The instance is RESIZED until confirmed or reverted.',
  action: migrateAction,
  errors: [NoValidHostError],
  inputFields: (t) => ({
    hostId: t.globalID({ for: HostRef, required: false, description: 'The destination; the scheduler picks another host of the pool when absent.' }),
  }),
  toInput: (input: { hostId?: { id: string } | null }) => ({ hostId: input.hostId?.id ?? null }),
});

instanceActionField('instanceConfirmResize', {
  description: 'Keeps the result of a resize or cold migration: the <name>-orig VM is destroyed with the disks only it used. '
    + 'An -orig VM already gone is not an error.',
  action: confirmResizeAction,
  toInput: noInput,
});

instanceActionField('instanceRevertResize', {
  description: 'Undoes a resize or cold migration: the new VM is destroyed with the disks made for it, <name>-orig takes its '
    + 'name back with the old flavor and starts on its host again if it ran before.',
  action: revertResizeAction,
  toInput: noInput,
});

builder.objectFields(MigrationRef, (t) => ({
  oldFlavor: t.field({ type: FlavorRef, nullable: true, description: 'Resize and cold migration: the flavor before.', resolve: (m) => m.oldFlavorId }),
  newFlavor: t.field({ type: FlavorRef, nullable: true, description: 'Resize and cold migration: the flavor after.', resolve: (m) => m.newFlavorId }),
}));
