import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { SqliteDb } from '../database.js';
import { DuplicateNameError } from '../errors.js';
import { instances, instanceSecurityGroups, securityGroupRules, securityGroups } from '../schema.js';
import type {
  NewSecurityGroupRule, PageWindow, SecurityGroup, SecurityGroupMember, SecurityGroupProtocol, SecurityGroupRepository,
  SecurityGroupRule,
} from '../types.js';
import { loadInInputOrder } from './batch.js';
import { uniqueViolation } from './constraint-errors.js';
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

const BY_NAME: Keyset<SecurityGroup> = {
  key: 'securityGroup.name', column: securityGroups.name, idColumn: securityGroups.id, valueKind: 'string', direction: 'ASC',
  valueOf: (group) => group.name,
};

const RULES_OLDEST_FIRST = [asc(securityGroupRules.createdAt), asc(securityGroupRules.id)];

export class SqliteSecurityGroupRepository implements SecurityGroupRepository {
  constructor(private readonly db: SqliteDb) {}

  async create(input: { name: string; description: string }): Promise<SecurityGroup> {
    try {
      return toGroup(this.db.insert(securityGroups).values({ id: randomUUID(), ...input }).returning().get());
    } catch (error) {
      if (uniqueViolation(error)?.includes('name')) throw new DuplicateNameError(input.name);
      throw error;
    }
  }

  async get(id: string): Promise<SecurityGroup | null> {
    const row = this.db.select().from(securityGroups).where(eq(securityGroups.id, id)).get();
    return row ? toGroup(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<(SecurityGroup | null)[]> {
    return loadInInputOrder(ids, securityGroups.id, (where) => this.db.select().from(securityGroups).where(where).all(), toGroup);
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction((tx) => {
      tx.delete(securityGroupRules).where(or(eq(securityGroupRules.groupId, id), eq(securityGroupRules.sourceGroupId, id))).run();
      tx.delete(instanceSecurityGroups).where(eq(instanceSecurityGroups.groupId, id)).run();
      return tx.delete(securityGroups).where(eq(securityGroups.id, id)).run().changes > 0;
    }, { behavior: 'immediate' });
  }

  async list(_filter: Record<string, never>, window: PageWindow): Promise<SecurityGroup[]> {
    const page = keysetPage(BY_NAME, window);
    return this.db.select().from(securityGroups).where(page.where).orderBy(...page.orderBy).limit(page.limit).all().map(toGroup);
  }

  async count(): Promise<number> {
    return this.db.select({ n: count() }).from(securityGroups).get()?.n ?? 0;
  }

  cursorOf(group: SecurityGroup): string {
    return keysetCursor(BY_NAME, group);
  }

  async addRule(input: NewSecurityGroupRule): Promise<SecurityGroupRule> {
    return toRule(this.db.insert(securityGroupRules).values({ id: randomUUID(), ...input }).returning().get());
  }

  async getRule(id: string): Promise<SecurityGroupRule | null> {
    const row = this.db.select().from(securityGroupRules).where(eq(securityGroupRules.id, id)).get();
    return row ? toRule(row) : null;
  }

  async getRules(ids: readonly string[]): Promise<(SecurityGroupRule | null)[]> {
    return loadInInputOrder(ids, securityGroupRules.id, (where) => this.db.select().from(securityGroupRules).where(where).all(), toRule);
  }

  async removeRule(id: string): Promise<SecurityGroupRule | null> {
    const row = this.db.delete(securityGroupRules).where(eq(securityGroupRules.id, id)).returning().get();
    return row ? toRule(row) : null;
  }

  async rulesOf(groupIds: readonly string[]): Promise<SecurityGroupRule[]> {
    if (groupIds.length === 0) return [];
    return this.db.select().from(securityGroupRules).where(inArray(securityGroupRules.groupId, [...groupIds]))
      .orderBy(...RULES_OLDEST_FIRST).all().map(toRule);
  }

  async rulesSourcedFrom(groupIds: readonly string[]): Promise<SecurityGroupRule[]> {
    if (groupIds.length === 0) return [];
    return this.db.select().from(securityGroupRules).where(inArray(securityGroupRules.sourceGroupId, [...groupIds]))
      .orderBy(...RULES_OLDEST_FIRST).all().map(toRule);
  }

  async addMember(groupId: string, instanceId: string): Promise<boolean> {
    return this.db.insert(instanceSecurityGroups).values({ groupId, instanceId }).onConflictDoNothing().run().changes > 0;
  }

  async removeMember(groupId: string, instanceId: string): Promise<boolean> {
    return this.db.delete(instanceSecurityGroups)
      .where(and(eq(instanceSecurityGroups.groupId, groupId), eq(instanceSecurityGroups.instanceId, instanceId))).run().changes > 0;
  }

  async groupsOf(instanceId: string): Promise<SecurityGroup[]> {
    return this.db.select({ group: securityGroups }).from(instanceSecurityGroups)
      .innerJoin(securityGroups, eq(securityGroups.id, instanceSecurityGroups.groupId))
      .where(eq(instanceSecurityGroups.instanceId, instanceId))
      .orderBy(asc(securityGroups.name), asc(securityGroups.id)).all().map((row) => toGroup(row.group));
  }

  async members(filter: { groupIds?: readonly string[]; hostId?: string }): Promise<SecurityGroupMember[]> {
    if (filter.groupIds?.length === 0) return [];
    const conditions: (SQL | undefined)[] = [
      isNull(instances.deletedAt),
      filter.groupIds ? inArray(instanceSecurityGroups.groupId, [...filter.groupIds]) : undefined,
      filter.hostId === undefined ? undefined
        : or(eq(instances.hostId, filter.hostId), eq(instances.companionHostId, filter.hostId)),
    ];
    return this.db.select({
      groupId: instanceSecurityGroups.groupId, instanceId: instanceSecurityGroups.instanceId,
      hostId: instances.hostId, companionHostId: instances.companionHostId,
    })
      .from(instanceSecurityGroups)
      .innerJoin(instances, eq(instances.id, instanceSecurityGroups.instanceId))
      .where(and(...conditions))
      .orderBy(asc(instances.createdAt), asc(instances.id)).all()
      .map(({ groupId, instanceId, hostId, companionHostId }) => ({
        groupId, instanceId, hostIds: [...new Set([hostId, companionHostId].flatMap((id) => (id ? [id] : [])))],
      }));
  }
}
