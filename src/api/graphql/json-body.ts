import express, { type RequestHandler } from 'express';

/** Largest GraphQL request body accepted, as for REST bodies. */
const MAX_BODY_BYTES = '1mb';

/**
 * Reads a `POST /graphql` JSON body with express's parser before yoga sees the request: yoga
 * then takes the parsed object (whatwg-node uses a body already read) instead of piping the
 * socket through web streams, which cost about a tenth of a small query's CPU. Bodies of other
 * types are left to yoga. A body that is not JSON, or too large, answers as yoga answers it.
 */
export function graphqlJsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES });
  return (request, response, next) => {
    void parse(request, response, (error?: unknown) => {
      if (error === undefined) {
        next();
        return;
      }
      const tooLarge = (error as { type?: string }).type === 'entity.too.large';
      const [status, message, code] = tooLarge ? [413, 'Request body too large', 'REQUEST_ENTITY_TOO_LARGE'] : [400, 'POST body sent invalid JSON.', 'BAD_REQUEST'];
      response.status(status).json({ errors: [{ message, extensions: { code } }] });
    });
  };
}
