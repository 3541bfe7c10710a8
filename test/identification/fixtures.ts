/** Intake bodies as a client would send them (PRODUCT.md section 13, "Intake request"). */
export const PRESUMED_ADULT_ANSWERS = [
  { indicator: 'dr_deceived_nature_of_job', answer: 'yes' },
  { indicator: 'dr_deceived_about_wages', answer: 'yes' },
  { indicator: 'ex_excessive_hours', answer: 'yes' },
  { indicator: 'ex_forced_sexual_services', answer: 'yes', note: 'relato de la víctima' },
  { indicator: 'cd_confiscation_of_documents', answer: 'yes' },
  { indicator: 'cd_violence_on_person', answer: 'yes' },
];

export const CHILD_ANSWERS = [
  { indicator: 'dr_deceived_nature_of_job', answer: 'yes' },
  { indicator: 'dr_deceived_about_wages', answer: 'yes' },
  { indicator: 'ex_forced_sexual_services', answer: 'yes' },
  { indicator: 'ex_low_or_no_pay', answer: 'yes' },
];

export const POSSIBLE_ANSWERS = [
  { indicator: 'dr_deceived_nature_of_job', answer: 'yes' },
  { indicator: 'ex_low_or_no_pay', answer: 'unknown' },
];

let counter = 0;
// Unique per test file and run, so that no two suites' victims match by names and date of birth.
const RUN = Math.random().toString(36).slice(2, 8);

export function intake(overrides: {
  givenNames?: string; familyNames?: string; dateOfBirth?: string; estimatedAge?: number; document?: string; sex?: string;
  answers?: unknown[]; locatedAbroad?: boolean; nationality?: string[]; consentReferral?: boolean; identificationDate?: string;
} = {}) {
  counter += 1;
  return {
    victim: {
      givenNames: overrides.givenNames ?? `María José ${RUN}${counter}`,
      familyNames: overrides.familyNames ?? 'Pérez Quiñónez',
      sex: overrides.sex ?? 'female',
      ...(overrides.estimatedAge !== undefined ? { estimatedAge: overrides.estimatedAge } : { dateOfBirth: overrides.dateOfBirth ?? '1998-03-14' }),
      nationality: overrides.nationality ?? ['VEN'],
      documents: [{ type: 'passport', number: overrides.document ?? `V-${Date.now()}-${counter}`, issuingCountry: 'VEN' }],
      languages: ['spa'],
      contact: { phone: '+593 99 123 4567' },
    },
    identification: {
      date: overrides.identificationDate ?? '2026-11-20',
      province: '04',
      canton: 'Tulcán',
      borderPoint: 'rumichaca',
      cameToAttention: 'border_control',
      circumstances: 'Viajaba con un hombre que retenía su pasaporte; relata oferta de trabajo engañosa.',
      exploitationForms: ['sexual_exploitation'],
      locatedAbroad: overrides.locatedAbroad ?? false,
    },
    consent: { dataProcessing: true, referral: overrides.consentReferral ?? true, shareWith: ['MIES'] },
    screening: { catalogVersion: 'v1', answers: overrides.answers ?? PRESUMED_ADULT_ANSWERS },
  };
}
