import type { ApiBody } from '../../../lib/api/types';
import type { CameToAttention, DocumentType, ExploitationForm, IntakeBody, IntakeDraftBody, Sex } from '../api/intake.types';
import { todayInEcuador } from '../../../lib/i18n/format';

/** The intake form's state: the request of PRODUCT.md section 13 as the officer fills it in. */
export type AnswerValue = IntakeBody['screening']['answers'][number]['answer'];

export interface DocumentValues {
  type: DocumentType;
  number: string;
  issuingCountry: string;
}

export interface IntakeValues {
  victim: {
    givenNames: string;
    familyNames: string;
    sex: Sex | '';
    genderIdentity: string;
    ageKind: 'dateOfBirth' | 'estimatedAge';
    dateOfBirth: string;
    estimatedAge: number | string;
    nationality: string[];
    documents: DocumentValues[];
    languages: string[];
    contact: { phone: string; address: string };
  };
  identification: {
    date: string;
    province: string;
    canton: string;
    place: string;
    borderPoint: string;
    cameToAttention: CameToAttention;
    circumstances: string;
    exploitationForms: ExploitationForm[];
    locatedAbroad: boolean;
  };
  consent: {
    dataProcessing: boolean;
    referral: boolean;
    shareWith: string[];
    childView: string;
    guardian: { name: string; relationship: string };
  };
  /** indicator code -> answer; an indicator not listed is `unknown`. */
  answers: Record<string, AnswerValue>;
}

export const STEPS = ['victim', 'identification', 'consent', 'indicators', 'review'] as const;
export type StepName = (typeof STEPS)[number];

export function emptyIntake(defaults: { borderPoint?: string; province?: string } = {}): IntakeValues {
  return {
    victim: {
      givenNames: '', familyNames: '', sex: '', genderIdentity: '', ageKind: 'dateOfBirth', dateOfBirth: '', estimatedAge: '',
      nationality: [], documents: [], languages: [], contact: { phone: '', address: '' },
    },
    identification: {
      date: todayInEcuador(), province: defaults.province ?? '', canton: '', place: '', borderPoint: defaults.borderPoint ?? '',
      cameToAttention: 'border_control', circumstances: '', exploitationForms: [], locatedAbroad: false,
    },
    consent: { dataProcessing: false, referral: false, shareWith: [], childView: '', guardian: { name: '', relationship: '' } },
    answers: {},
  };
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Minor = under 18 on the identification date, from the date of birth or the estimated age (PRODUCT.md
 * section 4); null while neither says.
 */
export function isMinor(values: IntakeValues): boolean | null {
  const v = values.victim;
  if (v.ageKind === 'dateOfBirth') {
    const age = ageOn(v.dateOfBirth, values.identification.date || todayInEcuador());
    return age === null || age < 0 ? null : age < 18;
  }
  if (v.estimatedAge === '' || v.estimatedAge === null || v.estimatedAge === undefined) return null;
  const n = Number(v.estimatedAge);
  return Number.isFinite(n) ? n < 18 : null;
}

const text = (s: string) => (s.trim() === '' ? undefined : s);

export function answersList(values: IntakeValues, indicators: { code: string }[]): IntakeBody['screening']['answers'] {
  return indicators.map((i) => ({ indicator: i.code, answer: values.answers[i.code] ?? 'unknown' }));
}

/** The victim as far as known, for the duplicate check. */
export function victimRequest(values: IntakeValues): IntakeDraftBody['victim'] {
  const v = values.victim;
  const age = v.estimatedAge === '' ? undefined : Number(v.estimatedAge);
  return {
    givenNames: v.givenNames,
    familyNames: v.familyNames,
    sex: v.sex,
    ...(text(v.genderIdentity) ? { genderIdentity: v.genderIdentity } : {}),
    ...(v.ageKind === 'dateOfBirth' ? (text(v.dateOfBirth) ? { dateOfBirth: v.dateOfBirth } : {}) : age !== undefined ? { estimatedAge: age } : {}),
    nationality: v.nationality,
    documents: v.documents.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry })),
    languages: v.languages,
    ...(text(v.contact.phone) || text(v.contact.address)
      ? { contact: { ...(text(v.contact.phone) ? { phone: v.contact.phone } : {}), ...(text(v.contact.address) ? { address: v.contact.address } : {}) } }
      : {}),
  };
}

/** The intake request of PRODUCT.md section 13 (`POST /cases`). */
export function intakeRequest(values: IntakeValues, catalog: { version: string; indicators: { code: string }[] }, minor: boolean): IntakeDraftBody {
  const i = values.identification;
  const c = values.consent;
  return {
    victim: victimRequest(values),
    identification: {
      date: i.date,
      province: i.province,
      ...(text(i.canton) ? { canton: i.canton } : {}),
      ...(text(i.place) ? { place: i.place } : {}),
      ...(text(i.borderPoint) ? { borderPoint: i.borderPoint } : {}),
      cameToAttention: i.cameToAttention,
      circumstances: i.circumstances,
      exploitationForms: i.exploitationForms,
      locatedAbroad: i.locatedAbroad,
    },
    consent: {
      dataProcessing: c.dataProcessing,
      referral: c.referral,
      shareWith: c.shareWith,
      ...(minor && text(c.childView) ? { childView: c.childView } : {}),
      ...(minor && text(c.guardian.name) ? { guardian: { name: c.guardian.name, relationship: c.guardian.relationship } } : {}),
    },
    screening: { catalogVersion: catalog.version, answers: answersList(values, catalog.indicators) },
  };
}

/** Form fields that show an API error, by step; an error path is shown on the longest field it starts with. */
const FIELDS: Record<StepName, string[]> = {
  victim: [
    'victim.givenNames', 'victim.familyNames', 'victim.sex', 'victim.genderIdentity', 'victim.dateOfBirth', 'victim.estimatedAge',
    'victim.nationality', 'victim.documents', 'victim.languages', 'victim.contact.phone', 'victim.contact.address', 'victim',
  ],
  identification: [
    'identification.date', 'identification.province', 'identification.canton', 'identification.place', 'identification.borderPoint',
    'identification.cameToAttention', 'identification.circumstances', 'identification.exploitationForms', 'identification.locatedAbroad',
    'identification',
  ],
  consent: ['consent.dataProcessing', 'consent.referral', 'consent.shareWith', 'consent.childView', 'consent.guardian.name', 'consent.guardian.relationship', 'consent'],
  indicators: ['screening'],
  review: [],
};

/**
 * Where an API error path (`victim.documents[0].number`, `consent.shareWith[0]`) is shown: the form
 * field it names (documents keep their row), and the step that holds it.
 */
export function fieldOf(path: string): { field: string; step: number } | null {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1');
  const doc = /^victim\.documents\.(\d+)\.(type|number|issuingCountry)/.exec(dotted);
  if (doc) return { field: `victim.documents.${doc[1]}.${doc[2]}`, step: 0 };
  for (const [index, step] of STEPS.entries()) {
    const match = FIELDS[step]
      .filter((f) => dotted === f || dotted.startsWith(`${f}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (match) return { field: match, step: index };
  }
  return null;
}

/**
 * The part of the victim the duplicate check matches on (documents, names, date of birth), with only
 * what is filled in, so that a form still half-filled is checked rather than refused.
 */
export function duplicatesVictim(values: IntakeValues): ApiBody<'/api/v1/cases/duplicates-check', 'post'>['victim'] {
  const v = values.victim;
  const documents = v.documents.filter((d) => d.number.trim() !== '' && /^[A-Z]{3}$/.test(d.issuingCountry));
  return {
    ...(text(v.givenNames) ? { givenNames: v.givenNames } : {}),
    ...(text(v.familyNames) ? { familyNames: v.familyNames } : {}),
    ...(v.ageKind === 'dateOfBirth' && /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? { dateOfBirth: v.dateOfBirth } : {}),
    ...(documents.length > 0 ? { documents: documents.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry })) } : {}),
  };
}
