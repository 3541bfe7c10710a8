import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditInput } from './audit.types';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  occurred_us: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_roles: string[];
  actor_agency: string | null;
  action: string;
  outcome: string;
  subject_type: string | null;
  subject_id: string | null;
  case_id: string | null;
  request_id: string | null;
  client_address: string | null;
  changed_fields: string[];
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actor?: string;
  agency?: string;
  caseId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
  limit: number;
}

export const AUDIT_COLUMNS = `id::text AS id, occurred_at, (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_us,
  actor_id, actor_username, actor_roles, actor_agency, action, outcome, subject_type, subject_id, case_id,
  request_id, client_address, changed_fields, details`;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(manager: EntityManager | undefined, input: AuditInput): Promise<void> {
    const actor = input.actor ?? null;
    // The client's own X-Request-Id is not the request id; it is kept in the entry's details (hashed with
    // them, so the chain of earlier entries is untouched).
    const clientRequestId = input.meta?.clientRequestId;
    const details = clientRequestId ? { ...(input.details ?? {}), clientRequestId } : (input.details ?? {});
    await (manager ?? this.ds.manager).query(
      `INSERT INTO audit_entries (actor_id, actor_username, actor_roles, actor_agency, action, outcome, subject_type,
        subject_id, case_id, request_id, client_address, changed_fields, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [actor?.id ?? null, actor?.username ?? input.actorUsername ?? null, actor?.roles ?? [], actor?.agencyCode ?? null,
        input.action, input.outcome ?? 'success', input.subjectType ?? null, input.subjectId ?? null,
        input.caseId ?? null, input.meta?.requestId ?? null, input.meta?.clientAddress ?? null,
        input.changedFields ?? [], JSON.stringify(details)],
    );
  }

  async search(filter: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actor) add(/^[0-9a-f-]{36}$/.test(filter.actor) ? 'actor_id = ?::uuid' : 'actor_username = ?', filter.actor);
    if (filter.agency) add('actor_agency = ?', filter.agency);
    if (filter.caseId) add('case_id = ?::uuid', filter.caseId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.beforeId) add('id < ?::bigint', filter.beforeId);
    params.push(filter.limit + 1);
    return this.ds.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY audit_entries.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
