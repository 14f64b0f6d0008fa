import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { bandwidthUsage, instances } from '../schema.js';
import type { BandwidthUsage, BandwidthUsageRepository } from '../types.js';

type BandwidthUsageRow = typeof bandwidthUsage.$inferSelect;

function toUsage(row: BandwidthUsageRow): BandwidthUsage {
  return {
    instanceId: row.instanceId, mac: row.mac, periodStart: row.periodStart, bytesIn: row.bytesIn, bytesOut: row.bytesOut,
    lastCounterIn: row.lastCounterIn, lastCounterOut: row.lastCounterOut, lastRefreshed: row.lastRefreshed,
  };
}

export class SqliteBandwidthUsageRepository implements BandwidthUsageRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null> {
    const row = this.db.select().from(bandwidthUsage).where(and(
      eq(bandwidthUsage.instanceId, instanceId), eq(bandwidthUsage.mac, mac), eq(bandwidthUsage.periodStart, periodStart),
    )).get();
    return row ? toUsage(row) : null;
  }

  async latestBefore(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null> {
    const row = this.db.select().from(bandwidthUsage).where(and(
      eq(bandwidthUsage.instanceId, instanceId), eq(bandwidthUsage.mac, mac), lt(bandwidthUsage.periodStart, periodStart),
    )).orderBy(desc(bandwidthUsage.periodStart)).limit(1).get();
    return row ? toUsage(row) : null;
  }

  async save(usage: BandwidthUsage): Promise<void> {
    const { instanceId, mac, periodStart, ...figures } = usage;
    this.db.insert(bandwidthUsage).values({ instanceId, mac, periodStart, ...figures })
      .onConflictDoUpdate({ target: [bandwidthUsage.instanceId, bandwidthUsage.mac, bandwidthUsage.periodStart], set: figures })
      .run();
  }

  async listForInstances(instanceIds: readonly string[], periodStart: Date): Promise<BandwidthUsage[]> {
    if (instanceIds.length === 0) return [];
    return this.db.select().from(bandwidthUsage)
      .where(and(inArray(bandwidthUsage.instanceId, [...instanceIds]), eq(bandwidthUsage.periodStart, periodStart)))
      .orderBy(asc(bandwidthUsage.instanceId), asc(bandwidthUsage.mac))
      .all().map(toUsage);
  }

  async listForHost(hostId: string, periodStart: Date): Promise<BandwidthUsage[]> {
    return this.db.select({ usage: bandwidthUsage }).from(bandwidthUsage)
      .innerJoin(instances, eq(instances.id, bandwidthUsage.instanceId))
      .where(and(eq(instances.hostId, hostId), isNull(instances.deletedAt), eq(bandwidthUsage.periodStart, periodStart)))
      .orderBy(asc(bandwidthUsage.instanceId), asc(bandwidthUsage.mac))
      .all().map((row) => toUsage(row.usage));
  }
}
