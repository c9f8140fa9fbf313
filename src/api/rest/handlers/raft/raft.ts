import type { Services } from '../../../../services/services.js';
import type { RaftLogEntry } from '../../../../services/raft/raft-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/raft: parse, call the Raft service, shape the envelope. */
export function raftHandlers({ raft }: Services): HandlerTable {
  return {
    getRaftState: ({ query, context }) => ({ status: 200, body: ok(raft.getState(context, query.nodeId)) }),
    getRaftLeader: ({ context }) => ({ status: 200, body: ok(raft.getLeader(context)) }),
    requestRaftVote: async ({ body, context }) => ({ status: 200, body: ok(await raft.requestVote(context, body)) }),
    getRaftLog: ({ query, context }) => ({ status: 200, body: ok(raft.getLog(context, query.nodeId)) }),
    listRaftLogEntries: ({ query, context }) => {
      const page = raft.listLogEntries(context, {
        nodeId: query.nodeId,
        fromIndex: query.fromIndex,
        toIndex: query.toIndex,
        term: query.term,
        type: query.type,
        clientId: query.clientId,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<RaftLogEntry>(page.items) }) };
    },
    appendRaftEntries: async ({ body, context }) => ({ status: 200, body: ok(await raft.appendEntries(context, body.entries)) }),
    createRaftSnapshot: async ({ body, context }) => ({ status: 201, body: ok(await raft.createSnapshot(context, body?.nodeId)) }),
    listRaftMembers: ({ context }) => ({ status: 200, body: ok(raft.listMembers(context)) }),
    // 202: the learner is added now, its promotion follows once it has caught up.
    addRaftMember: async ({ body, context }) => ({ status: 202, body: ok(await raft.addMember(context, body)) }),
    // 202: the removal takes effect when its entry commits.
    removeRaftMember: async ({ path, query, context }) => ({ status: 202, body: ok(await raft.removeMember(context, path.id, query.force ?? false)) }),
  };
}
