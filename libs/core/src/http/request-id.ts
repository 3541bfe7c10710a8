import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type WithIds = IncomingMessage & { id?: unknown; clientRequestId?: string };

// What a client may send as its own id: printable ASCII, bounded (it is stored in the audit log).
const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The request id is the server's (PRODUCT.md section 13): a fresh UUID on every request, sent back as
 * X-Request-Id and used in problem details, logs and the audit log. A client's own X-Request-Id is never
 * taken as the id (it could forge or collide with another request's entries); it is kept only as
 * clientRequestId. Idempotent: the first call decides, later ones (the logger's genReqId) reuse it.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const r = req as WithIds;
  if (typeof r.id === 'string' && r.id) return r.id;
  const id = randomUUID();
  r.id = id;
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && CLIENT_REQUEST_ID.test(given)) r.clientRequestId = given;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** The X-Request-Id the client sent, if it was a plausible one. */
export function clientRequestIdOf(req: IncomingMessage): string | null {
  return (req as WithIds).clientRequestId ?? null;
}
