import type { components, paths } from './schema';

/**
 * Types derived from the generated contract (lib/api/schema.d.ts, from openapi.json), so that a change
 * in the contract breaks the features that rely on it. Features name response shapes through these
 * rather than writing their own.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<Responses> = {
  [S in keyof Responses]: S extends 200 | 201 | 202 | 204 ? Json<Responses[S]> : never;
}[keyof Responses];

/** A named schema of the contract: `Schema<'CaseResponse'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The success body of an operation: `ApiData<'/api/v1/cases/{id}', 'get'>`. */
export type ApiData<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Success<R> : never;

/** The JSON request body of an operation: `ApiBody<'/api/v1/cases/{id}/close', 'post'>`. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type ApiQuery<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a paged answer (`{items, nextCursor}`). */
export type ApiItem<P extends keyof paths, M extends Method> = ApiData<P, M> extends { items: (infer T)[] } ? T : never;

/** Localized text as every answer gives it. */
export type Localized = Schema<'LocalizedTextDto'>;
