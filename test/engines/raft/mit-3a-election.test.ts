/**
 * MIT 6.5840 Lab 3A (leader election), on virtual time with fixed seeds.
 * Bootstrapped nodes start in term 1 (the founding configuration is entry 1), so the first
 * election is for term 2.
 */
import { describe, expect, it } from 'vitest';
import { ELECTION_TIMEOUT_MS, RaftHarness } from './harness.js';

describe('MIT 3A: leader election', () => {
  it('initial election: one leader, and the term holds while nothing fails', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 301 });
    cfg.checkOneLeader();
    cfg.advance(50);
    const term1 = cfg.checkTerms();
    expect(term1).toBeGreaterThanOrEqual(2);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    // The lab only warns here; with no failure at all, a new election would be a bug.
    expect(cfg.checkTerms()).toBe(term1);
    cfg.checkOneLeader();
    cfg.end();
  });

  it('re-election after network failures', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 302 });
    const leader1 = cfg.checkOneLeader();
    // The leader disconnects: a new one is elected.
    cfg.disconnect(leader1);
    cfg.checkOneLeader();
    // The old leader rejoins: that must not disturb the new leader.
    cfg.connect(leader1);
    const leader2 = cfg.checkOneLeader();
    // No quorum: no leader may be elected.
    const other = cfg.ids[(cfg.ids.indexOf(leader2) + 1) % 3] as string;
    cfg.disconnect(leader2);
    cfg.disconnect(other);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    // With CheckQuorum the isolated leader steps down too, so no connected node leads.
    cfg.checkNoLeader();
    // A quorum returns: a leader is elected.
    cfg.connect(other);
    cfg.checkOneLeader();
    // The last node rejoins: still one leader.
    cfg.connect(leader2);
    cfg.checkOneLeader();
    cfg.end();
  });

  it('many elections: 7 servers, 3 random ones disconnected each round', () => {
    const servers = 7;
    const cfg = new RaftHarness({ servers, seed: 303 });
    cfg.checkOneLeader();
    for (let iteration = 0; iteration < 10; iteration += 1) {
      const victims = cfg.rng.shuffle(cfg.ids).slice(0, 3);
      for (const id of victims) cfg.disconnect(id);
      // Four remain: a majority, so a leader must emerge (maybe the old one).
      cfg.checkOneLeader();
      for (const id of victims) cfg.connect(id);
    }
    cfg.checkOneLeader();
    cfg.end();
  });
});
