import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { changes, present, type Runner } from '../program.js';
import { DuplicateNameError } from '../errors.js';
import type { instances, instanceSecurityGroups, securityGroupRules, securityGroups } from '../schema.js';
import type {
  NewSecurityGroupRule, PageWindow, SecurityGroup, SecurityGroupMember, SecurityGroupProtocol, SecurityGroupRepository,
  SecurityGroupRule,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { uniqueViolation } from '../constraint-errors.js';
import { keysetCursor, keysetPage, type Keyset } from './keyset.js';

type GroupRow = typeof securityGroups.$inferSelect;
type RuleRow = typeof securityGroupRules.$inferSelect;

const toGroup = (row: GroupRow): SecurityGroup => ({
  id: row.id, name: row.name, description: row.description, createdAt: row.createdAt, updatedAt: row.updatedAt,
});

const toRule = (row: RuleRow): SecurityGroupRule => ({
  id: row.id, groupId: row.groupId, protocol: row.protocol as SecurityGroupProtocol, fromPort: row.fromPort, toPort: row.toPort,
  cidr: row.cidr, sourceGroupId: row.sourceGroupId, createdAt: row.createdAt,
});

export function securityGroupRepository(r: Runner): SecurityGroupRepository {
  const { db, t: { instanceSecurityGroups, instances, securityGroupRules, securityGroups } } = r;
  const BY_NAME: Keyset<SecurityGroup> = {
    key: 'securityGroup.name', column: securityGroups.name, idColumn: securityGroups.id, valueKind: 'string', direction: 'ASC',
    valueOf: (group) => group.name,
  };

  const RULES_OLDEST_FIRST = [asc(securityGroupRules.createdAt), asc(securityGroupRules.id)];

  class DrizzleSecurityGroupRepository implements SecurityGroupRepository {

    async create(input: { name: string; description: string }): Promise<SecurityGroup> {
      try {
        return toGroup(present(await r.first(db.insert(securityGroups).values({ id: randomUUID(), ...input }).returning())));
      } catch (error) {
        if (uniqueViolation(error)?.includes('name')) throw new DuplicateNameError(input.name);
        throw error;
      }
    }

    async get(id: string): Promise<SecurityGroup | null> {
      const row = (await r.first(db.select().from(securityGroups).where(eq(securityGroups.id, id))));
      return row ? toGroup(row) : null;
    }

    async getMany(ids: readonly string[]): Promise<(SecurityGroup | null)[]> {
      return loadInInputOrder(ids, securityGroups.id, (where) => (r.all(db.select().from(securityGroups).where(where))), toGroup);
    }

    async delete(id: string): Promise<boolean> {
      return r.transaction(function* (tx) {
        (yield* changes(tx.delete(securityGroupRules).where(or(eq(securityGroupRules.groupId, id), eq(securityGroupRules.sourceGroupId, id)))));
        (yield* changes(tx.delete(instanceSecurityGroups).where(eq(instanceSecurityGroups.groupId, id))));
        return (yield* changes(tx.delete(securityGroups).where(eq(securityGroups.id, id)))) > 0;
      });
    }

    async list(_filter: Record<string, never>, window: PageWindow): Promise<SecurityGroup[]> {
      const page = keysetPage(BY_NAME, window);
      return (await r.all(db.select().from(securityGroups).where(page.where).orderBy(...page.orderBy).limit(page.limit))).map(toGroup);
    }

    async count(): Promise<number> {
      return (await r.first(db.select({ n: count() }).from(securityGroups)))?.n ?? 0;
    }

    cursorOf(group: SecurityGroup): string {
      return keysetCursor(BY_NAME, group);
    }

    async addRule(input: NewSecurityGroupRule): Promise<SecurityGroupRule> {
      return toRule(present(await r.first(db.insert(securityGroupRules).values({ id: randomUUID(), ...input }).returning())));
    }

    async getRule(id: string): Promise<SecurityGroupRule | null> {
      const row = (await r.first(db.select().from(securityGroupRules).where(eq(securityGroupRules.id, id))));
      return row ? toRule(row) : null;
    }

    async getRules(ids: readonly string[]): Promise<(SecurityGroupRule | null)[]> {
      return loadInInputOrder(ids, securityGroupRules.id, (where) => (r.all(db.select().from(securityGroupRules).where(where))), toRule);
    }

    async removeRule(id: string): Promise<SecurityGroupRule | null> {
      const row = (await r.first(db.delete(securityGroupRules).where(eq(securityGroupRules.id, id)).returning()));
      return row ? toRule(row) : null;
    }

    async rulesOf(groupIds: readonly string[]): Promise<SecurityGroupRule[]> {
      if (groupIds.length === 0) return [];
      return (await r.all(db.select().from(securityGroupRules).where(inArray(securityGroupRules.groupId, [...groupIds]))
        .orderBy(...RULES_OLDEST_FIRST))).map(toRule);
    }

    async rulesSourcedFrom(groupIds: readonly string[]): Promise<SecurityGroupRule[]> {
      if (groupIds.length === 0) return [];
      return (await r.all(db.select().from(securityGroupRules).where(inArray(securityGroupRules.sourceGroupId, [...groupIds]))
        .orderBy(...RULES_OLDEST_FIRST))).map(toRule);
    }

    async addMember(groupId: string, instanceId: string): Promise<boolean> {
      return (await r.changes(db.insert(instanceSecurityGroups).values({ groupId, instanceId }).onConflictDoNothing())) > 0;
    }

    async removeMember(groupId: string, instanceId: string): Promise<boolean> {
      return (await r.changes(db.delete(instanceSecurityGroups)
        .where(and(eq(instanceSecurityGroups.groupId, groupId), eq(instanceSecurityGroups.instanceId, instanceId))))) > 0;
    }

    async groupsOf(instanceId: string): Promise<SecurityGroup[]> {
      return (await r.all(db.select({ group: securityGroups }).from(instanceSecurityGroups)
        .innerJoin(securityGroups, eq(securityGroups.id, instanceSecurityGroups.groupId))
        .where(eq(instanceSecurityGroups.instanceId, instanceId))
        .orderBy(asc(securityGroups.name), asc(securityGroups.id)))).map((row) => toGroup(row.group));
    }

    async members(filter: { groupIds?: readonly string[]; hostId?: string }): Promise<SecurityGroupMember[]> {
      if (filter.groupIds?.length === 0) return [];
      const conditions: (SQL | undefined)[] = [
        isNull(instances.deletedAt),
        filter.groupIds ? inArray(instanceSecurityGroups.groupId, [...filter.groupIds]) : undefined,
        filter.hostId === undefined ? undefined
          : or(eq(instances.hostId, filter.hostId), eq(instances.companionHostId, filter.hostId)),
      ];
      return (await r.all(db.select({
        groupId: instanceSecurityGroups.groupId, instanceId: instanceSecurityGroups.instanceId,
        hostId: instances.hostId, companionHostId: instances.companionHostId,
      })
        .from(instanceSecurityGroups)
        .innerJoin(instances, eq(instances.id, instanceSecurityGroups.instanceId))
        .where(and(...conditions))
        .orderBy(asc(instances.createdAt), asc(instances.id))))
        .map(({ groupId, instanceId, hostId, companionHostId }) => ({
          groupId, instanceId, hostIds: [...new Set([hostId, companionHostId].flatMap((id) => (id ? [id] : [])))],
        }));
    }
  }
  return new DrizzleSecurityGroupRepository();
}
