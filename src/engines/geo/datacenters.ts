/**
 * Datacenters: named groups of the cluster's nodes with a region and a place on the globe
 * (README, "Datacenters"). The cluster engine owns nodes and their region; a datacenter sets its
 * nodes' region through it and keeps no second list of regions. Every change calls `changed` with
 * the record to persist (null for a deletion).
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { MAX_DATACENTER_NODES, MAX_DATACENTERS, MAX_NAME_LENGTH } from './geo-config.js';

/** Where a datacenter stands. */
export interface GeoLocation {
  /** Degrees north, in [-90, 90]. */
  latitude: number;
  /** Degrees east, in [-180, 180]. */
  longitude: number;
  city: string;
}

export interface Datacenter {
  datacenterId: string;
  name: string;
  /** The region of every node of the datacenter (the cluster engine's node region). */
  region: string;
  location: GeoLocation;
  /** Its nodes, in the order given; a node is in at most one datacenter. */
  nodeIds: string[];
  createdAtMs: number;
}

/** As persisted: the datacenter and the region each node had before it joined (given back on delete). */
export interface DatacenterRecord extends Datacenter {
  priorRegions: Record<string, string>;
}

export interface CreateDatacenterInput {
  datacenterId?: string;
  name: string;
  region: string;
  location: GeoLocation;
  nodeIds: string[];
}

/** The cluster engine's nodes, as far as datacenters need them (ClusterNodes satisfies it). */
export interface NodeRegions {
  has(nodeId: string): boolean;
  get(nodeId: string): { region: string };
  setRegion(nodeId: string, region: string): unknown;
}

/** Something that still uses a datacenter: a geo stream, a multi-master group's site. */
export interface DatacenterUse {
  kind: string;
  id: string;
}

/** Answers what of its owner still uses `datacenterId` (mm registers its groups' sites). */
export type DatacenterUsersOf = (datacenterId: string) => DatacenterUse[];

/** Who uses a datacenter: deleting one that is used answers 409. */
export class DatacenterUsers {
  private readonly sources = new Set<DatacenterUsersOf>();

  /** Registers a source of uses; returns a function that unregisters it. */
  register(usersOf: DatacenterUsersOf): () => void {
    this.sources.add(usersOf);
    return () => this.sources.delete(usersOf);
  }

  usersOf(datacenterId: string): DatacenterUse[] {
    return [...this.sources].flatMap((usersOf) => usersOf(datacenterId));
  }
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface DatacentersDeps {
  nodes: NodeRegions;
  /** The region a node without a placement has (the cluster engine's default). */
  unplacedRegion: string;
  users: DatacenterUsers;
  now: () => number;
  /** Persists one datacenter (null: deleted). */
  changed: (datacenterId: string, record: DatacenterRecord | null) => void;
  /** Tells listeners (the WAN links, attached networks) that placements changed. */
  placementsChanged: () => void;
}

export class Datacenters {
  private readonly records = new Map<string, DatacenterRecord>();
  private readonly datacenterOfNode = new Map<string, string>();

  constructor(
    private readonly deps: DatacentersDeps,
    restored: readonly DatacenterRecord[] = [],
  ) {
    for (const record of restored) this.remember(record);
  }

  /** Every datacenter, in id order (dc-2 before dc-10). */
  list(): Datacenter[] {
    return [...this.records.values()].sort((a, b) => naturalCompare(a.datacenterId, b.datacenterId)).map(viewOf);
  }

  /** @throws DomainError NOT_FOUND */
  get(datacenterId: string): Datacenter {
    return viewOf(this.recordOf(datacenterId));
  }

  has(datacenterId: string): boolean {
    return this.records.has(datacenterId);
  }

  /** The datacenter holding `nodeId`, or null. */
  datacenterOf(nodeId: string): string | null {
    return this.datacenterOfNode.get(nodeId) ?? null;
  }

  /**
   * Creates a datacenter and sets its nodes' region.
   * @throws DomainError UNPROCESSABLE (bad input, a node placed in another region), NOT_FOUND
   * (unknown node), CONFLICT (id taken, node in another datacenter, limit reached).
   */
  create(input: CreateDatacenterInput): Datacenter {
    const problems = validateInput(input);
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The datacenter is not valid: ${problems.join('; ')}.`, { problems });
    if (this.records.size >= MAX_DATACENTERS) throw new DomainError('CONFLICT', `There are already ${MAX_DATACENTERS} datacenters, the most allowed.`, { limit: MAX_DATACENTERS });
    const datacenterId = input.datacenterId ?? this.nextId();
    if (this.records.has(datacenterId)) throw new DomainError('CONFLICT', `A datacenter with id "${datacenterId}" already exists.`, { datacenterId });
    const priorRegions: Record<string, string> = {};
    for (const nodeId of input.nodeIds) {
      if (!this.deps.nodes.has(nodeId)) throw new DomainError('NOT_FOUND', `No cluster node has id "${nodeId}".`, { resource: 'cluster.node', id: nodeId });
      const other = this.datacenterOfNode.get(nodeId);
      if (other !== undefined) throw new DomainError('CONFLICT', `Node ${nodeId} is already in datacenter ${other}: a node is in at most one datacenter.`, { nodeId, datacenterId: other });
      const region = this.deps.nodes.get(nodeId).region;
      if (region !== this.deps.unplacedRegion && region !== input.region) {
        throw new DomainError('UNPROCESSABLE', `Node ${nodeId} is in region ${region}, not ${input.region}: a datacenter's nodes carry its region.`, { nodeId, nodeRegion: region, region: input.region });
      }
      priorRegions[nodeId] = region;
    }
    const record: DatacenterRecord = {
      datacenterId,
      name: input.name,
      region: input.region,
      location: { latitude: input.location.latitude, longitude: input.location.longitude, city: input.location.city },
      nodeIds: [...input.nodeIds],
      createdAtMs: this.deps.now(),
      priorRegions,
    };
    for (const nodeId of record.nodeIds) this.deps.nodes.setRegion(nodeId, record.region);
    this.remember(record);
    this.deps.changed(datacenterId, record);
    this.deps.placementsChanged();
    return viewOf(record);
  }

  /**
   * Deletes a datacenter and gives its nodes back their earlier region.
   * @throws DomainError NOT_FOUND; CONFLICT while a stream or group uses it.
   */
  remove(datacenterId: string): Datacenter {
    const record = this.recordOf(datacenterId);
    const users = this.deps.users.usersOf(datacenterId);
    if (users.length > 0) {
      const named = users.map((use) => `${use.kind} ${use.id}`).join(', ');
      throw new DomainError('CONFLICT', `Datacenter ${datacenterId} is still used by ${named}: remove them first.`, { datacenterId, users });
    }
    this.records.delete(datacenterId);
    for (const nodeId of record.nodeIds) {
      this.datacenterOfNode.delete(nodeId);
      if (this.deps.nodes.has(nodeId)) this.deps.nodes.setRegion(nodeId, record.priorRegions[nodeId] ?? this.deps.unplacedRegion);
    }
    this.deps.changed(datacenterId, null);
    this.deps.placementsChanged();
    return viewOf(record);
  }

  /** A node left the cluster: it leaves its datacenter too. */
  nodeLeft(nodeId: string): void {
    const datacenterId = this.datacenterOfNode.get(nodeId);
    if (datacenterId === undefined) return;
    const record = this.recordOf(datacenterId);
    const { [nodeId]: _left, ...priorRegions } = record.priorRegions;
    const next: DatacenterRecord = { ...record, nodeIds: record.nodeIds.filter((id) => id !== nodeId), priorRegions };
    this.datacenterOfNode.delete(nodeId);
    this.records.set(datacenterId, next);
    this.deps.changed(datacenterId, next);
    this.deps.placementsChanged();
  }

  private recordOf(datacenterId: string): DatacenterRecord {
    const record = this.records.get(datacenterId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No datacenter has id "${datacenterId}".`, { resource: 'geo.datacenter', id: datacenterId });
    return record;
  }

  private remember(record: DatacenterRecord): void {
    this.records.set(record.datacenterId, record);
    for (const nodeId of record.nodeIds) this.datacenterOfNode.set(nodeId, record.datacenterId);
  }

  /** `dc-N` with N one past the highest number in use. */
  private nextId(): string {
    let highest = 0;
    for (const datacenterId of this.records.keys()) {
      const match = /^dc-(\d+)$/.exec(datacenterId);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    return `dc-${highest + 1}`;
  }
}

function viewOf(record: DatacenterRecord): Datacenter {
  return {
    datacenterId: record.datacenterId,
    name: record.name,
    region: record.region,
    location: { ...record.location },
    nodeIds: [...record.nodeIds],
    createdAtMs: record.createdAtMs,
  };
}

function validateInput(input: CreateDatacenterInput): string[] {
  const problems: string[] = [];
  if (input.datacenterId !== undefined && (!ID_PATTERN.test(input.datacenterId) || input.datacenterId.length > MAX_NAME_LENGTH)) {
    problems.push(`datacenterId must be lowercase letters, digits and '-', at most ${MAX_NAME_LENGTH} characters`);
  }
  for (const [field, value] of [['name', input.name], ['region', input.region], ['location.city', input.location.city]] as const) {
    if (value.trim().length === 0 || value.length > MAX_NAME_LENGTH) problems.push(`${field} must have 1 to ${MAX_NAME_LENGTH} characters`);
  }
  const { latitude, longitude } = input.location;
  if (!(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) problems.push('location.latitude must be in [-90, 90]');
  if (!(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) problems.push('location.longitude must be in [-180, 180]');
  if (input.nodeIds.length === 0) problems.push('nodeIds must name at least one node');
  if (input.nodeIds.length > MAX_DATACENTER_NODES) problems.push(`nodeIds may name at most ${MAX_DATACENTER_NODES} nodes`);
  if (new Set(input.nodeIds).size !== input.nodeIds.length) problems.push('nodeIds must not repeat a node');
  return problems;
}
