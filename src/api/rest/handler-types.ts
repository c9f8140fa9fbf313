import type { operations } from '../../../generated/openapi-types.js';
import type { OperationContext } from '../../services/platform/operation-context.js';

/** Every operation of the contract, by id. */
export type OperationId = keyof operations;

type Operation<O extends OperationId> = operations[O];
type Parameters<O extends OperationId, In extends 'path' | 'query'> = [NonNullable<Operation<O>['parameters'][In]>] extends [never]
  ? Record<string, never>
  : NonNullable<Operation<O>['parameters'][In]>;
type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type TextContent<Response> = Response extends { content: { 'text/plain': infer Body } } ? Body : never;
type RequestBody<O extends OperationId> =
  NonNullable<Operation<O>['requestBody']> extends { content: { 'application/json': infer Body } } ? Body : undefined;
type AnsweredStatus<O extends OperationId> = Extract<keyof Operation<O>['responses'], 200 | 201 | 202 | 503>;

/** What a handler receives: validated (and coerced) parameters and body, and who calls. */
export interface HandlerInput<O extends OperationId> {
  path: Parameters<O, 'path'>;
  query: Parameters<O, 'query'>;
  body: RequestBody<O>;
  context: OperationContext;
}

/**
 * What a handler answers: a status the contract lists for success (202 for work that goes on
 * after the answer, 503 for probes), the body the contract gives for it, and headers such as a
 * 202's `Location`. A handler that drifts from the spec does not compile.
 */
export type HandlerOutput<O extends OperationId> = {
  [S in AnsweredStatus<O>]:
    | { status: S; body: JsonContent<Operation<O>['responses'][S]>; headers?: Readonly<Record<string, string>> }
    | { status: S; contentType: string; text: TextContent<Operation<O>['responses'][S]> };
}[AnsweredStatus<O>];

export type Handler<O extends OperationId> = (input: HandlerInput<O>) => HandlerOutput<O> | Promise<HandlerOutput<O>>;

/** Handlers of the implemented operations; the contract's other operations answer 501. */
export type HandlerTable = { [O in OperationId]?: Handler<O> };

/**
 * Items trimmed by `fields` (sparse fieldsets) typed as the contract's full items: operations
 * marked `x-rustydb-sparse-fields` document that each item carries only the requested fields.
 */
export function sparseItems<Item>(items: Partial<Item>[]): Item[] {
  return items as Item[];
}
