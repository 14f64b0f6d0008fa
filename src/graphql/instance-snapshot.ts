// instanceSnapshot: an instance's root disk as a new image, and instanceCleanupSnapshots: removal of what an
// interrupted snapshot left on XAPI. Both run as Operations; a snapshot's Operation names its image.
import { cleanupSnapshotsAction, snapshotAction } from '../driver/actions/snapshot.js';
import { builder } from './builder.js';
import { instanceActionField } from './instance-actions.js';
import { ImageRef, OperationRef } from './refs.js';
import { boundedText } from './input-bounds.js';

instanceActionField('instanceSnapshot', {
  description: 'Snapshots the instance and uploads its root disk, as a VHD, into a new image (queued, saving, then active; '
    + 'killed on failure). The instance keeps running; its task state goes image_snapshot → image_pending_upload → '
    + 'image_uploading. Once it succeeded, the Operation\'s `image` is the new image.',
  action: snapshotAction,
  inputFields: (t) => ({ name: t.string({ required: true, ...boundedText(255, { min: 1, trim: true, description: 'The new image\'s name.' }) }) }),
  toInput: (input: { name: string }) => ({ name: input.name.trim() }),
  probeInput: { name: 'snapshot' },
});

instanceActionField('instanceCleanupSnapshots', {
  description: 'Removes what interrupted snapshots left: the instance VM\'s <vm>-snapshot VMs with their disks, orphaned '
    + 'disk snapshots, and images of the instance stuck queued or saving (killed).',
  action: cleanupSnapshotsAction,
  toInput: () => ({}),
});

builder.objectField(OperationRef, 'image', (t) => t.field({
  type: ImageRef,
  nullable: true,
  description: 'The image an instanceSnapshot made, once it succeeded; null for other operations.',
  resolve: (operation) => {
    const imageId = operation.result?.imageId;
    return operation.kind === snapshotAction.kind && typeof imageId === 'string' ? imageId : null;
  },
}));
