import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { sessionFetch } from '../session/session';

/**
 * The typed API client (PRODUCT.md section 13), generated from the committed openapi.json by
 * `npm run openapi:client`. Every request goes through the session's fetch: it adds the access token
 * and the language, and renews the session once when the token has expired.
 */
export const api = createClient<paths>({ baseUrl: '/', fetch: sessionFetch });

let lastRequestId: string | null = null;

// The server's id of every answer (X-Request-Id, the same id its problem details, logs and audit log
// carry): the error page names the latest, the answer a screen most likely failed on.
api.use({
  onResponse({ response }) {
    lastRequestId = response.headers.get('X-Request-Id') ?? lastRequestId;
    return undefined;
  },
});

/** The X-Request-Id of the latest answer of the API, if any came yet. */
export function latestRequestId(): string | null {
  return lastRequestId;
}

export type Paths = paths;
