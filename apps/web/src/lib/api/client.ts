import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { sessionFetch } from '../session/session';

/**
 * The typed API client (PRODUCT.md section 13), generated from the committed openapi.json by
 * `npm run openapi:client`. Every request goes through the session's fetch: it adds the access token
 * and the language, and renews the session once when the token has expired.
 */
export const api = createClient<paths>({ baseUrl: '/', fetch: sessionFetch });

export type Paths = paths;
