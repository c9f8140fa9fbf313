/** The Raft consensus engine: the pure state machine (RaftNode) and its host on the simulation runtime (RaftGroup). */
export * from './configuration.js';
export * from './log-entry.js';
export * from './memory-disk.js';
export * from './messages.js';
export * from './progress.js';
export * from './raft-config.js';
export * from './raft-errors.js';
export * from './raft-group.js';
export * from './raft-log.js';
export * from './raft-node.js';
export * from './ready.js';
export * from './state-machine.js';
