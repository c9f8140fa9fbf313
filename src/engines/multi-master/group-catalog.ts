/**
 * The groups and their sites: what the store record `multi-master.catalog` holds. Checks every
 * rule that does not need the cluster (the engine checks the nodes' roles and datacenters).
 */
import { DomainError } from '../runtime/domain-error.js';
import type { MultiMasterConfig } from './mm-config.js';
import { COLUMN_CRDTS, CONFLICT_STRATEGIES, type ColumnCrdt, type ConflictStrategy } from './row-version.js';

export interface Site {
  readonly siteId: string;
  readonly nodeId: string;
  /** The datacenter holding the node (geo's), or null when the node is in none. */
  readonly datacenterId: string | null;
  /** SITE_PRIORITY: lower wins. */
  readonly priority: number;
  readonly addedAtMs: number;
  /** The node's WAL position when the site joined: it ships its changes from there. */
  readonly joinedAtLsn: number;
}

export interface Group {
  readonly groupId: string;
  readonly name: string;
  readonly tables: readonly string[];
  readonly sites: readonly Site[];
  readonly conflictStrategy: ConflictStrategy;
  readonly columnCrdts: Readonly<Record<string, ColumnCrdt>>;
  readonly writeQuorum: number;
  readonly readQuorum: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface CatalogState {
  readonly groups: readonly Group[];
  readonly nextGroupNumber: number;
  /** Conflicts the engine recorded already (by the pair of writes), so a site that meets one again does not record it twice. */
  readonly recordedConflicts?: readonly string[];
}

export interface GroupSettings {
  name?: string;
  tables?: string[];
  conflictStrategy?: string;
  columnCrdts?: Record<string, string>;
  writeQuorum?: number;
  readQuorum?: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/;
/** Tables the engine itself keeps in node storage; no group may claim them. */
export const RESERVED_TABLES: ReadonlySet<string> = new Set(['_mm_versions', '_mm_origins']);

export class GroupCatalog {
  private readonly groups = new Map<string, Group>();
  private nextGroupNumber: number;

  constructor(private readonly config: MultiMasterConfig, state?: CatalogState) {
    for (const group of state?.groups ?? []) this.groups.set(group.groupId, group);
    this.nextGroupNumber = state?.nextGroupNumber ?? 1;
  }

  list(): Group[] {
    return [...this.groups.values()];
  }

  get(groupId: string): Group {
    const group = this.groups.get(groupId);
    if (group === undefined) throw new DomainError('NOT_FOUND', `Multi-master group ${groupId} does not exist.`, { groupId });
    return group;
  }

  has(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  /** The group a table belongs to, if any. */
  groupOfTable(table: string): Group | undefined {
    return this.list().find((group) => group.tables.includes(table));
  }

  /** A new group with its first sites (already checked by the engine); its quorums default to a majority. */
  create(settings: GroupSettings & { groupId?: string }, sites: Site[], nowMs: number): Group {
    if (this.groups.size >= this.config.maxGroups) throw new DomainError('CONFLICT', `The catalog holds ${this.config.maxGroups} groups at most (maxGroups).`, { limit: this.config.maxGroups });
    const groupId = settings.groupId ?? `mm-group-${this.nextGroupNumber}`;
    if (!NAME.test(groupId)) throw new DomainError('UNPROCESSABLE', `groupId "${groupId}" must be a name: a letter or _, then letters, digits, _ . -, 63 characters at most.`, { groupId });
    if (this.groups.has(groupId)) throw new DomainError('CONFLICT', `Multi-master group ${groupId} already exists.`, { groupId });
    if (settings.name === undefined || settings.name.trim() === '') throw new DomainError('UNPROCESSABLE', 'A group needs a name.', {});
    const majority = Math.floor(sites.length / 2) + 1;
    const group = this.checked({
      groupId,
      name: settings.name,
      tables: [],
      sites,
      conflictStrategy: 'LAST_WRITER_WINS',
      columnCrdts: {},
      writeQuorum: Math.min(majority, Math.max(sites.length, 1)),
      readQuorum: Math.min(majority, Math.max(sites.length, 1)),
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    }, settings);
    this.groups.set(groupId, group);
    if (settings.groupId === undefined) this.nextGroupNumber += 1;
    return group;
  }

  update(groupId: string, settings: GroupSettings, nowMs: number): Group {
    const group = this.checked({ ...this.get(groupId), updatedAtMs: nowMs }, settings);
    this.groups.set(groupId, group);
    return group;
  }

  addSite(groupId: string, site: Site, nowMs: number): Group {
    const group = this.get(groupId);
    if (group.sites.length >= this.config.maxSitesPerGroup) throw new DomainError('CONFLICT', `Group ${groupId} has ${this.config.maxSitesPerGroup} sites, the most it may (maxSitesPerGroup).`, { groupId, limit: this.config.maxSitesPerGroup });
    if (group.sites.some((existing) => existing.siteId === site.siteId)) throw new DomainError('CONFLICT', `Group ${groupId} already has a site ${site.siteId}.`, { groupId, siteId: site.siteId });
    if (group.sites.some((existing) => existing.nodeId === site.nodeId)) throw new DomainError('CONFLICT', `Node ${site.nodeId} is already a site of group ${groupId}.`, { groupId, nodeId: site.nodeId });
    const updated = { ...group, sites: [...group.sites, site], updatedAtMs: nowMs };
    this.groups.set(groupId, updated);
    return updated;
  }

  removeSite(groupId: string, siteId: string, nowMs: number): Group {
    const group = this.get(groupId);
    if (!group.sites.some((site) => site.siteId === siteId)) throw new DomainError('NOT_FOUND', `Group ${groupId} has no site ${siteId}.`, { groupId, siteId });
    const sites = group.sites.filter((site) => site.siteId !== siteId);
    if (sites.length < Math.max(group.writeQuorum, group.readQuorum)) {
      throw new DomainError('CONFLICT', `Removing ${siteId} would leave ${sites.length} sites, fewer than the group's quorums (write ${group.writeQuorum}, read ${group.readQuorum}): lower them first.`, { groupId, siteId, writeQuorum: group.writeQuorum, readQuorum: group.readQuorum });
    }
    const updated = { ...group, sites, updatedAtMs: nowMs };
    this.groups.set(groupId, updated);
    return updated;
  }

  delete(groupId: string): Group {
    const group = this.get(groupId);
    this.groups.delete(groupId);
    return group;
  }

  snapshot(): CatalogState {
    return { groups: this.list(), nextGroupNumber: this.nextGroupNumber };
  }

  private checked(group: Group, settings: GroupSettings): Group {
    const next = { ...group };
    if (settings.name !== undefined) {
      if (settings.name.trim() === '' || settings.name.length > 128) throw new DomainError('UNPROCESSABLE', 'A group name has 1 to 128 characters.', {});
      next.name = settings.name;
    }
    if (settings.tables !== undefined) {
      if (settings.tables.length > this.config.maxTablesPerGroup) throw new DomainError('UNPROCESSABLE', `A group has ${this.config.maxTablesPerGroup} tables at most (maxTablesPerGroup).`, { limit: this.config.maxTablesPerGroup });
      for (const table of settings.tables) {
        if (!NAME.test(table) || RESERVED_TABLES.has(table)) throw new DomainError('UNPROCESSABLE', `"${table}" is not a table name a group may use.`, { table });
        const owner = this.groupOfTable(table);
        if (owner !== undefined && owner.groupId !== group.groupId) throw new DomainError('CONFLICT', `Table ${table} already belongs to group ${owner.groupId}.`, { table, groupId: owner.groupId });
      }
      if (new Set(settings.tables).size !== settings.tables.length) throw new DomainError('UNPROCESSABLE', 'A table is named twice.', {});
      next.tables = [...settings.tables];
    }
    if (settings.conflictStrategy !== undefined) {
      if (!(CONFLICT_STRATEGIES as readonly string[]).includes(settings.conflictStrategy)) throw new DomainError('UNPROCESSABLE', `conflictStrategy is one of ${CONFLICT_STRATEGIES.join(', ')}.`, {});
      next.conflictStrategy = settings.conflictStrategy as ConflictStrategy;
    }
    if (settings.columnCrdts !== undefined) {
      for (const [column, type] of Object.entries(settings.columnCrdts)) {
        if (!(COLUMN_CRDTS as readonly string[]).includes(type)) throw new DomainError('UNPROCESSABLE', `Column ${column}: the CRDT is one of ${COLUMN_CRDTS.join(', ')}.`, { column });
      }
      next.columnCrdts = { ...(settings.columnCrdts as Record<string, ColumnCrdt>) };
    }
    if (next.conflictStrategy === 'CRDT_PER_COLUMN' && Object.keys(next.columnCrdts).length === 0) throw new DomainError('UNPROCESSABLE', 'The CRDT_PER_COLUMN strategy needs columnCrdts: the CRDT of at least one column.', {});
    if (settings.writeQuorum !== undefined) next.writeQuorum = settings.writeQuorum;
    if (settings.readQuorum !== undefined) next.readQuorum = settings.readQuorum;
    const siteCount = next.sites.length;
    for (const [name, value] of [['writeQuorum', next.writeQuorum], ['readQuorum', next.readQuorum]] as const) {
      if (!Number.isInteger(value) || value < 1 || value > siteCount) throw new DomainError('UNPROCESSABLE', `${name} is ${value}: it counts sites, from 1 to the group's ${siteCount}.`, { [name]: value, sites: siteCount });
    }
    return next;
  }
}
