import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import {
  clusterStateOf,
  isVoter,
  quorumOf,
  removalEndangersQuorum,
  type ClusterState,
  type MemberHealth,
  type NodeRole,
  type QuorumView,
} from '../../../src/engines/cluster/quorum.js';

const STATUS_BY_LETTER: Record<string, NodeStatus> = {
  I: 'INITIALIZING',
  H: 'HEALTHY',
  S: 'SUSPECTED',
  D: 'DOWN',
  R: 'RECOVERING',
};

/**
 * Members from a compact picture: one letter per voter (I, H, S, D, R), and after a `|` the
 * READ_ONLY members. `'HHD|H'` is two healthy voters, one down voter, one healthy read-only member.
 */
function members(picture: string): MemberHealth[] {
  const [voters = '', readOnly = ''] = picture.split('|');
  const toMember = (role: NodeRole) => (letter: string): MemberHealth => {
    const status = STATUS_BY_LETTER[letter];
    if (status === undefined) throw new Error(`unknown status letter ${letter}`);
    return { role, status };
  };
  return [...[...voters].map(toMember('FOLLOWER')), ...[...readOnly].map(toMember('READ_ONLY'))];
}

describe('quorumOf', () => {
  // picture, minQuorumSize, expected view
  it.each<[string, number, QuorumView]>([
    ['', 1, { voters: 0, availableVoters: 0, quorumSize: 0, hasQuorum: false, failureTolerance: 0 }],
    ['H', 1, { voters: 1, availableVoters: 1, quorumSize: 1, hasQuorum: true, failureTolerance: 0 }],
    ['HH', 1, { voters: 2, availableVoters: 2, quorumSize: 2, hasQuorum: true, failureTolerance: 0 }],
    ['HHH', 1, { voters: 3, availableVoters: 3, quorumSize: 2, hasQuorum: true, failureTolerance: 1 }],
    ['HHD', 1, { voters: 3, availableVoters: 2, quorumSize: 2, hasQuorum: true, failureTolerance: 0 }],
    ['HDD', 1, { voters: 3, availableVoters: 1, quorumSize: 2, hasQuorum: false, failureTolerance: 0 }],
    ['HHHH', 1, { voters: 4, availableVoters: 4, quorumSize: 3, hasQuorum: true, failureTolerance: 1 }],
    ['HHHHH', 1, { voters: 5, availableVoters: 5, quorumSize: 3, hasQuorum: true, failureTolerance: 2 }],
    ['HHRSI', 1, { voters: 5, availableVoters: 3, quorumSize: 3, hasQuorum: true, failureTolerance: 0 }],
    ['HHSSI', 1, { voters: 5, availableVoters: 2, quorumSize: 3, hasQuorum: false, failureTolerance: 0 }],
    // minQuorumSize raises the quorum above a majority...
    ['HHHHH', 4, { voters: 5, availableVoters: 5, quorumSize: 4, hasQuorum: true, failureTolerance: 1 }],
    ['HHHDD', 4, { voters: 5, availableVoters: 3, quorumSize: 4, hasQuorum: false, failureTolerance: 0 }],
    // ...but only up to the number of voters, and never lowers it below a majority.
    ['HHH', 5, { voters: 3, availableVoters: 3, quorumSize: 3, hasQuorum: true, failureTolerance: 0 }],
    ['HHHHH', 0, { voters: 5, availableVoters: 5, quorumSize: 3, hasQuorum: true, failureTolerance: 2 }],
    // READ_ONLY members do not vote, whatever their health.
    ['HHH|HH', 1, { voters: 3, availableVoters: 3, quorumSize: 2, hasQuorum: true, failureTolerance: 1 }],
    ['HDD|HHH', 1, { voters: 3, availableVoters: 1, quorumSize: 2, hasQuorum: false, failureTolerance: 0 }],
    ['|HH', 1, { voters: 0, availableVoters: 0, quorumSize: 0, hasQuorum: false, failureTolerance: 0 }],
  ])('%j with minQuorumSize %i', (picture, minQuorumSize, view) => {
    expect(quorumOf(members(picture), minQuorumSize)).toEqual(view);
  });

  it.each<[NodeRole, boolean]>([
    ['LEADER', true],
    ['FOLLOWER', true],
    ['CANDIDATE', true],
    ['COORDINATOR', true],
    ['WITNESS', true],
    ['READ_ONLY', false],
  ])('a %s votes: %s', (role, votes) => {
    expect(isVoter(role)).toBe(votes);
    expect(quorumOf([{ role, status: 'HEALTHY' }], 1).voters).toBe(votes ? 1 : 0);
  });
});

describe('clusterStateOf', () => {
  it.each<[string, ClusterState]>([
    ['', 'INITIALIZING'],
    ['III', 'INITIALIZING'],
    ['IIH', 'FORMING'],
    ['DDH', 'STOPPED'],
    ['SSH', 'STOPPED'],
    ['HHH', 'OPERATIONAL'],
    ['HHI', 'OPERATIONAL'],
    ['HHS', 'DEGRADED'],
    ['HHD', 'DEGRADED'],
    ['HHR', 'RECOVERING'],
    ['HRD', 'DEGRADED'],
    ['HHH|D', 'DEGRADED'],
    ['|HH', 'STOPPED'],
  ])('%j is %s', (picture, state) => {
    const cluster = members(picture);
    expect(clusterStateOf(cluster, quorumOf(cluster, 1))).toBe(state);
  });
});

describe('removalEndangersQuorum', () => {
  // picture, index of the member removed, minQuorumSize, endangers, failure tolerance after
  it.each<[string, string, number, number, boolean, number]>([
    ['3 healthy voters: removing one takes the last margin', 'HHH', 0, 1, true, 0],
    ['5 healthy voters: removing one leaves a margin', 'HHHHH', 0, 1, false, 1],
    ['4 healthy voters: removing one keeps the margin of 1', 'HHHH', 0, 1, false, 1],
    ['removing a DOWN voter frees a margin', 'HHHD', 3, 1, false, 1],
    ['removing a DOWN voter at tolerance 0', 'HHD', 2, 1, false, 0],
    ['removing a SUSPECTED voter', 'HHS', 2, 1, false, 0],
    ['removing a healthy voter that loses quorum', 'HHD', 0, 1, true, 0],
    ['removing the only node', 'H', 0, 1, true, 0],
    ['removing a READ_ONLY member', 'HHH|H', 3, 1, false, 1],
    ['a cluster without quorum has nothing left to lose', 'HDD', 0, 1, false, 0],
    ['minQuorumSize 5 leaves no margin before nor after', 'HHHHH', 0, 5, false, 0],
    ['minQuorumSize 4: removing a healthy voter of 5 takes the margin', 'HHHHH', 0, 4, true, 0],
  ])('%s', (_description, picture, removedIndex, minQuorumSize, endangers, toleranceAfter) => {
    const cluster = members(picture);
    const removed = cluster[removedIndex];
    if (removed === undefined) throw new Error('no such member');
    const impact = removalEndangersQuorum(cluster, removed, minQuorumSize);
    expect(impact.endangers).toBe(endangers);
    expect(impact.before).toEqual(quorumOf(cluster, minQuorumSize));
    expect(impact.after.voters).toBe(impact.before.voters - (isVoter(removed.role) ? 1 : 0));
    expect(impact.after.failureTolerance).toBe(toleranceAfter);
  });

  it('never endangers when the removed member is not available, for every cluster of up to 5 voters', () => {
    const letters = Object.keys(STATUS_BY_LETTER);
    const pictures: string[] = [''];
    let checked = 0;
    for (let size = 1; size <= 5; size += 1) {
      const previous = pictures.splice(0);
      for (const picture of previous) for (const letter of letters) pictures.push(picture + letter);
      for (const picture of pictures) {
        const cluster = members(picture);
        cluster.forEach((removed) => {
          if (removed.status === 'HEALTHY' || removed.status === 'RECOVERING') return;
          for (let minQuorumSize = 1; minQuorumSize <= 5; minQuorumSize += 1) {
            checked += 1;
            const { endangers } = removalEndangersQuorum(cluster, removed, minQuorumSize);
            if (endangers) expect.fail(`removing a ${removed.status} member of ${picture} (minQuorumSize ${minQuorumSize}) endangered quorum`);
          }
        });
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('does not change the members it is given', () => {
    const cluster = Object.freeze(members('HHH'));
    const removed = cluster[0];
    if (removed === undefined) throw new Error('no such member');
    removalEndangersQuorum(cluster, removed, 1);
    expect(cluster).toHaveLength(3);
  });
});
