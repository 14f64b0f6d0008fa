import { randomUUID } from 'node:crypto';
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { images } from '../schema.js';
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

const BY_NAME: Keyset<Image> = {
  key: 'image.name', column: images.name, idColumn: images.id, valueKind: 'string', direction: 'ASC',
  valueOf: (image) => image.name,
};

export class SqliteImageRepository implements ImageRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(id: string): Promise<Image | null> {
    const row = this.db.select().from(images).where(eq(images.id, id)).get();
    return row ? toImage(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(Image | null)[]> {
    return loadInInputOrder(ids, images.id, (where) => this.db.select().from(images).where(where).all(), toImage);
  }

  async create(input: NewImage): Promise<Image> {
    return toImage(this.db.insert(images).values({ id: randomUUID(), ...input }).returning().get());
  }

  async update(id: string, patch: ImagePatch): Promise<Image | null> {
    const row = this.db.update(images).set({ ...patch, updatedAt: new Date() }).where(eq(images.id, id)).returning().get();
    return row ? toImage(row) : null;
  }

  async list(filter: ImageFilter, window: PageWindow): Promise<Image[]> {
    const page = keysetPage(BY_NAME, window, conditions(filter));
    return this.db.select().from(images).where(page.where).orderBy(...page.orderBy).limit(page.limit).all().map(toImage);
  }

  async count(filter: ImageFilter): Promise<number> {
    return this.db.select({ n: count() }).from(images).where(conditions(filter)).get()?.n ?? 0;
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
