import type { Request, Response } from 'express';

/**
 * Writes an operation's answer to the wire. The contract's answers are exactly what is written
 * here: no ETag and no 304 (express's `res.send` hashes every body for an ETag and turns a
 * matching `If-None-Match`, or `*`, into a 304 that no operation documents). HEAD gets the
 * headers of the GET without its body.
 */
export function writeJson(request: Request, response: Response, status: number, body: unknown): void {
  writeText(request, response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

export function writeText(request: Request, response: Response, status: number, contentType: string, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', contentType.includes('charset=') ? contentType : `${contentType}; charset=utf-8`);
  response.setHeader('Content-Length', Buffer.byteLength(text));
  if (request.method === 'HEAD') response.end();
  else response.end(text);
}
