import { Addressee, reaches, reachesSql, workAddressee, workAddresseeColumns } from '@ruta/core';
import { caseViewer, CaseSituation } from '../case-policy';
import { addressedToViewer } from '../case-viewer';
import { expectedFor, FixtureStake, FixtureUser, SITUATIONS, UNIT_WORK, USERS } from './record-access.fixture';

/*
 * The TypeScript form of the addressing rule (libs/core/src/access/addressee.ts): the work each stake of the
 * record-access fixture stands for reaches exactly the users the fixture names, every user it reaches may
 * see the case, and a viewer is the addressee of a referral or check-in exactly when the work reaches them.
 */

const SHELTER_IDS = { casa_linda: 'shelter-casa-linda', alas_de_colibri: 'shelter-alas-de-colibri' } as const;

const actorOf = (u: FixtureUser) => ({ roles: u.roles, agencyCode: u.agencyCode, unitCode: u.unitCode, shelterId: u.shelter ? SHELTER_IDS[u.shelter] : null });
const addresseeOf = (k: FixtureStake): Addressee => ({ role: k.role, agency: k.agency ?? null, shelterId: k.shelter ? SHELTER_IDS[k.shelter] : null });
const reached = (a: Addressee) => USERS.filter((u) => reaches(a, actorOf(u))).map((u) => u.username).sort();

describe('who work is addressed to (PRODUCT.md sections 2 and 10), against the record-access fixture', () => {
  for (const s of SITUATIONS) {
    for (const k of s.stakes) {
      describe(`${s.name}: ${k.role} ${k.agency ?? k.shelter ?? ''}`, () => {
        it(`reaches ${k.reaches.join(', ')}, and no one else`, () => {
          expect(reached(addresseeOf(k))).toEqual([...k.reaches].sort());
        });

        it('reaches only users who may see the case', () => {
          for (const u of k.reaches) expect(expectedFor(s, u)).not.toBe(404);
        });

        if (k.role === 'service_focal_point' || k.role === 'shelter_staff') {
          it('is a referral or check-in addressed to exactly those of its viewers', () => {
            const situation: CaseSituation = {
              identifyingUnit: s.identifyingUnit, leadAgency: s.leadAgency, sentToReview: s.sentToReview,
              stakes: s.stakes.map((x) => ({ role: x.role, agency_code: x.agency ?? null, shelter_id: x.shelter ? SHELTER_IDS[x.shelter] : null })),
            };
            const work = workAddressee({ agency: k.agency, shelterId: k.shelter ? SHELTER_IDS[k.shelter] : null });
            expect(work).toEqual(k.shelter ? { role: 'shelter_staff', shelterId: SHELTER_IDS[k.shelter] } : { role: 'service_focal_point', agency: k.agency });
            const addressed = USERS.filter((u) => {
              const viewer = caseViewer(actorOf(u), situation);
              return viewer !== null && addressedToViewer(viewer, work);
            }).map((u) => u.username).sort();
            expect(addressed).toEqual(k.reaches.filter((u) => !USERS.find((x) => x.username === u)!.synthetic).sort());
          });
        }
      });
    }
  }

  for (const w of UNIT_WORK) {
    it(`work for the officers of ${w.unit} reaches ${w.reaches.join(', ')}`, () => {
      expect(reached({ role: 'immigration_officer', unit: w.unit })).toEqual([...w.reaches].sort());
    });
  }

  it('work that names neither an agency nor a shelter reaches no one', () => {
    expect(workAddressee({})).toBeNull();
    expect(USERS.some((u) => reaches(null, actorOf(u)))).toBe(false);
  });

  it('writes the referrals a focal point or a shelter\'s staff is addressed, as equalities the list indexes serve', () => {
    const params: unknown[] = [];
    const bind = (v: unknown) => { params.push(v); return `$${params.length}`; };
    expect(reachesSql({ roles: ['service_focal_point'], agencyCode: 'MSP', shelterId: null, unitCode: null }, workAddresseeColumns('r'), bind))
      .toBe('((r.shelter_id IS NULL AND r.agency_code = $1))');
    expect(reachesSql({ roles: ['shelter_staff'], agencyCode: 'MIES', shelterId: 's1', unitCode: null }, workAddresseeColumns('r'), bind))
      .toBe('((r.shelter_id IS NOT NULL AND r.shelter_id = $2::uuid))');
    expect(reachesSql({ roles: ['committee_member', 'admin'], agencyCode: 'MDI', shelterId: null, unitCode: null }, workAddresseeColumns('r'), bind)).toBe('FALSE');
    expect(params).toEqual(['MSP', 's1']);
  });
});
