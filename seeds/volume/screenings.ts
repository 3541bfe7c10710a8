import { evaluateScreening, INDICATOR_CATALOGS, ScreeningAnswer, ScreeningOutcome, ScreeningResult } from '@ruta/identification';

/** Which answers a screening gives, by the case's first form of exploitation. */
export type ScreeningFamily = 'sexual' | 'labour' | 'other';

export interface ScreeningVariant {
  key: string;
  outcome: ScreeningOutcome;
  isMinor: boolean;
  answers: ScreeningAnswer[];
  result: ScreeningResult;
}

const NO = ['dr_deceived_about_family_reunification', 'cr_violence_on_family', 'rv_relationship_with_authorities', 'dv_past_hardship'];

/** `yes` answers (and a few `unknown`) per outcome and family; the rest of the list is answered `no`. */
const ANSWERS: Record<ScreeningOutcome, Record<ScreeningFamily, { yes: string[]; unknown?: string[] }>> = {
  presumed_victim: {
    sexual: { yes: ['dr_deceived_nature_of_job', 'dr_deceived_about_wages', 'ex_forced_sexual_services', 'ex_earnings_taken_by_third_party',
      'cd_confiscation_of_documents', 'cd_isolation_confinement_or_surveillance'] },
    labour: { yes: ['dr_deceived_nature_of_job', 'dr_deceived_about_working_conditions', 'ex_excessive_hours', 'ex_low_or_no_pay',
      'cd_debt_bondage', 'cd_withholding_of_wages'], unknown: ['cd_violence_on_person'] },
    other: { yes: ['cr_threats_of_violence', 'cr_debt_bondage', 'cr_confiscation_of_documents', 'ex_made_to_beg', 'ex_low_or_no_pay',
      'cd_threats_of_violence', 'cd_violence_on_person'] },
  },
  possible_victim: {
    sexual: { yes: ['dr_deceived_about_wages', 'ex_forced_sexual_services'], unknown: ['cd_confiscation_of_documents'] },
    labour: { yes: ['rv_economic_reasons', 'ex_excessive_hours', 'ex_low_or_no_pay'], unknown: ['cd_debt_bondage'] },
    other: { yes: ['rv_irregular_status', 'ex_made_to_beg'] },
  },
  no_indicators: {
    sexual: { yes: ['dv_dependency_on_exploiters'] },
    labour: { yes: ['ex_no_access_to_education'] },
    other: { yes: [] },
  },
};

export function variantKey(outcome: string, isMinor: boolean, family: string): string {
  return `${outcome}:${isMinor ? 'minor' : 'adult'}:${family}`;
}

/**
 * The screenings the generated cases carry, each evaluated by the application's own engine on catalog v1.
 * A variant whose engine outcome is not the one it stands for stops the run: the catalog changed and this
 * list must follow it.
 */
export function screeningVariants(): ScreeningVariant[] {
  const catalog = INDICATOR_CATALOGS.v1;
  const variants: ScreeningVariant[] = [];
  for (const outcome of Object.keys(ANSWERS) as ScreeningOutcome[]) {
    for (const family of Object.keys(ANSWERS[outcome]) as ScreeningFamily[]) {
      for (const isMinor of [false, true]) {
        const { yes, unknown = [] } = ANSWERS[outcome][family];
        const answers: ScreeningAnswer[] = [
          ...yes.map((indicator) => ({ indicator, answer: 'yes' as const })),
          ...unknown.map((indicator) => ({ indicator, answer: 'unknown' as const })),
          ...NO.filter((i) => !yes.includes(i) && !unknown.includes(i)).map((indicator) => ({ indicator, answer: 'no' as const })),
        ];
        const result = evaluateScreening(catalog, { isMinor, answers });
        const key = variantKey(outcome, isMinor, family);
        if (result.outcome !== outcome) throw new Error(`screening variant ${key} evaluates to ${result.outcome}: update seeds/volume/screenings.ts`);
        variants.push({ key, outcome, isMinor, answers, result });
      }
    }
  }
  return variants;
}
