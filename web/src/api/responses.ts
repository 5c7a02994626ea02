/**
 * Names for the shapes of the server's answers and bodies, taken from the generated OpenAPI types
 * (./schema.d.ts, `npm run gen:api`), so a screen declares `type X = ApiOk<'/api/…'>` instead of copying the
 * server's type by hand: when the server's answer changes, `tsc -p web` fails where a screen relies on it.
 */
import type { paths } from './schema.d.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type OkOf<O> = O extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer A }
      ? JsonOf<A>
      : never
  : never;

/** The JSON of a 2xx answer of `method path`. */
export type ApiOk<P extends keyof paths, M extends Method = 'get'> = OkOf<NonNullable<paths[P][M]>>;

/** The JSON body `method path` takes. */
export type ApiBody<P extends keyof paths, M extends Method = 'post'> =
  NonNullable<paths[P][M]> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query `method path` takes. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> =
  NonNullable<paths[P][M]> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
