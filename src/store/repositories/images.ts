import { randomUUID } from 'node:crypto';
import { and, count, eq, type SQL } from 'drizzle-orm';
import { present, type Runner } from '../program.js';
import type { images } from '../schema.js';
import type { DiskFormat, Image, ImageFilter, ImagePatch, ImageRepository, ImageStatus, NewImage, PageWindow } from '../types.js';
import { loadInInputOrder } from './batch.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type ImageRow = typeof images.$inferSelect;

export function toImage(row: ImageRow): Image {
  return {
    id: row.id, name: row.name, diskFormat: row.diskFormat as DiskFormat, containerFormat: row.containerFormat,
    sizeBytes: row.sizeBytes, checksum: row.checksum, status: row.status as ImageStatus, properties: row.properties,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function imageRepository(r: Runner): ImageRepository {
  const { db, t: { images } } = r;
  const BY_NAME: Keyset<Image> = {
    key: 'image.name', column: images.name, idColumn: images.id, valueKind: 'string', direction: 'ASC',
    valueOf: (image) => image.name,
  };

  class DrizzleImageRepository implements ImageRepository {

    async get(id: string): Promise<Image | null> {
      const row = (await r.first(db.select().from(images).where(eq(images.id, id))));
      return row ? toImage(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(Image | null)[]> {
      return loadInInputOrder(ids, images.id, (where) => (r.all(db.select().from(images).where(where))), toImage);
    }

    async create(input: NewImage): Promise<Image> {
      return toImage(present(await r.first(db.insert(images).values({ id: randomUUID(), ...input }).returning())));
    }

    async update(id: string, patch: ImagePatch): Promise<Image | null> {
      const row = (await r.first(db.update(images).set({ ...patch, updatedAt: new Date() }).where(eq(images.id, id)).returning()));
      return row ? toImage(row) : null;
    }

    async list(filter: ImageFilter, window: PageWindow): Promise<Image[]> {
      const page = keysetPage(BY_NAME, window, conditions(filter));
      return (await r.all(db.select().from(images).where(page.where).orderBy(...page.orderBy).limit(page.limit))).map(toImage);
    }

    async count(filter: ImageFilter): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(images).where(conditions(filter))))?.n ?? 0;
    }

    cursorOf(image: Image): string {
      return keysetCursor(BY_NAME, image);
    }
  }

  function conditions(filter: ImageFilter): SQL | undefined {
    return and(
      filter.status === undefined ? undefined : eq(images.status, filter.status),
      filter.name === undefined ? undefined : eq(images.name, filter.name),
    );
  }
  return new DrizzleImageRepository();
}
