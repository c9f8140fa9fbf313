import { describe, expect, test } from 'vitest';
import { addEdgeResponses } from '../../../scripts/edge-responses.js';
import { operations } from '../../../generated/operations.js';
import { contract } from '../../support/contract.js';

const shared = { MethodNotAllowed: {}, PayloadTooLarge: {}, UnsupportedMediaType: {} };

describe('addEdgeResponses (the bundle-time transform)', () => {
  test('adds 405 to every operation and 413/415 to those with a body, in status order, keeping what is written', () => {
    const document = {
      components: { responses: shared },
      paths: {
        '/a': {
          parameters: [],
          get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow' } } },
          post: { requestBody: {}, responses: { '201': { description: 'made' }, '415': { description: 'own words' }, default: { description: 'x' } } },
        },
      },
    };
    addEdgeResponses(document);
    const { get, post } = document.paths['/a'];
    expect(Object.keys(get.responses)).toEqual(['200', '405', '429']);
    expect(get.responses).toMatchObject({ '405': { $ref: '#/components/responses/MethodNotAllowed' } });
    expect(Object.keys(post.responses)).toEqual(['201', '405', '413', '415', 'default']);
    expect(post.responses).toMatchObject({ '413': { $ref: '#/components/responses/PayloadTooLarge' }, '415': { description: 'own words' } });
  });

  test('refuses a document whose components lack the shared responses', () => {
    expect(() => addEdgeResponses({ components: { responses: {} }, paths: {} })).toThrow(/MethodNotAllowed/);
  });
});

describe('the bundled contract', () => {
  test('declares the edge on every operation, and 426 on every stream', () => {
    for (const operation of operations) {
      const declared = contract.paths[operation.path]![operation.method]! as { responses: Record<string, unknown>; requestBody?: unknown };
      expect(declared.responses['405'], operation.operationId).toBeDefined();
      if (declared.requestBody !== undefined) expect(Object.keys(declared.responses), operation.operationId).toEqual(expect.arrayContaining(['413', '415']));
      if (operation.websocket) expect(declared.responses['426'], operation.operationId).toEqual({ $ref: '#/components/responses/UpgradeRequired' });
    }
  });
});
