import { CASE_FIELD_MATRIX, CaseFieldMatrix, projectCase, visibleCaseKeys } from '../case-fields';
import { CaseViewer } from '../case-viewer';
import { FullCase } from '../full-case';

/*
 * The field matrix of PRODUCT.md section 2, tested cell by cell against an INDEPENDENT fixture:
 * the expected table below is written by hand from the spec's table and from the FullCase fixture,
 * never derived from CASE_FIELD_MATRIX.
 */

// ---------- the case fixture ----------

const NAMES = { given: 'Mariela Esperanza', family: 'Quishpe Tandazo' };
const DOCUMENT_NUMBER = 'PAS-0987654321';
const DATE_OF_BIRTH = '2007-04-17';
const PHONE = '+593991234567';
const ADDRESS = 'Calle Sin Nombre 123, Nueva Loja';
const CIRCUMSTANCES = 'Found locked in a back room of a bar, documents withheld by the owner';
const OFFICER_ID = 'user-officer-77';
const CONFIDENTIAL_A = 'Disclosed abuse by a relative (confidential, shelter A)';
const PLAIN_A = 'Attended the first group session';
const CONFIDENTIAL_B = 'Pregnancy test result (confidential, shelter B)';

const fixture = (): FullCase => ({
  id: 'case-1',
  caseNumber: 'RUTA-2026-000123',
  status: 'protection',
  traffickingStatus: 'recognized_victim',
  isMinor: false,
  leadAgency: { code: 'MIES', name: { es: 'Ministerio de Inclusión Económica y Social', en: 'Ministry of Economic and Social Inclusion' } },
  version: 7,
  victim: {
    givenNames: NAMES.given,
    familyNames: NAMES.family,
    sex: 'female',
    genderIdentity: null,
    dateOfBirth: DATE_OF_BIRTH,
    estimatedAge: null,
    nationality: ['CO', 'VE'],
    documents: [{ type: 'passport', number: DOCUMENT_NUMBER, issuingCountry: 'CO' }],
    languages: ['es'],
    contact: { phone: PHONE, address: ADDRESS },
    accompanyingChildren: { count: 1, ages: [3] },
  },
  ageGroup: '18-29',
  identification: {
    date: '2026-01-10',
    province: 'Sucumbíos',
    canton: 'Lago Agrio',
    place: 'Bar El Dorado',
    borderPoint: 'San Miguel',
    identifyingAgency: { code: 'MDI', name: { es: 'MDI', en: 'MDI' } },
    unit: 'unit-san-miguel',
    officerId: OFFICER_ID,
    cameToAttention: 'border_control',
    circumstances: CIRCUMSTANCES,
    exploitationForms: ['sexual_exploitation'],
    locatedAbroad: false,
  },
  consent: {
    dataProcessing: true,
    referral: true,
    shareWith: ['MIES', 'MSP'],
    withdrawn: false,
    recordedBy: 'user-committee-3',
    recordedAt: '2026-01-10T15:00:00Z',
    childView: null,
    guardian: null,
  },
  screening: {
    outcome: 'strong_indicators',
    catalogVersion: 'v1',
    childRule: false,
    childProtectionImmediate: false,
    dimensions: [{ dimension: 'act', met: true }],
    performedAt: '2026-01-10T14:00:00Z',
  },
  reviews: [
    {
      id: 'review-1',
      status: 'decided',
      decision: 'recognized',
      rationale: 'Strong indicators on act, means and purpose',
      members: ['user-committee-3', 'user-committee-4'],
      leadAgency: { code: 'MIES', name: { es: 'MIES', en: 'MIES' } },
      decidedAt: '2026-01-12T10:00:00Z',
    },
  ],
  referrals: [
    {
      id: 'ref-health',
      serviceType: 'health',
      caseId: 'case-1',
      shelterId: null,
      agency: { code: 'MSP', name: { es: 'MSP', en: 'MSP' } },
      status: 'accepted',
      reason: 'Medical check-up',
      parentReferralId: null,
      placementId: null,
    },
    {
      id: 'ref-education',
      serviceType: 'education',
      caseId: 'case-1',
      shelterId: null,
      agency: { code: 'MINEDUC', name: { es: 'MINEDUC', en: 'MINEDUC' } },
      status: 'pending',
      reason: 'School enrolment for the child',
      parentReferralId: null,
      placementId: null,
    },
    {
      id: 'ref-shelter',
      serviceType: 'shelter',
      caseId: 'case-1',
      shelterId: 'shelter-A',
      agency: { code: 'MIES', name: { es: 'MIES', en: 'MIES' } },
      status: 'accepted',
      reason: 'Safe accommodation',
      parentReferralId: null,
      placementId: 'placement-1',
    },
  ],
  carePlan: {
    shelterId: 'shelter-A',
    version: 2,
    goals: [{ area: 'health', description: 'Complete medical treatment', targetDate: '2026-03-01', status: 'in_progress' }],
    notes: [
      { id: 'note-conf-a', area: 'psychological', text: CONFIDENTIAL_A, confidential: true, shelterId: 'shelter-A', authorId: 'user-shelter-a', createdAt: '2026-01-20T09:00:00Z' },
      { id: 'note-plain-a', area: 'social', text: PLAIN_A, confidential: false, shelterId: 'shelter-A', authorId: 'user-shelter-a', createdAt: '2026-01-21T09:00:00Z' },
      { id: 'note-conf-b', area: 'health', text: CONFIDENTIAL_B, confidential: true, shelterId: 'shelter-B', authorId: 'user-shelter-b', createdAt: '2026-01-05T09:00:00Z' },
    ],
  },
  visa: {
    id: 'visa-1',
    caseId: 'case-1',
    status: 'issued',
    requestedAt: '2026-01-13T10:00:00Z',
    decidedAt: '2026-02-01T10:00:00Z',
    visaNumber: 'V104-000045',
    issuedOn: '2026-02-02',
    expiresOn: '2028-02-02',
    reason: 'Recognized victim, article 104',
    fee: { amount: 0, waived: true },
  },
  followUp: {
    startDate: '2026-02-15',
    checkins: [
      { id: 'chk-msp', agency: 'MSP', dueDate: '2026-03-15', status: 'done', outcome: 'stable', notes: 'Health stable', newNeeds: 'Dental care', recordedAt: '2026-03-14T10:00:00Z' },
      { id: 'chk-mies', agency: 'MIES', dueDate: '2026-03-15', status: 'pending', outcome: null, notes: null, newNeeds: null, recordedAt: null },
    ],
  },
});

// ---------- viewers (focal point split into lead / not lead; shelter staff into own / other shelter) ----------

const VIEWERS = {
  officer: { kind: 'officer' },
  committee: { kind: 'committee' },
  focalLead: { kind: 'focal_point', agency: 'MIES', lead: true },
  focalOther: { kind: 'focal_point', agency: 'MSP', lead: false },
  shelterOwn: { kind: 'shelter_staff', shelterId: 'shelter-A' },
  shelterOther: { kind: 'shelter_staff', shelterId: 'shelter-B' },
  visaOfficer: { kind: 'visa_officer' },
  auditor: { kind: 'auditor' },
} as const satisfies Record<string, CaseViewer>;
type Column = keyof typeof VIEWERS;
const COLUMNS = Object.keys(VIEWERS) as Column[];

// ---------- the expected table, copied by hand from PRODUCT.md section 2 ----------

const ABSENT = Symbol('absent');
type Cell = typeof ABSENT | unknown;
type Row = Record<Column, Cell>;

const f = fixture();
const same = (value: unknown): Row => ({
  officer: value, committee: value, focalLead: value, focalOther: value,
  shelterOwn: value, shelterOther: value, visaOfficer: value, auditor: value,
});

const allReferrals = f.referrals;
const allNotes = f.carePlan!.notes;
const goals = [{ area: 'health', description: 'Complete medical treatment', targetDate: '2026-03-01', status: 'in_progress' }];

const EXPECTED: Record<string, Row> = {
  // `id`, `caseNumber`, `status`, `traffickingStatus`, `isMinor`, `leadAgency`, `version`: yes everywhere
  id: same('case-1'),
  caseNumber: same('RUTA-2026-000123'),
  status: same('protection'),
  traffickingStatus: same('recognized_victim'),
  isMinor: same(false),
  leadAgency: same({ code: 'MIES', name: { es: 'Ministerio de Inclusión Económica y Social', en: 'Ministry of Economic and Social Inclusion' } }),
  version: same(7),
  // victim: yes | yes | yes | yes | names, documents, nationality only | only sex, ageGroup, nationality
  victim: {
    officer: f.victim, committee: f.victim, focalLead: f.victim, focalOther: f.victim, shelterOwn: f.victim, shelterOther: f.victim,
    visaOfficer: {
      givenNames: 'Mariela Esperanza',
      familyNames: 'Quishpe Tandazo',
      documents: [{ type: 'passport', number: 'PAS-0987654321', issuingCountry: 'CO' }],
      nationality: ['CO', 'VE'],
    },
    auditor: { sex: 'female', ageGroup: '18-29', nationality: ['CO', 'VE'] },
  },
  // identification: yes | yes | yes | yes | — | yes, without circumstances (and without the officer's id)
  identification: {
    officer: f.identification, committee: f.identification, focalLead: f.identification, focalOther: f.identification,
    shelterOwn: f.identification, shelterOther: f.identification,
    visaOfficer: ABSENT,
    auditor: {
      date: '2026-01-10', province: 'Sucumbíos', canton: 'Lago Agrio', place: 'Bar El Dorado', borderPoint: 'San Miguel',
      identifyingAgency: { code: 'MDI', name: { es: 'MDI', en: 'MDI' } }, unit: 'unit-san-miguel', cameToAttention: 'border_control',
      exploitationForms: ['sexual_exploitation'], locatedAbroad: false,
    },
  },
  // consent: yes | yes | yes | yes | — | yes
  consent: {
    ...same(f.consent), visaOfficer: ABSENT,
    auditor: { dataProcessing: true, referral: true, shareWith: ['MIES', 'MSP'], withdrawn: false, recordedAt: '2026-01-10T15:00:00Z' },
  },
  // screening: yes | yes | — | — | — | outcome only
  screening: {
    officer: f.screening, committee: f.screening, focalLead: ABSENT, focalOther: ABSENT, shelterOwn: ABSENT, shelterOther: ABSENT,
    visaOfficer: ABSENT, auditor: { outcome: 'strong_indicators' },
  },
  // reviews: — | yes | decision and lead agency only | decision only | — | decisions only
  reviews: {
    officer: ABSENT, committee: f.reviews,
    focalLead: [{ decision: 'recognized', leadAgency: { code: 'MIES', name: { es: 'MIES', en: 'MIES' } } }],
    focalOther: [{ decision: 'recognized', leadAgency: { code: 'MIES', name: { es: 'MIES', en: 'MIES' } } }],
    shelterOwn: [{ decision: 'recognized' }], shelterOther: [{ decision: 'recognized' }],
    visaOfficer: ABSENT, auditor: [{ decision: 'recognized' }],
  },
  // referrals: — | yes | their agency's + lead sees all | their shelter's | — | types and statuses
  referrals: {
    officer: ABSENT, committee: allReferrals,
    focalLead: allReferrals,
    focalOther: [allReferrals[0]], // MSP's health referral only
    shelterOwn: [allReferrals[2]], // the referral to shelter A only
    shelterOther: [],
    visaOfficer: ABSENT,
    auditor: [
      { serviceType: 'health', status: 'accepted' },
      { serviceType: 'education', status: 'pending' },
      { serviceType: 'shelter', status: 'accepted' },
    ],
  },
  // carePlan: — | goals only | goals; notes if lead | yes (own shelter) | — | —
  carePlan: {
    officer: ABSENT, committee: { goals },
    focalLead: { goals, notes: allNotes }, // the lead agency sees confidential notes too
    focalOther: { goals },
    shelterOwn: { shelterId: 'shelter-A', version: 2, goals, notes: [allNotes[0], allNotes[1]] }, // not shelter B's confidential note
    shelterOther: null, // the plan belongs to shelter A
    visaOfficer: ABSENT, auditor: ABSENT,
  },
  // visa: — | yes | lead only | — | yes | status and dates
  visa: {
    officer: ABSENT, committee: f.visa, focalLead: f.visa, focalOther: ABSENT, shelterOwn: ABSENT, shelterOther: ABSENT,
    visaOfficer: f.visa,
    auditor: { status: 'issued', requestedAt: '2026-01-13T10:00:00Z', decidedAt: '2026-02-01T10:00:00Z', issuedOn: '2026-02-02', expiresOn: '2028-02-02' },
  },
  // followUp: — | yes | their check-ins; lead sees all | — | — | statuses and dates
  followUp: {
    officer: ABSENT, committee: f.followUp, focalLead: f.followUp,
    focalOther: { startDate: '2026-02-15', checkins: [f.followUp!.checkins[0]] }, // MSP's check-in only
    shelterOwn: ABSENT, shelterOther: ABSENT, visaOfficer: ABSENT,
    auditor: {
      startDate: '2026-02-15',
      checkins: [
        { dueDate: '2026-03-15', status: 'done', recordedAt: '2026-03-14T10:00:00Z' },
        { dueDate: '2026-03-15', status: 'pending', recordedAt: null },
      ],
    },
  },
};
const KEYS = Object.keys(EXPECTED);

const keysFor = (column: Column) => KEYS.filter((key) => EXPECTED[key][column] !== ABSENT);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// ---------- one test per cell ----------

describe('case field matrix (PRODUCT.md section 2), cell by cell', () => {
  const full = deepFreeze(fixture());

  describe.each(COLUMNS)('viewer %s', (column) => {
    const out = projectCase(full, VIEWERS[column]);

    it.each(KEYS)('%s', (key) => {
      const expected = EXPECTED[key][column];
      if (expected === ABSENT) {
        expect(Object.keys(out)).not.toContain(key);
        expect(Object.prototype.hasOwnProperty.call(out, key)).toBe(false);
      } else {
        expect(Object.keys(out)).toContain(key);
        expect(out[key]).toStrictEqual(expected);
      }
    });
  });
});

// ---------- whole-output properties ----------

describe('case field matrix, whole output', () => {
  const full = deepFreeze(fixture());

  it.each(COLUMNS)('%s receives exactly the keys of the table, in order, and visibleCaseKeys agrees', (column) => {
    expect(Object.keys(projectCase(full, VIEWERS[column]))).toEqual(keysFor(column));
    expect(visibleCaseKeys(VIEWERS[column])).toEqual(keysFor(column));
  });

  it('the auditor never receives names, documents, date of birth, contact, circumstances or the officer, anywhere', () => {
    const json = JSON.stringify(projectCase(full, VIEWERS.auditor));
    for (const secret of [NAMES.given, NAMES.family, 'Mariela', 'Quishpe', DOCUMENT_NUMBER, DATE_OF_BIRTH, PHONE, ADDRESS, CIRCUMSTANCES, OFFICER_ID]) {
      expect(json).not.toContain(secret);
    }
    for (const field of ['givenNames', 'familyNames', 'documents', 'dateOfBirth', 'contact', 'circumstances', 'officerId', 'estimatedAge']) {
      expect(json).not.toContain(`"${field}"`);
    }
  });

  it('the visa officer receives no identification, consent, screening, care or follow-up content', () => {
    const json = JSON.stringify(projectCase(full, VIEWERS.visaOfficer));
    for (const secret of [CIRCUMSTANCES, DATE_OF_BIRTH, PHONE, ADDRESS, CONFIDENTIAL_A, PLAIN_A, 'Health stable', 'Dental care']) {
      expect(json).not.toContain(secret);
    }
  });

  it('only the auditor receives ageGroup (inside victim), never at the top level', () => {
    for (const column of COLUMNS) {
      const out = projectCase(full, VIEWERS[column]);
      expect(Object.keys(out)).not.toContain('ageGroup');
      expect(JSON.stringify(out).includes('"ageGroup"')).toBe(column === 'auditor');
    }
  });

  it.each(['committee', 'focalOther', 'auditor', 'shelterOther', 'officer', 'visaOfficer'] as const)(
    'confidential note text never reaches %s',
    (column) => {
      const json = JSON.stringify(projectCase(full, VIEWERS[column]));
      expect(json).not.toContain(CONFIDENTIAL_A);
      expect(json).not.toContain(CONFIDENTIAL_B);
    },
  );

  it('shelter staff see their own confidential note but not another shelter\'s; the lead agency sees both', () => {
    const own = JSON.stringify(projectCase(full, VIEWERS.shelterOwn));
    expect(own).toContain(CONFIDENTIAL_A);
    expect(own).toContain(PLAIN_A);
    expect(own).not.toContain(CONFIDENTIAL_B);
    const lead = JSON.stringify(projectCase(full, VIEWERS.focalLead));
    expect(lead).toContain(CONFIDENTIAL_A);
    expect(lead).toContain(CONFIDENTIAL_B);
  });

  it('a non-lead focal point sees neither other agencies\' referrals nor their check-ins', () => {
    const json = JSON.stringify(projectCase(full, VIEWERS.focalOther));
    expect(json).not.toContain('ref-education');
    expect(json).not.toContain('ref-shelter');
    expect(json).not.toContain('chk-mies');
  });
});

// ---------- purity ----------

describe('case field matrix, purity', () => {
  it('never mutates the input and never shares objects with it', () => {
    const full = deepFreeze(fixture()); // a write through a shared reference would throw
    const before = structuredClone(full);
    for (const column of COLUMNS) {
      const out = projectCase(full, VIEWERS[column]);
      const scribble = (value: unknown): void => {
        if (Array.isArray(value)) {
          value.forEach(scribble);
          value.push('scribbled');
        } else if (value !== null && typeof value === 'object') {
          for (const child of Object.values(value)) scribble(child);
          (value as Record<string, unknown>).scribbled = true;
        }
      };
      expect(() => scribble(out)).not.toThrow();
    }
    expect(full).toStrictEqual(before);
  });

  it('returns a new object each time', () => {
    const full = fixture();
    const a = projectCase(full, VIEWERS.committee);
    const b = projectCase(full, VIEWERS.committee);
    expect(a).not.toBe(b);
    expect(a.victim).not.toBe(full.victim);
    expect(a).toStrictEqual(b);
  });
});

// ---------- null sections, edge cases ----------

describe('case field matrix, null sections and edge cases', () => {
  const empty: FullCase = deepFreeze({ ...fixture(), screening: null, carePlan: null, visa: null, followUp: null, ageGroup: null, reviews: [], referrals: [] });

  it.each(COLUMNS)('%s: a null section stays null where the key is visible, and stays absent where it is not', (column) => {
    const out = projectCase(empty, VIEWERS[column]);
    for (const key of ['screening', 'carePlan', 'visa', 'followUp']) {
      if (EXPECTED[key][column] === ABSENT) expect(Object.keys(out)).not.toContain(key);
      else expect(out[key]).toBeNull();
    }
    for (const key of ['reviews', 'referrals']) {
      if (EXPECTED[key][column] !== ABSENT) expect(out[key]).toEqual([]);
    }
  });

  it('the auditor\'s ageGroup is null when unknown', () => {
    expect(projectCase(empty, VIEWERS.auditor).victim).toStrictEqual({ sex: 'female', ageGroup: null, nationality: ['CO', 'VE'] });
  });

  it('shelter staff get null for a care plan that belongs to no shelter', () => {
    const noShelter = { ...fixture(), carePlan: { ...fixture().carePlan!, shelterId: null } };
    expect(projectCase(noShelter, VIEWERS.shelterOwn).carePlan).toBeNull();
  });

  it('a focal point whose lead flag is not literally true is treated as not lead', () => {
    const sloppy = { kind: 'focal_point', agency: 'MSP', lead: 'yes' } as unknown as CaseViewer;
    expect(Object.keys(projectCase(fixture(), sloppy))).toEqual(keysFor('focalOther'));
  });

  it.each(['admin', 'toString', 'constructor', '__proto__', ''])('refuses an unknown viewer kind %p (deny by default)', (kind) => {
    const viewer = { kind } as unknown as CaseViewer;
    expect(() => projectCase(fixture(), viewer)).toThrow(TypeError);
    expect(() => visibleCaseKeys(viewer)).toThrow(TypeError);
  });

  it('refuses a missing viewer', () => {
    expect(() => projectCase(fixture(), undefined as unknown as CaseViewer)).toThrow(TypeError);
  });
});

// ---------- the matrix's type ----------

describe('case field matrix, type', () => {
  it('a missing cell or a lead split outside focal points does not compile', () => {
    const { auditor: _dropped, ...visaWithoutAuditor } = CASE_FIELD_MATRIX.visa;
    // @ts-expect-error the visa row lacks the auditor cell
    const missingCell: CaseFieldMatrix = { ...CASE_FIELD_MATRIX, visa: visaWithoutAuditor };
    // @ts-expect-error only focal points have a lead / not-lead split
    const leadSplit: CaseFieldMatrix = { ...CASE_FIELD_MATRIX, visa: { ...CASE_FIELD_MATRIX.visa, auditor: { lead: 'all', notLead: 'none' } } };
    expect(missingCell).toBeDefined();
    expect(leadSplit).toBeDefined();
  });
});
