import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Runner } from '../program.js';
import type { bandwidthUsage, instances } from '../schema.js';
import type { BandwidthUsage, BandwidthUsageRepository } from '../types.js';

type BandwidthUsageRow = typeof bandwidthUsage.$inferSelect;

function toUsage(row: BandwidthUsageRow): BandwidthUsage {
  return {
    instanceId: row.instanceId, mac: row.mac, periodStart: row.periodStart, bytesIn: row.bytesIn, bytesOut: row.bytesOut,
    lastCounterIn: row.lastCounterIn, lastCounterOut: row.lastCounterOut, lastRefreshed: row.lastRefreshed,
  };
}

export function bandwidthUsageRepository(r: Runner): BandwidthUsageRepository {
  const { db, t: { bandwidthUsage, instances } } = r;
  class DrizzleBandwidthUsageRepository implements BandwidthUsageRepository {

    async get(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null> {
      const row = (await r.first(db.select().from(bandwidthUsage).where(and(
        eq(bandwidthUsage.instanceId, instanceId), eq(bandwidthUsage.mac, mac), eq(bandwidthUsage.periodStart, periodStart),
      ))));
      return row ? toUsage(row) : null;
    }

    async latestBefore(instanceId: string, mac: string, periodStart: Date): Promise<BandwidthUsage | null> {
      const row = (await r.first(db.select().from(bandwidthUsage).where(and(
        eq(bandwidthUsage.instanceId, instanceId), eq(bandwidthUsage.mac, mac), lt(bandwidthUsage.periodStart, periodStart),
      )).orderBy(desc(bandwidthUsage.periodStart)).limit(1)));
      return row ? toUsage(row) : null;
    }

    async save(usage: BandwidthUsage): Promise<void> {
      const { instanceId, mac, periodStart, ...figures } = usage;
      (await r.changes(db.insert(bandwidthUsage).values({ instanceId, mac, periodStart, ...figures })
        .onConflictDoUpdate({ target: [bandwidthUsage.instanceId, bandwidthUsage.mac, bandwidthUsage.periodStart], set: figures })));
    }

    async listForInstances(instanceIds: readonly string[], periodStart: Date): Promise<BandwidthUsage[]> {
      if (instanceIds.length === 0) return [];
      return (await r.all(db.select().from(bandwidthUsage)
        .where(and(inArray(bandwidthUsage.instanceId, [...instanceIds]), eq(bandwidthUsage.periodStart, periodStart)))
        .orderBy(asc(bandwidthUsage.instanceId), asc(bandwidthUsage.mac)))).map(toUsage);
    }

    async listForHost(hostId: string, periodStart: Date): Promise<BandwidthUsage[]> {
      return (await r.all(db.select({ usage: bandwidthUsage }).from(bandwidthUsage)
        .innerJoin(instances, eq(instances.id, bandwidthUsage.instanceId))
        .where(and(eq(instances.hostId, hostId), isNull(instances.deletedAt), eq(bandwidthUsage.periodStart, periodStart)))
        .orderBy(asc(bandwidthUsage.instanceId), asc(bandwidthUsage.mac)))).map((row) => toUsage(row.usage));
    }
  }
  return new DrizzleBandwidthUsageRepository();
}
