import type { Request, Response } from 'express';
import type { Serialize } from './response-serializers.js';

/**
 * Writes an operation's answer to the wire. The contract's answers are exactly what is written
 * here: no ETag and no 304 (express's `res.send` hashes every body for an ETag and turns a
 * matching `If-None-Match`, or `*`, into a 304 that no operation documents). HEAD gets the
 * headers of the GET without its body. `serialize` is the answer's serializer compiled from the
 * contract (see response-serializers.ts); it throws, before anything is written, when the body
 * cannot be written as the contract says.
 */
export function writeJson(
  request: Request,
  response: Response,
  status: number,
  body: unknown,
  serialize: Serialize,
  headers?: Readonly<Record<string, string>>,
): void {
  const text = serialize(body);
  // Set only once the body is written: a failed answer must not carry the headers of the one it replaces.
  if (headers) response.set(headers);
  writeText(request, response, status, 'application/json; charset=utf-8', text);
}

export function writeText(request: Request, response: Response, status: number, contentType: string, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', contentType.includes('charset=') ? contentType : `${contentType}; charset=utf-8`);
  response.setHeader('Content-Length', Buffer.byteLength(text));
  if (request.method === 'HEAD') response.end();
  else response.end(text);
}
