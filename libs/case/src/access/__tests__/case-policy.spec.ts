import { caseViewer, CaseSituation, visibleCasesSql } from '../case-policy';
import { CaseViewer } from '../case-viewer';
import { expectedFor, Expected, SITUATIONS, USERS } from './record-access.fixture';

/* The TypeScript form of the record-level rule, every user against every situation of the fixture. */

const SHELTER_IDS = { casa_linda: 'shelter-casa-linda', alas_de_colibri: 'shelter-alas-de-colibri' } as const;

function asExpected(viewer: CaseViewer | null): Expected | 404 {
  if (!viewer) return 404;
  if (viewer.kind === 'focal_point') return viewer.lead ? 'focal_point:lead' : 'focal_point';
  return viewer.kind;
}

describe('record-level access policy (PRODUCT.md section 2)', () => {
  for (const s of SITUATIONS) {
    const situation: CaseSituation = {
      identifyingUnit: s.identifyingUnit, leadAgency: s.leadAgency, sentToReview: s.sentToReview,
      stakes: s.stakes.map((k) => ({ role: k.role, agency_code: k.agency ?? null, shelter_id: k.shelter ? SHELTER_IDS[k.shelter] : null })),
    };
    describe(s.name, () => {
      for (const u of USERS) {
        it(`${u.username}: ${expectedFor(s, u.username)}`, () => {
          const actor = { roles: u.roles, agencyCode: u.agencyCode, unitCode: u.unitCode, shelterId: u.shelter ? SHELTER_IDS[u.shelter] : null };
          expect(asExpected(caseViewer(actor, situation))).toBe(expectedFor(s, u.username));
        });
      }
    });
  }

  it('gives the focal point the agency it acts for, and the shelter staff their shelter', () => {
    const c: CaseSituation = { identifyingUnit: null, leadAgency: 'MSP', sentToReview: true, stakes: [{ role: 'shelter_staff', agency_code: null, shelter_id: 'x' }] };
    expect(caseViewer({ roles: ['service_focal_point'], agencyCode: 'MSP', unitCode: null, shelterId: null }, c)).toEqual({ kind: 'focal_point', agency: 'MSP', lead: true });
    expect(caseViewer({ roles: ['shelter_staff'], agencyCode: 'MIES', unitCode: null, shelterId: 'x' }, c)).toEqual({ kind: 'shelter_staff', shelterId: 'x' });
  });

  it('writes one SQL branch per role, each naming its role', () => {
    const sql = visibleCasesSql('c', { roles: '$1', unit: '$2', agency: '$3', shelter: '$4' });
    for (const role of ['committee_member', 'immigration_officer', 'service_focal_point', 'shelter_staff', 'visa_officer', 'auditor']) {
      expect(sql).toContain(`'${role}' = ANY($1)`);
    }
    expect(sql).not.toContain('admin');
  });
});
