import { Role } from './roles';

/** Who is acting: the signed-in user as every module sees them (no secrets, no personal data). */
export interface Actor {
  id: string;
  username: string;
  roles: Role[];
  agencyCode: string;
  unitCode: string | null;
  shelterId: string | null;
  sessionId: string;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
  /** The X-Request-Id the client sent, kept apart from the server's id (PRODUCT.md section 13). */
  clientRequestId?: string | null;
}
