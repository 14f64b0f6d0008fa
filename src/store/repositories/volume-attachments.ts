import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { volumeAttachments } from '../schema.js';
import type { NewVolumeAttachment, VolumeAttachment, VolumeAttachmentRepository } from '../types.js';
import { loadInInputOrder } from './batch.js';

type AttachmentRow = typeof volumeAttachments.$inferSelect;

/**
 * The delete-on-termination flag rides in the connection_info column under this key rather than in a column of
 * its own, so the table needs no migration; it never reaches the connection the API shows.
 */
export function volumeAttachmentRepository(r: Runner): VolumeAttachmentRepository {
  const { db, t: { volumeAttachments } } = r;
  const DELETE_ON_TERMINATION_KEY = 'deleteOnTermination';

  const toAttachment = (row: AttachmentRow): VolumeAttachment => {
    const { [DELETE_ON_TERMINATION_KEY]: deleteOnTermination, ...connectionInfo } = row.connectionInfo;
    return {
      id: row.id, instanceId: row.instanceId, volumeId: row.volumeId, mountpoint: row.mountpoint,
      deviceNumber: row.deviceNumber, connectionInfo, srUuid: row.srUuid, vdiUuid: row.vdiUuid,
      deleteOnTermination: deleteOnTermination === true,
      createdAt: row.createdAt, updatedAt: row.updatedAt, detachedAt: row.detachedAt,
    };
  };

  const OLDEST_FIRST = [asc(volumeAttachments.createdAt), asc(volumeAttachments.id)];

  class DrizzleVolumeAttachmentRepository implements VolumeAttachmentRepository {

    async create(input: NewVolumeAttachment): Promise<VolumeAttachment> {
      const { deleteOnTermination = false, ...fields } = input;
      return toAttachment(present(await r.first(db.insert(volumeAttachments).values({
        id: randomUUID(), ...fields, connectionInfo: { ...input.connectionInfo, [DELETE_ON_TERMINATION_KEY]: deleteOnTermination },
      }).returning())));
    }

    async get(id: string): Promise<VolumeAttachment | null> {
      const row = (await r.first(db.select().from(volumeAttachments).where(eq(volumeAttachments.id, id))));
      return row ? toAttachment(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(VolumeAttachment | null)[]> {
      return loadInInputOrder(ids, volumeAttachments.id, (where) => (r.all(db.select().from(volumeAttachments).where(where))), toAttachment);
    }

    async listForInstance(instanceId: string, options: { includeDetached?: boolean } = {}): Promise<VolumeAttachment[]> {
      const where = options.includeDetached
        ? eq(volumeAttachments.instanceId, instanceId)
        : and(eq(volumeAttachments.instanceId, instanceId), isNull(volumeAttachments.detachedAt));
      return (await r.all(db.select().from(volumeAttachments).where(where).orderBy(...OLDEST_FIRST))).map(toAttachment);
    }

    async listActiveOnSr(srUuid: string): Promise<VolumeAttachment[]> {
      return (await r.all(db.select().from(volumeAttachments)
        .where(and(eq(volumeAttachments.srUuid, srUuid), isNull(volumeAttachments.detachedAt)))
        .orderBy(...OLDEST_FIRST))).map(toAttachment);
    }

    async markDetached(id: string): Promise<VolumeAttachment | null> {
      const now = new Date();
      (await r.changes(db.update(volumeAttachments).set({ detachedAt: now, updatedAt: now })
        .where(and(eq(volumeAttachments.id, id), isNull(volumeAttachments.detachedAt)))));
      return this.get(id);
    }
  }
  return new DrizzleVolumeAttachmentRepository();
}
