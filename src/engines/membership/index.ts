/** SWIM membership: the pure per-member protocol and the host that runs a group on the simulation runtime. */
export * from './piggyback-queue.js';
export * from './swim-config.js';
export * from './swim-group.js';
export * from './swim-member.js';
export * from './swim-messages.js';
export * from './events.js';
