/** GraphQL's ASC/DESC as the services' asc/desc. */
export function orderOf(order: 'ASC' | 'DESC' | null | undefined): 'asc' | 'desc' | undefined {
  if (order === 'ASC') return 'asc';
  if (order === 'DESC') return 'desc';
  return undefined;
}

/** Drops keys whose value is null or undefined: GraphQL sends null for omitted nullable inputs. */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/** A read whose target may be gone: an unknown id reads as null (a nullable GraphQL field), any other error stays one. */
export function nullIfNotFound<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') return null;
    throw error;
  }
}
