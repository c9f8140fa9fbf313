/**
 * The geo engine as the module shares it (`shared('geo')`): datacenters, their WAN links and who
 * uses each datacenter (README). Multi-master, monitoring and global data services build on it.
 */
import type { FaultSet } from '../runtime/faults.js';
import { Datacenters, DatacenterUsers, type CreateDatacenterInput, type Datacenter, type DatacenterRecord, type NodeRegions } from './datacenters.js';
import { WanLinks, assertLinkSettings, type WanLinkRecord, type WanLinkSettings } from './wan-links.js';

/** Record kinds in the store. */
export const DATACENTER_RECORD = 'geo.datacenter';
export const WAN_LINK_RECORD = 'geo.link';

export interface GeoEngineDeps {
  nodes: NodeRegions;
  unplacedRegion: string;
  faults: FaultSet;
  now: () => number;
  /** Persists a record (null value: delete it). */
  persist: (kind: string, id: string, value: unknown) => void;
}

export interface GeoRestore {
  datacenters: readonly DatacenterRecord[];
  links: readonly WanLinkRecord[];
}

export interface CreateDatacenterRequest extends CreateDatacenterInput {
  /** Settings of the links from the new datacenter to existing ones. */
  wanLinks?: (WanLinkSettings & { datacenterId: string })[];
}

export class GeoEngine {
  /** Who still uses a datacenter (streams here; mm registers its groups' sites): deleting a used one answers 409. */
  readonly datacenterUsers = new DatacenterUsers();
  readonly datacenters: Datacenters;
  readonly links: WanLinks;

  constructor(deps: GeoEngineDeps, restored: GeoRestore = { datacenters: [], links: [] }) {
    this.datacenters = new Datacenters(
      {
        nodes: deps.nodes,
        unplacedRegion: deps.unplacedRegion,
        users: this.datacenterUsers,
        now: deps.now,
        changed: (datacenterId, record) => deps.persist(DATACENTER_RECORD, datacenterId, record),
        placementsChanged: () => this.links?.changed(),
      },
      restored.datacenters,
    );
    this.links = new WanLinks(
      { datacenters: this.datacenters, faults: deps.faults, changed: (key, record) => deps.persist(WAN_LINK_RECORD, key, record) },
      restored.links,
    );
  }

  /**
   * Creates a datacenter, then configures its links to the datacenters named in `wanLinks`.
   * The links are checked before anything changes, so a bad link creates nothing.
   */
  createDatacenter(request: CreateDatacenterRequest): Datacenter {
    const { wanLinks = [], ...input } = request;
    for (const { datacenterId, ...settings } of wanLinks) {
      this.datacenters.get(datacenterId);
      assertLinkSettings(settings);
    }
    const created = this.datacenters.create(input);
    for (const { datacenterId, ...settings } of wanLinks) this.links.configure(created.datacenterId, datacenterId, settings);
    return created;
  }

  /** Deletes a datacenter (409 while used) and the settings of its links. */
  deleteDatacenter(datacenterId: string): Datacenter {
    const removed = this.datacenters.remove(datacenterId);
    this.links.forget(datacenterId);
    return removed;
  }

  close(): void {
    this.links.close();
  }
}
