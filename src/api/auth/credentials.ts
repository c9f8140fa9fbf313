import type { Credentials } from '../../services/platform/api-keys.js';

/**
 * Credentials a request presents: the `X-API-Key` header, a bearer token, or (for WebSocket
 * clients, which cannot set headers in browsers) the `apiKey` query parameter.
 */
export function credentialsOf(
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, unknown> = {},
): Credentials {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const authorization = header('authorization');
  const bearerToken = authorization?.toLowerCase().startsWith('bearer ') ? authorization.slice('bearer '.length).trim() : undefined;
  const apiKeyQuery = typeof query.apiKey === 'string' ? query.apiKey : undefined;
  return { apiKey: header('x-api-key') ?? apiKeyQuery, bearerToken };
}
