import { Injectable } from '@nestjs/common';
import { Actor, decodeCursor, DEFAULT_LIMIT, Page, pageOf, RequestMeta } from '@ruta/core';
import { AuditRepository, AuditRow } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditVerifier, VerifyResult } from './chain/audit-verifier.service';
import { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditView {
  id: string;
  occurredAt: string;
  actor: { id: string | null; username: string | null; roles: string[]; agency: string | null };
  action: string;
  outcome: string;
  subject: { type: string | null; id: string | null; caseId: string | null };
  requestId: string | null;
  clientAddress: string | null;
  changedFields: string[];
  details: Record<string, unknown>;
}

function toView(row: AuditRow): AuditView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { id: row.actor_id, username: row.actor_username, roles: row.actor_roles, agency: row.actor_agency },
    action: row.action,
    outcome: row.outcome,
    subject: { type: row.subject_type, id: row.subject_id, caseId: row.case_id },
    requestId: row.request_id,
    clientAddress: row.client_address,
    changedFields: row.changed_fields,
    details: row.details,
  };
}

/** What auditors read; reading the log is itself audited. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly verifier: AuditVerifier,
    private readonly audit: AuditService,
  ) {}

  async list(query: AuditQueryDto, actor: Actor, meta: RequestMeta): Promise<Page<AuditView>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = decodeCursor(query.cursor, 1);
    const rows = await this.repository.search({
      actor: query.actor,
      agency: query.agency,
      caseId: query.caseId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: cursor ? String(cursor[0]) : undefined,
      limit,
    });
    await this.audit.recordAlone({ actor, meta, action: 'audit.read', subjectType: 'audit_log', details: { returned: Math.min(rows.length, limit) } });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  async verify(actor: Actor, meta: RequestMeta): Promise<VerifyResult> {
    const result = await this.verifier.verify();
    await this.audit.recordAlone({
      actor, meta, action: 'audit.verify', subjectType: 'audit_log',
      details: { valid: result.valid, checked: result.checked, firstBrokenAt: result.firstBrokenAt ?? null },
    });
    return result;
  }
}
