import type { Page } from '../../services/platform/list-query.js';
import type { ApiErrorBody } from '../error-catalog.js';

/** The seed's success envelope. */
export function ok<T>(data: T) {
  return { success: true as const, data, timestamp: new Date().toISOString() };
}

/** The success envelope of a list, with where the page sits in the whole. */
export function okPage<T>(page: Page<T>) {
  return {
    success: true as const,
    data: page.items,
    pagination: { total: page.total, limit: page.limit, offset: page.offset, hasMore: page.hasMore },
    timestamp: new Date().toISOString(),
  };
}

/** The seed's error envelope. */
export function failure(error: ApiErrorBody, requestId: string | undefined) {
  return {
    success: false as const,
    error,
    ...(requestId === undefined ? {} : { requestId }),
    timestamp: new Date().toISOString(),
  };
}
