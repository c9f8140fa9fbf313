import { describe, expect, test } from 'vitest';
import { CONTRACT_ID } from '../../../src/api/contract-schemas.js';
import { errorCatalog, type ErrorCode } from '../../../src/api/error-catalog.js';
import { contract, contractValidator as ajv, resolveInContract as resolve } from '../../support/contract.js';

/**
 * What Swagger UI makes of the contract's parameters. "Try it out" pre-fills a parameter with
 * its example (the parameter's own, else its schema's): on a filter that hides items the moment a
 * user presses Execute, so a query filter has no example, and one whose schema has an example
 * says `example: null`. Every other parameter example must be a valid value.
 */

/** Paging is not filtering: its examples equal its defaults. */
const PAGING = new Set(['limit', 'offset']);

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
  schema?: { $ref?: string; example?: unknown };
}

/** Every parameter of every operation, with where its schema sits. */
const parameters = Object.entries(contract.paths).flatMap(([path, item]) =>
  Object.entries(item).flatMap(([method, operation]) =>
    ((operation as { parameters?: (Parameter | { $ref: string })[] }).parameters ?? []).map((reference) => {
      const parameter = resolve(reference);
      return { where: `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`, parameter };
    }),
  ),
);

describe('parameters in Swagger UI', () => {
  test('the contract has parameters to check', () => {
    expect(parameters.filter(({ parameter }) => parameter.in === 'query').length).toBeGreaterThan(100);
  });

  test('no query filter pre-fills "Try it out"', () => {
    const prefilled = parameters
      .filter(({ parameter }) => parameter.in === 'query' && !PAGING.has(parameter.name))
      .filter(({ parameter }) => {
        const schemaExample = parameter.schema ? resolve<{ example?: unknown }>(parameter.schema as { $ref: string }).example : undefined;
        return parameter.example !== null && (parameter.example ?? schemaExample) !== undefined;
      })
      .map(({ where }) => where);
    expect(prefilled).toEqual([]);
  });

  test('every parameter example is a valid value of its schema', () => {
    const invalid = parameters
      .filter(({ parameter }) => parameter.example !== undefined && parameter.example !== null && parameter.schema !== undefined)
      .filter(({ parameter }) => !ajv.validate(parameter.schema!.$ref ? { $ref: `${CONTRACT_ID}${parameter.schema!.$ref}` } : parameter.schema!, parameter.example))
      .map(({ where, parameter }) => `${where}: ${JSON.stringify(parameter.example)}`);
    expect(invalid).toEqual([]);
  });
});

describe('error examples in Swagger UI', () => {
  interface ErrorExample {
    error?: { code?: string };
  }
  interface JsonContent {
    schema?: { $ref?: string };
    example?: ErrorExample;
    examples?: Record<string, { value?: ErrorExample }>;
  }

  /** Every declared error envelope of every operation, with the codes of the examples Swagger UI shows for it. */
  const errorAnswers = Object.entries(contract.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => Number(status) >= 400)
        .map(([status, reference]) => {
          const json = resolve<{ content?: Record<string, JsonContent> }>(reference as { $ref: string }).content?.['application/json'];
          const examples = json?.example !== undefined ? [json.example] : Object.values(json?.examples ?? {}).map((each) => each.value);
          return { where: `${method.toUpperCase()} ${path} ${status}`, status: Number(status), json, codes: examples.map((example) => example?.error?.code) };
        })
        // Probes answer 503 with a health report, not the error envelope.
        .filter(({ json }) => json?.schema?.$ref?.endsWith('/ErrorResponse')),
    ),
  );

  test('there are error answers to check', () => {
    expect(errorAnswers.length).toBeGreaterThan(1000);
  });

  test("every error envelope has an example, and each example's code answers with that status", () => {
    const wrong = errorAnswers
      .filter(({ status, codes }) => codes.length === 0 || codes.some((code) => code === undefined || errorCatalog[code as ErrorCode] !== status))
      .map(({ where, codes }) => `${where}: ${codes.length === 0 ? 'no example (Swagger UI would show the schema example NOT_FOUND)' : codes.join(', ')}`);
    expect(wrong).toEqual([]);
  });
});
