/**
 * The logical catalog in the platform's journal: one record per publication and per
 * subscription (its definition, checkpoint and counters), written in the same batch as the rows an
 * apply wrote, and read back at start.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { LogicalRecords, LogicalRestore } from './logical-replication.js';
import type { Publication } from './publication.js';
import type { SubscriptionState } from './subscription.js';

export const LOGICAL_PUBLICATION_RECORD = 'logical.publication';
export const LOGICAL_SUBSCRIPTION_RECORD = 'logical.subscription';

export class LogicalJournal implements LogicalRecords {
  constructor(private readonly journal: Journal) {}

  publicationChanged(publication: Publication): void {
    this.journal.put(LOGICAL_PUBLICATION_RECORD, publication.name, publication);
  }

  publicationDropped(name: string): void {
    this.journal.delete(LOGICAL_PUBLICATION_RECORD, name);
  }

  subscriptionChanged(subscription: SubscriptionState): void {
    this.journal.put(LOGICAL_SUBSCRIPTION_RECORD, subscription.name, subscription);
  }

  subscriptionDropped(name: string): void {
    this.journal.delete(LOGICAL_SUBSCRIPTION_RECORD, name);
  }
}

/** The catalog as the store holds it (empty when logical replication never ran). */
export async function loadLogicalState(store: Store): Promise<LogicalRestore> {
  const [publications, subscriptions] = await Promise.all([store.list<Publication>(LOGICAL_PUBLICATION_RECORD), store.list<SubscriptionState>(LOGICAL_SUBSCRIPTION_RECORD)]);
  return { publications: publications.map((record) => record.value), subscriptions: subscriptions.map((record) => record.value) };
}
