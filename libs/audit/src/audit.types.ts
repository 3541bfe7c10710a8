import { Actor, RequestMeta } from '@ruta/core';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One audit entry (PRODUCT.md section 11): names of changed fields, never values of personal data. */
export interface AuditInput {
  actor?: Actor | null;
  /** For events without a signed-in actor (a failed login): the username tried. */
  actorUsername?: string | null;
  action: string;
  outcome?: AuditOutcome;
  subjectType?: string | null;
  subjectId?: string | null;
  caseId?: string | null;
  meta?: RequestMeta | null;
  changedFields?: string[];
  details?: Record<string, unknown>;
}
