import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditRow } from '../audit.repository';

/** JSON with object keys sorted, so that the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The link of the tamper-evident chain: HMAC-SHA256 over the previous link, the chain position and every
 * stored column of the entry. Changing, removing or reordering any sealed entry breaks every later link,
 * and without the key (held outside the database) no one can forge new ones.
 */
export function chainHash(key: string, seq: number, previousHash: string, row: AuditRow): string {
  const material = canonicalJson([
    seq, previousHash, row.id, row.occurred_us, row.actor_id, row.actor_username, row.actor_roles, row.actor_agency,
    row.action, row.outcome, row.subject_type, row.subject_id, row.case_id, row.request_id, row.client_address,
    row.changed_fields, row.details,
  ]);
  return createHmac('sha256', key).update(material).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
