import { CASE_VIEWER_KINDS, CaseViewer } from '../case-viewer';
import { actorAgencyVisible, timelineEntryVisible } from '../timeline-policy';

const viewers: CaseViewer[] = CASE_VIEWER_KINDS.map((kind) => {
  if (kind === 'focal_point') return { kind, agency: 'MIES', lead: true };
  if (kind === 'shelter_staff') return { kind, shelterId: 's1' };
  return { kind } as CaseViewer;
});

describe('timeline under the access policy', () => {
  it('hides an action no part claims from every viewer, the committee and the lead included', () => {
    for (const viewer of viewers) expect(timelineEntryVisible(viewer, { action: 'something_new', details: {} })).toBe(false);
  });

  it('shows status steps to every viewer of the case', () => {
    for (const viewer of viewers) expect(timelineEntryVisible(viewer, { action: 'open_review', details: {} })).toBe(true);
  });

  it('shows the agency of a shelter\'s staff only to the committee, the lead agency and that shelter', () => {
    const entry = { actor_roles: ['shelter_staff'], details: { shelterId: 's1' } };
    const shown = viewers.filter((v) => actorAgencyVisible(v, entry)).map((v) => v.kind);
    expect(shown.sort()).toEqual(['committee', 'focal_point', 'shelter_staff']);
    expect(actorAgencyVisible({ kind: 'shelter_staff', shelterId: 's2' }, entry)).toBe(false);
    expect(actorAgencyVisible({ kind: 'focal_point', agency: 'MSP', lead: false }, entry)).toBe(false);
    expect(actorAgencyVisible({ kind: 'officer' }, { actor_roles: ['committee_member'], details: {} })).toBe(true);
  });
});
