import type { Services } from '../../../platform.js';
import type { HandlerTable } from '../handler-types.js';

export function replicationMonitorHandlers(_services: Services): HandlerTable {
  return {};
}
