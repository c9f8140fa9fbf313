import type { Services } from '../../../platform.js';
import type { HandlerTable } from '../handler-types.js';

export function replicationHandlers(_services: Services): HandlerTable {
  return {};
}
