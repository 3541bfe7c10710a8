import type { AuditRow } from '../audit.repository';
import { canonicalJson, chainHash, sameHash } from '../chain/audit-chain';

const row: AuditRow = {
  id: '7', occurred_at: new Date('2026-11-24T10:00:00Z'), occurred_us: '1795514400000000', actor_id: null,
  actor_username: 'admin', actor_roles: ['admin'], actor_agency: 'MDI', action: 'auth.login', outcome: 'success',
  subject_type: 'session', subject_id: 's', case_id: null, request_id: 'r', client_address: '127.0.0.1',
  changed_fields: [], details: { b: 1, a: { d: 2, c: 3 } },
};

describe('audit chain', () => {
  it('serializes objects with sorted keys, so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 1, x: null }] })).toBe('{"a":[{"x":null,"y":1}],"b":1}');
    expect(chainHash('k', 1, '', row)).toBe(chainHash('k', 1, '', { ...row, details: { a: { c: 3, d: 2 }, b: 1 } }));
  });

  it('changes the link when any column, the position, the previous link or the key changes', () => {
    const base = chainHash('k', 1, '', row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      chainHash('k', 2, '', row), chainHash('k', 1, 'x', row), chainHash('other', 1, '', row),
      chainHash('k', 1, '', { ...row, action: 'auth.logout' }), chainHash('k', 1, '', { ...row, client_address: '10.0.0.1' }),
      chainHash('k', 1, '', { ...row, changed_fields: ['x'] }), chainHash('k', 1, '', { ...row, occurred_us: '1795514400000001' }),
    ];
    for (const v of variants) expect(v).not.toBe(base);
  });

  it('compares hashes in constant time and rejects different lengths', () => {
    expect(sameHash('abc', 'abc')).toBe(true);
    expect(sameHash('abc', 'abd')).toBe(false);
    expect(sameHash('abc', 'abcd')).toBe(false);
  });
});
