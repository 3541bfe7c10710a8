import { EXPLOITATION_FORMS } from '@ruta/directory';
import { INDICATOR_CATALOG_V1, INDICATOR_CATALOGS, LATEST_CATALOG_VERSION } from '../indicator-catalog.v1';
import { evaluateScreening } from '../screening.engine';
import { ScreeningInputError } from '../screening-input.error';
import {
  Answer,
  DIMENSIONS,
  Dimension,
  DimensionThreshold,
  Indicator,
  IndicatorCatalog,
  ScreeningInput,
  SCREENING_OUTCOMES,
  ScreeningResult,
  Strength,
  STRENGTHS,
} from '../screening.types';

// ---------- helpers ----------

const answers = (answer: Answer, ...codes: string[]) => codes.map((indicator) => ({ indicator, answer }));
const yes = (...codes: string[]) => answers('yes', ...codes);
const no = (...codes: string[]) => answers('no', ...codes);
const unknown = (...codes: string[]) => answers('unknown', ...codes);

const adult = (...list: ScreeningInput['answers'][]) => evaluateScreening(INDICATOR_CATALOG_V1, { isMinor: false, answers: list.flat() });
const child = (...list: ScreeningInput['answers'][]) => evaluateScreening(INDICATOR_CATALOG_V1, { isMinor: true, answers: list.flat() });

const dim = (result: ScreeningResult, dimension: Dimension) => {
  const found = result.dimensions.find((d) => d.dimension === dimension);
  if (!found) throw new Error(`dimension ${dimension} missing`);
  return found;
};

/** The result without the reason texts, which have their own tests. */
const withoutReasons = (result: ScreeningResult) => ({
  ...result,
  dimensions: result.dimensions.map(({ reason: _reason, ...rest }) => rest),
});

/** A dimension with nothing answered yes or unknown, as a literal. */
const emptyDim = (dimension: Dimension) => ({ dimension, positive: false, counted: [], unknown: [], couldBePositive: false });

/** A small catalog for rules the v1 data cannot reach (many weak indicators in one dimension, other thresholds). */
function testCatalog(overrides: { thresholds?: DimensionThreshold[]; adultRule?: Dimension[][]; indicators?: Indicator[] } = {}): IndicatorCatalog {
  const weak = (n: number): Indicator => ({
    code: `cr_weak_${n}`, dimension: 'coercive_recruitment', strength: { adult: 'weak', child: 'weak' },
    exploitationForms: ['other'], label: { es: `Débil ${n}`, en: `Weak ${n}` },
  });
  const of = (code: string, strength: Strength): Indicator => ({
    code, dimension: 'coercive_recruitment', strength: { adult: strength, child: strength },
    exploitationForms: ['other'], label: { es: code, en: code },
  });
  return {
    version: 'test',
    dimensions: [...INDICATOR_CATALOG_V1.dimensions],
    rules: {
      ...INDICATOR_CATALOG_V1.rules,
      dimensionThresholds: overrides.thresholds ?? INDICATOR_CATALOG_V1.rules.dimensionThresholds,
      adultRule: overrides.adultRule ?? INDICATOR_CATALOG_V1.rules.adultRule,
    },
    indicators: overrides.indicators ?? [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(weak),
      of('cr_strong_1', 'strong'), of('cr_strong_2', 'strong'), of('cr_medium_1', 'medium'), of('cr_medium_2', 'medium'),
      of('cr_medium_3', 'medium'),
    ],
  };
}
const weakCodes = (n: number) => Array.from({ length: n }, (_, i) => `cr_weak_${i + 1}`);

const THRESHOLD_TEXT_EN = 'two strong indicators; or one strong indicator plus one medium or weak indicator; '
  + 'or three medium indicators; or two medium indicators plus one weak indicator';
const THRESHOLD_TEXT_ES = 'dos indicadores fuertes; o un indicador fuerte más un indicador medio o débil; '
  + 'o tres indicadores medios; o dos indicadores medios más un indicador débil';
const NO_YES = { en: 'Not positive: no indicator answered yes.', es: 'No positiva: ningún indicador respondido con «sí».' };

// ---------- golden vectors ----------

describe('evaluateScreening: golden vectors (adults)', () => {
  it('presumed_victim: recruitment, exploitation and means at destination positive', () => {
    const result = adult(
      yes('dr_deceived_nature_of_job', 'dr_deceived_about_wages'),
      no('rv_irregular_status'),
      yes('ex_excessive_hours', 'ex_low_or_no_pay'),
      yes('cd_confiscation_of_documents', 'cd_threats_of_violence'),
      unknown('dv_past_hardship'),
    );
    const strongPlusOne = {
      en: 'Positive: meets the threshold of one strong indicator plus one medium or weak indicator (yes answers: 1 strong, 1 medium, 0 weak).',
      es: 'Positiva: cumple el umbral de un indicador fuerte más un indicador medio o débil (respuestas «sí»: 1 fuerte, 1 medio, 0 débiles).',
    };
    expect(result).toEqual({
      outcome: 'presumed_victim',
      catalogVersion: 'v1',
      childRule: false,
      childProtectionImmediate: false,
      dimensions: [
        {
          dimension: 'deceptive_recruitment', positive: true,
          counted: [{ indicator: 'dr_deceived_nature_of_job', strength: 'strong' }, { indicator: 'dr_deceived_about_wages', strength: 'medium' }],
          unknown: [], couldBePositive: false, reason: strongPlusOne,
        },
        { dimension: 'coercive_recruitment', positive: false, counted: [], unknown: [], couldBePositive: false, reason: NO_YES },
        { dimension: 'recruitment_abuse_of_vulnerability', positive: false, counted: [], unknown: [], couldBePositive: false, reason: NO_YES },
        {
          dimension: 'exploitation', positive: true,
          counted: [{ indicator: 'ex_excessive_hours', strength: 'strong' }, { indicator: 'ex_low_or_no_pay', strength: 'medium' }],
          unknown: [], couldBePositive: false, reason: strongPlusOne,
        },
        {
          dimension: 'coercion_at_destination', positive: true,
          counted: [{ indicator: 'cd_confiscation_of_documents', strength: 'strong' }, { indicator: 'cd_threats_of_violence', strength: 'medium' }],
          unknown: [], couldBePositive: false, reason: strongPlusOne,
        },
        {
          dimension: 'destination_abuse_of_vulnerability', positive: false, counted: [], unknown: ['dv_past_hardship'], couldBePositive: false,
          reason: {
            en: 'Not positive: no indicator answered yes. Pending: 1 answer unknown; even if it were yes, the dimension would not be positive.',
            es: 'No positiva: ningún indicador respondido con «sí». Pendiente: 1 respuesta «no se sabe»; aun si fuera «sí», la dimensión no sería positiva.',
          },
        },
      ],
    });
  });

  it('possible_victim: one strong indicator and a dimension that unknown answers could make positive', () => {
    const result = adult(
      yes('cr_violence_on_person'),
      yes('ex_low_or_no_pay'),
      unknown('ex_wage_manipulation', 'ex_hazardous_work'),
    );
    expect(withoutReasons(result)).toEqual({
      outcome: 'possible_victim',
      catalogVersion: 'v1',
      childRule: false,
      childProtectionImmediate: false,
      dimensions: [
        emptyDim('deceptive_recruitment'),
        { dimension: 'coercive_recruitment', positive: false, counted: [{ indicator: 'cr_violence_on_person', strength: 'strong' }], unknown: [], couldBePositive: false },
        emptyDim('recruitment_abuse_of_vulnerability'),
        {
          dimension: 'exploitation', positive: false, counted: [{ indicator: 'ex_low_or_no_pay', strength: 'medium' }],
          unknown: ['ex_wage_manipulation', 'ex_hazardous_work'], couldBePositive: true,
        },
        emptyDim('coercion_at_destination'),
        emptyDim('destination_abuse_of_vulnerability'),
      ],
    });
  });

  it('no_indicators: only weak yes answers and an unknown that could not change anything', () => {
    const result = adult(
      yes('dr_deceived_about_education', 'rv_cultural_or_religious_beliefs'),
      no('rv_irregular_status', 'ex_excessive_hours'),
      unknown('cd_threat_to_inform_family'),
    );
    expect(withoutReasons(result)).toEqual({
      outcome: 'no_indicators',
      catalogVersion: 'v1',
      childRule: false,
      childProtectionImmediate: false,
      dimensions: [
        { dimension: 'deceptive_recruitment', positive: false, counted: [{ indicator: 'dr_deceived_about_education', strength: 'weak' }], unknown: [], couldBePositive: false },
        emptyDim('coercive_recruitment'),
        {
          dimension: 'recruitment_abuse_of_vulnerability', positive: false,
          counted: [{ indicator: 'rv_cultural_or_religious_beliefs', strength: 'weak' }], unknown: [], couldBePositive: false,
        },
        emptyDim('exploitation'),
        { dimension: 'coercion_at_destination', positive: false, counted: [], unknown: ['cd_threat_to_inform_family'], couldBePositive: false },
        emptyDim('destination_abuse_of_vulnerability'),
      ],
    });
  });
});

describe('evaluateScreening: golden vectors (children)', () => {
  it('presumed_victim without means, with immediate child protection', () => {
    const result = child(
      yes('dr_deceived_about_education', 'dr_deceived_about_wages'),
      yes('ex_earnings_taken_by_third_party', 'ex_no_access_to_education'),
    );
    expect(withoutReasons(result)).toEqual({
      outcome: 'presumed_victim',
      catalogVersion: 'v1',
      childRule: true,
      childProtectionImmediate: true,
      dimensions: [
        {
          dimension: 'deceptive_recruitment', positive: true,
          counted: [{ indicator: 'dr_deceived_about_education', strength: 'strong' }, { indicator: 'dr_deceived_about_wages', strength: 'medium' }],
          unknown: [], couldBePositive: false,
        },
        emptyDim('coercive_recruitment'),
        emptyDim('recruitment_abuse_of_vulnerability'),
        {
          dimension: 'exploitation', positive: true,
          counted: [{ indicator: 'ex_earnings_taken_by_third_party', strength: 'strong' }, { indicator: 'ex_no_access_to_education', strength: 'medium' }],
          unknown: [], couldBePositive: false,
        },
        emptyDim('coercion_at_destination'),
        emptyDim('destination_abuse_of_vulnerability'),
      ],
    });
  });

  it('possible_victim: exploitation positive, no recruitment dimension, still immediate child protection', () => {
    const result = child(yes('ex_made_to_beg', 'ex_no_access_to_education'), unknown('cr_threats_of_violence'));
    expect(withoutReasons(result)).toEqual({
      outcome: 'possible_victim',
      catalogVersion: 'v1',
      childRule: true,
      childProtectionImmediate: true,
      dimensions: [
        emptyDim('deceptive_recruitment'),
        { dimension: 'coercive_recruitment', positive: false, counted: [], unknown: ['cr_threats_of_violence'], couldBePositive: false },
        emptyDim('recruitment_abuse_of_vulnerability'),
        {
          dimension: 'exploitation', positive: true,
          counted: [{ indicator: 'ex_made_to_beg', strength: 'strong' }, { indicator: 'ex_no_access_to_education', strength: 'medium' }],
          unknown: [], couldBePositive: false,
        },
        emptyDim('coercion_at_destination'),
        emptyDim('destination_abuse_of_vulnerability'),
      ],
    });
  });

  it('no_indicators: two medium indicators in one dimension and one in another', () => {
    const result = child(yes('dv_past_hardship', 'dv_economic_reasons'), no('dv_personal_characteristics'), unknown('rv_lack_of_information'));
    expect(withoutReasons(result)).toEqual({
      outcome: 'no_indicators',
      catalogVersion: 'v1',
      childRule: true,
      childProtectionImmediate: false,
      dimensions: [
        emptyDim('deceptive_recruitment'),
        emptyDim('coercive_recruitment'),
        { dimension: 'recruitment_abuse_of_vulnerability', positive: false, counted: [], unknown: ['rv_lack_of_information'], couldBePositive: false },
        emptyDim('exploitation'),
        emptyDim('coercion_at_destination'),
        {
          dimension: 'destination_abuse_of_vulnerability', positive: false,
          counted: [{ indicator: 'dv_past_hardship', strength: 'medium' }, { indicator: 'dv_economic_reasons', strength: 'medium' }],
          unknown: [], couldBePositive: false,
        },
      ],
    });
  });
});

// ---------- dimension thresholds ----------

describe('evaluateScreening: dimension thresholds (v1)', () => {
  const cd = (...codes: string[]) => dim(adult(yes(...codes)), 'coercion_at_destination');

  it.each([
    ['two strong', ['cd_confiscation_of_documents', 'cd_debt_bondage'], 'two strong indicators', 'dos indicadores fuertes', '2 strong, 0 medium, 0 weak'],
    ['one strong plus one medium', ['cd_violence_on_person', 'cd_forced_to_lie'],
      'one strong indicator plus one medium or weak indicator', 'un indicador fuerte más un indicador medio o débil', '1 strong, 1 medium, 0 weak'],
    ['one strong plus one weak', ['cd_violence_on_person', 'cd_threat_to_inform_family'],
      'one strong indicator plus one medium or weak indicator', 'un indicador fuerte más un indicador medio o débil', '1 strong, 0 medium, 1 weak'],
    ['three medium', ['cd_forced_to_lie', 'cd_threat_of_denunciation', 'cd_threat_of_worse_conditions'],
      'three medium indicators', 'tres indicadores medios', '0 strong, 3 medium, 0 weak'],
    ['two medium plus one weak', ['cd_forced_to_lie', 'cd_threat_of_denunciation', 'cd_threat_to_inform_family'],
      'two medium indicators plus one weak indicator', 'dos indicadores medios más un indicador débil', '0 strong, 2 medium, 1 weak'],
  ])('%s is positive and the reason names the threshold', (_name, codes, en, es, counts) => {
    const result = cd(...codes);
    expect(result.positive).toBe(true);
    expect(result.couldBePositive).toBe(false);
    expect(result.reason.en).toBe(`Positive: meets the threshold of ${en} (yes answers: ${counts}).`);
    expect(result.reason.es).toContain(`Positiva: cumple el umbral de ${es} (respuestas «sí»: `);
  });

  it('names the first threshold met in catalog order when several are met', () => {
    // 2 strong + 1 medium meets {strong:2} and {strong:1, mediumOrWeak:1}: the first is named.
    expect(cd('cd_confiscation_of_documents', 'cd_debt_bondage', 'cd_forced_to_lie').reason.en)
      .toBe('Positive: meets the threshold of two strong indicators (yes answers: 2 strong, 1 medium, 0 weak).');
  });

  it.each([
    ['one strong alone', ['cd_violence_on_person'], '1 strong, 0 medium, 0 weak', '1 fuerte, 0 medios, 0 débiles'],
    ['two medium', ['cd_forced_to_lie', 'cd_threat_of_denunciation'], '0 strong, 2 medium, 0 weak', '0 fuertes, 2 medios, 0 débiles'],
    ['one medium plus one weak', ['cd_forced_to_lie', 'cd_threat_to_inform_family'], '0 strong, 1 medium, 1 weak', '0 fuertes, 1 medio, 1 débil'],
  ])('%s is below every threshold, with the counts in the reason', (_name, codes, countsEn, countsEs) => {
    const result = cd(...codes);
    expect(result.positive).toBe(false);
    expect(result.reason).toEqual({
      en: `Not positive: the yes answers (${countsEn}) reach none of the thresholds: ${THRESHOLD_TEXT_EN}.`,
      es: `No positiva: las respuestas «sí» (${countsEs}) no alcanzan ningún umbral: ${THRESHOLD_TEXT_ES}.`,
    });
  });

  it('a stronger indicator stands in for a weaker one: two strong meet {strong:1, mediumOrWeak:1} alone', () => {
    const catalog = testCatalog({ thresholds: [{ strong: 1, mediumOrWeak: 1 }] });
    const two = evaluateScreening(catalog, { isMinor: false, answers: yes('cr_strong_1', 'cr_strong_2') });
    expect(dim(two, 'coercive_recruitment').positive).toBe(true);
    const oneAndWeak = evaluateScreening(catalog, { isMinor: false, answers: yes('cr_strong_1', 'cr_weak_1') });
    expect(dim(oneAndWeak, 'coercive_recruitment').positive).toBe(true);
    const oneAndMedium = evaluateScreening(catalog, { isMinor: false, answers: yes('cr_strong_1', 'cr_medium_1') });
    expect(dim(oneAndMedium, 'coercive_recruitment').positive).toBe(true);
    const oneAlone = evaluateScreening(catalog, { isMinor: false, answers: yes('cr_strong_1') });
    expect(dim(oneAlone, 'coercive_recruitment').positive).toBe(false);
  });

  it('mediumOrWeak counts only what the other terms of the combination leave over', () => {
    const catalog = testCatalog({ thresholds: [{ medium: 2, mediumOrWeak: 1 }] });
    const run = (...codes: string[]) => dim(evaluateScreening(catalog, { isMinor: false, answers: yes(...codes) }), 'coercive_recruitment').positive;
    expect(run('cr_medium_1', 'cr_medium_2')).toBe(false);
    expect(run('cr_medium_1', 'cr_medium_2', 'cr_weak_1')).toBe(true);
    expect(run('cr_medium_1', 'cr_medium_2', 'cr_medium_3')).toBe(true);
    expect(run('cr_medium_1', 'cr_weak_1', 'cr_weak_2')).toBe(false);
  });

  it('describes thresholds with more than ten indicators in digits and an empty combination as no minimum', () => {
    const big = testCatalog({ thresholds: [{ strong: 11 }, { medium: 12, weak: 1 }] });
    const below = dim(evaluateScreening(big, { isMinor: false, answers: yes('cr_strong_1') }), 'coercive_recruitment');
    expect(below.reason.en).toContain('reach none of the thresholds: 11 strong indicators; or 12 medium indicators plus one weak indicator.');
    expect(below.reason.es).toContain('no alcanzan ningún umbral: 11 indicadores fuertes; o 12 indicadores medios más un indicador débil.');

    const none = testCatalog({ thresholds: [{}] });
    const met = dim(evaluateScreening(none, { isMinor: false, answers: yes('cr_medium_1') }), 'coercive_recruitment');
    expect(met.positive).toBe(true);
    expect(met.reason).toEqual({
      en: 'Positive: meets the threshold of no minimum (yes answers: 0 strong, 1 medium, 0 weak).',
      es: 'Positiva: cumple el umbral de sin mínimo (respuestas «sí»: 0 fuertes, 1 medio, 0 débiles).',
    });
  });
});

describe('evaluateScreening: weak indicators alone never make a dimension positive', () => {
  it.each([1, 2, 3, 5, 10])('%i weak yes answers are not positive under v1 thresholds', (n) => {
    const result = evaluateScreening(testCatalog(), { isMinor: false, answers: yes(...weakCodes(n)) });
    const cr = dim(result, 'coercive_recruitment');
    expect(cr.positive).toBe(false);
    expect(cr.counted).toHaveLength(n);
    expect(result.outcome).toBe('no_indicators');
    expect(cr.reason).toEqual({
      en: `Not positive: only weak indicators answered yes (${n}); weak indicators alone never make a dimension positive.`,
      es: `No positiva: solo hay indicadores débiles respondidos con «sí» (${n}); los indicadores débiles por sí solos nunca hacen positiva una dimensión.`,
    });
  });

  it('holds even for a catalog version whose thresholds would accept weak indicators only', () => {
    const permissive = testCatalog({ thresholds: [{ weak: 2 }, { mediumOrWeak: 1 }, {}] });
    const result = evaluateScreening(permissive, { isMinor: false, answers: yes(...weakCodes(5)) });
    expect(dim(result, 'coercive_recruitment').positive).toBe(false);
    // ...and unknown weak answers cannot make it "could be positive" either.
    const pending = evaluateScreening(permissive, { isMinor: false, answers: unknown(...weakCodes(5)) });
    expect(dim(pending, 'coercive_recruitment').couldBePositive).toBe(false);
    expect(pending.outcome).toBe('no_indicators');
  });

  it('holds for the weak indicators of the v1 catalog (adult strengths), all answered yes', () => {
    const weakV1 = INDICATOR_CATALOG_V1.indicators.filter((i) => i.strength.adult === 'weak').map((i) => i.code);
    expect(weakV1.length).toBeGreaterThan(0);
    const result = adult(yes(...weakV1));
    expect(result.dimensions.every((d) => !d.positive)).toBe(true);
    expect(result.outcome).toBe('no_indicators');
  });
});

// ---------- unknown is not no ----------

describe('evaluateScreening: unknown is not no', () => {
  it('a dimension that unknown answers could make positive is couldBePositive, with the reason saying so', () => {
    const ex = dim(adult(yes('ex_low_or_no_pay'), unknown('ex_wage_manipulation', 'ex_hazardous_work')), 'exploitation');
    expect(ex.couldBePositive).toBe(true);
    expect(ex.reason).toEqual({
      en: `Not positive: the yes answers (0 strong, 1 medium, 0 weak) reach none of the thresholds: ${THRESHOLD_TEXT_EN}.`
        + ' Pending: 2 answers unknown; if they were yes, the dimension would be positive (unknown is not no).',
      es: `No positiva: las respuestas «sí» (0 fuertes, 1 medio, 0 débiles) no alcanzan ningún umbral: ${THRESHOLD_TEXT_ES}.`
        + ' Pendientes: 2 respuestas «no se sabe»; si fueran «sí», la dimensión sería positiva (no saber no equivale a «no»).',
    });
  });

  it('one unknown answer is worded in the singular', () => {
    const cd = dim(adult(yes('cd_violence_on_person'), unknown('cd_threat_to_inform_family')), 'coercion_at_destination');
    expect(cd.couldBePositive).toBe(true);
    expect(cd.reason.en).toMatch(/ Pending: 1 answer unknown; if it were yes, the dimension would be positive \(unknown is not no\)\.$/);
    expect(cd.reason.es).toMatch(/ Pendiente: 1 respuesta «no se sabe»; si fuera «sí», la dimensión sería positiva/);
  });

  it('unknown answers that could not make the dimension positive are still reported', () => {
    const dv = dim(adult(unknown('dv_past_hardship', 'dv_personal_characteristics')), 'destination_abuse_of_vulnerability');
    expect(dv.couldBePositive).toBe(false);
    expect(dv.unknown).toEqual(['dv_past_hardship', 'dv_personal_characteristics']);
    expect(dv.reason).toEqual({
      en: 'Not positive: no indicator answered yes. Pending: 2 answers unknown; even if they were yes, the dimension would not be positive.',
      es: 'No positiva: ningún indicador respondido con «sí». Pendientes: 2 respuestas «no se sabe»; aun si fueran «sí», la dimensión no sería positiva.',
    });
  });

  it('a positive dimension is never couldBePositive, and its pending answers are mentioned', () => {
    const cd = dim(adult(yes('cd_confiscation_of_documents', 'cd_debt_bondage'), unknown('cd_forced_to_lie')), 'coercion_at_destination');
    expect(cd.positive).toBe(true);
    expect(cd.couldBePositive).toBe(false);
    expect(cd.unknown).toEqual(['cd_forced_to_lie']);
    expect(cd.reason).toEqual({
      en: 'Positive: meets the threshold of two strong indicators (yes answers: 2 strong, 0 medium, 0 weak). Pending: 1 answer unknown.',
      es: 'Positiva: cumple el umbral de dos indicadores fuertes (respuestas «sí»: 2 fuertes, 0 medios, 0 débiles). Pendiente: 1 respuesta «no se sabe».',
    });
  });

  it('unknown answers alone that could make a dimension positive give possible_victim; the same answers as no give no_indicators', () => {
    const asUnknown = adult(unknown('ex_low_or_no_pay', 'ex_wage_manipulation', 'ex_hazardous_work'));
    expect(dim(asUnknown, 'exploitation').couldBePositive).toBe(true);
    expect(asUnknown.outcome).toBe('possible_victim');
    const asNo = adult(no('ex_low_or_no_pay', 'ex_wage_manipulation', 'ex_hazardous_work'));
    expect(asNo.outcome).toBe('no_indicators');
    expect(asNo.dimensions.every((d) => d.unknown.length === 0 && d.counted.length === 0)).toBe(true);
  });

  it('an unknown strong indicator is not a strong yes', () => {
    const result = adult(unknown('cr_violence_on_person'));
    expect(dim(result, 'coercive_recruitment').couldBePositive).toBe(false);
    expect(result.outcome).toBe('no_indicators');
  });

  it('unknown answers never make the rule met: presumed_victim needs the dimensions positive now', () => {
    const result = adult(
      yes('dr_deceived_nature_of_job', 'dr_deceived_about_wages', 'ex_excessive_hours', 'ex_made_to_beg'),
      unknown('cd_confiscation_of_documents', 'cd_debt_bondage'),
    );
    expect(dim(result, 'coercion_at_destination').couldBePositive).toBe(true);
    expect(result.outcome).toBe('possible_victim');
  });
});

// ---------- adult and child rules ----------

describe('evaluateScreening: adult and child rules', () => {
  const recruitmentAndExploitation = [yes('dr_deceived_nature_of_job', 'dr_deceived_about_wages'), yes('ex_excessive_hours', 'ex_made_to_beg')];

  it('child rule: recruitment and exploitation are enough for a minor (no means at destination)', () => {
    const result = child(...recruitmentAndExploitation);
    expect(result.childRule).toBe(true);
    expect(result.outcome).toBe('presumed_victim');
    expect(dim(result, 'coercion_at_destination').positive).toBe(false);
    expect(dim(result, 'destination_abuse_of_vulnerability').positive).toBe(false);
  });

  it('adult rule: the same answers without means at destination are only possible_victim', () => {
    const result = adult(...recruitmentAndExploitation);
    expect(result.childRule).toBe(false);
    expect(result.outcome).toBe('possible_victim');
  });

  it.each([
    ['coercive recruitment and abuse of vulnerability at destination',
      yes('cr_violence_on_person', 'cr_threats_of_violence'), yes('dv_dependency_on_exploiters', 'dv_family_situation', 'dv_economic_reasons')],
    ['recruitment by abuse of vulnerability and coercion at destination',
      yes('rv_irregular_status', 'rv_lack_of_information', 'rv_economic_reasons'), yes('cd_violence_on_person', 'cd_debt_bondage')],
  ])('adult rule: any dimension of a group satisfies it (%s)', (_name, recruitment, means) => {
    const result = adult(recruitment, yes('ex_low_or_no_pay', 'ex_wage_manipulation', 'ex_bad_living_conditions'), means);
    expect(result.outcome).toBe('presumed_victim');
  });

  it('adult rule: recruitment and means without exploitation are not enough', () => {
    const result = adult(yes('cr_violence_on_person', 'cr_threats_of_violence'), yes('cd_violence_on_person', 'cd_debt_bondage'));
    expect(result.outcome).toBe('possible_victim');
  });

  it('a positive dimension without any strong yes gives possible_victim', () => {
    const result = adult(yes('rv_irregular_status', 'rv_lack_of_information', 'rv_economic_reasons'));
    expect(result.dimensions.flatMap((d) => d.counted).every((c) => c.strength !== 'strong')).toBe(true);
    expect(result.outcome).toBe('possible_victim');
  });

  it('a catalog version with an empty rule never gives presumed_victim', () => {
    const catalog: IndicatorCatalog = { ...INDICATOR_CATALOG_V1, rules: { ...INDICATOR_CATALOG_V1.rules, adultRule: [] } };
    const result = evaluateScreening(catalog, { isMinor: false, answers: yes('cd_violence_on_person', 'cd_debt_bondage') });
    expect(result.outcome).toBe('possible_victim');
  });

  it('rules come from the catalog version, not from code', () => {
    const catalog: IndicatorCatalog = {
      ...INDICATOR_CATALOG_V1,
      version: 'v-test',
      rules: { ...INDICATOR_CATALOG_V1.rules, adultRule: [['coercion_at_destination']] },
    };
    const result = evaluateScreening(catalog, { isMinor: false, answers: yes('cd_violence_on_person', 'cd_debt_bondage') });
    expect(result.outcome).toBe('presumed_victim');
    expect(result.catalogVersion).toBe('v-test');
  });
});

describe('evaluateScreening: immediate child protection', () => {
  it('is flagged with a presumed_victim outcome', () => {
    const result = child(yes('cr_violence_on_person', 'cr_debt_bondage'), yes('ex_forced_sexual_services', 'ex_excessive_hours'));
    expect(result.outcome).toBe('presumed_victim');
    expect(result.childProtectionImmediate).toBe(true);
  });

  it('is flagged with a possible_victim outcome', () => {
    const result = child(yes('ex_forced_sexual_services', 'ex_bad_living_conditions'));
    expect(result.outcome).toBe('possible_victim');
    expect(result.childProtectionImmediate).toBe(true);
  });

  it('is not flagged for a minor whose exploitation dimension is not positive', () => {
    const result = child(yes('cd_violence_on_person', 'cd_debt_bondage'), yes('ex_bad_living_conditions'), unknown('ex_hazardous_work', 'ex_low_or_no_pay'));
    expect(dim(result, 'exploitation').couldBePositive).toBe(true);
    expect(result.childProtectionImmediate).toBe(false);
  });

  it('is never flagged for an adult', () => {
    const result = adult(yes('ex_forced_sexual_services', 'ex_excessive_hours'));
    expect(dim(result, 'exploitation').positive).toBe(true);
    expect(result.childProtectionImmediate).toBe(false);
  });
});

describe('evaluateScreening: adult and child strengths of the same indicator', () => {
  it('deceived about access to education is weak for an adult and strong for a child', () => {
    const answers = [...yes('dr_deceived_about_education', 'rv_cultural_or_religious_beliefs'), ...no('rv_irregular_status')];
    const forAdult = adult(answers);
    const forChild = child(answers);
    expect(dim(forAdult, 'deceptive_recruitment').counted).toEqual([{ indicator: 'dr_deceived_about_education', strength: 'weak' }]);
    expect(dim(forChild, 'deceptive_recruitment').counted).toEqual([{ indicator: 'dr_deceived_about_education', strength: 'strong' }]);
    expect(dim(forChild, 'recruitment_abuse_of_vulnerability').counted)
      .toEqual([{ indicator: 'rv_cultural_or_religious_beliefs', strength: 'medium' }]);
    // A strong yes alone is enough for possible_victim: the same answers give different outcomes.
    expect(forAdult.outcome).toBe('no_indicators');
    expect(forChild.outcome).toBe('possible_victim');
  });

  it('two "M/S" indicators make a dimension positive for a child but not for an adult', () => {
    const answers = yes('cr_threats_of_violence', 'cr_debt_bondage');
    expect(dim(adult(answers), 'coercive_recruitment').positive).toBe(false);
    expect(dim(child(answers), 'coercive_recruitment').positive).toBe(true);
  });
});

describe('evaluateScreening: explanation', () => {
  it('lists the counted indicators of each dimension with their applied strengths, in answer order, and leaves out no answers', () => {
    const result = child(
      yes('cd_threat_to_inform_family', 'cd_confiscation_of_documents'),
      no('cd_debt_bondage'),
      yes('cd_forced_to_lie'),
    );
    const cd = dim(result, 'coercion_at_destination');
    expect(cd.counted).toEqual([
      { indicator: 'cd_threat_to_inform_family', strength: 'medium' },
      { indicator: 'cd_confiscation_of_documents', strength: 'strong' },
      { indicator: 'cd_forced_to_lie', strength: 'medium' },
    ]);
    expect(cd.reason.en).toBe('Positive: meets the threshold of one strong indicator plus one medium or weak indicator (yes answers: 1 strong, 2 medium, 0 weak).');
    expect(cd.reason.es).toBe('Positiva: cumple el umbral de un indicador fuerte más un indicador medio o débil (respuestas «sí»: 1 fuerte, 2 medios, 0 débiles).');
  });

  it('answers only the outcomes of section 5', () => {
    expect(SCREENING_OUTCOMES).toEqual(['presumed_victim', 'possible_victim', 'no_indicators']);
  });

  it('always returns the six dimensions in catalog order, even with no answers at all', () => {
    const result = adult([]);
    expect(result.dimensions.map((d) => d.dimension)).toEqual([
      'deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability',
      'exploitation', 'coercion_at_destination', 'destination_abuse_of_vulnerability',
    ]);
    expect(result.outcome).toBe('no_indicators');
    expect(result.dimensions.every((d) => d.reason.en === NO_YES.en && d.reason.es === NO_YES.es)).toBe(true);
  });
});

// ---------- input errors ----------

describe('evaluateScreening: input errors', () => {
  const inputErrorOf = (input: ScreeningInput): ScreeningInputError => {
    try {
      evaluateScreening(INDICATOR_CATALOG_V1, input);
    } catch (error) {
      if (error instanceof ScreeningInputError) return error;
      throw error;
    }
    throw new Error('expected a ScreeningInputError');
  };

  it('rejects an indicator code that is not in the catalog, naming its path', () => {
    const error = inputErrorOf({ isMinor: false, answers: [...yes('dr_deceived_nature_of_job', 'ex_excessive_hours', 'cd_debt_bondage'), ...yes('xx_made_up')] });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScreeningInputError');
    expect(error.errors).toEqual([{ path: 'answers[3].indicator', message: 'unknown indicator "xx_made_up" in catalog v1' }]);
    expect(error.message).toContain('answers[3].indicator');
  });

  it('rejects the same indicator answered twice, even with the same answer', () => {
    const error = inputErrorOf({ isMinor: true, answers: [...yes('ex_made_to_beg'), ...no('ex_hazardous_work'), ...unknown('ex_made_to_beg')] });
    expect(error.errors).toEqual([{ path: 'answers[2].indicator', message: 'indicator "ex_made_to_beg" is already answered at answers[0]' }]);
    const same = inputErrorOf({ isMinor: false, answers: yes('ex_made_to_beg', 'ex_made_to_beg') });
    expect(same.errors.map((e) => e.path)).toEqual(['answers[1].indicator']);
  });

  it('rejects an answer other than yes, no or unknown', () => {
    const error = inputErrorOf({ isMinor: false, answers: [{ indicator: 'ex_made_to_beg', answer: 'maybe' as Answer }] });
    expect(error.errors).toEqual([{ path: 'answers[0].answer', message: 'answer must be one of yes, no, unknown' }]);
  });

  it('reports every error at once', () => {
    const error = inputErrorOf({
      isMinor: false,
      answers: [{ indicator: 'nope', answer: 'yes' }, { indicator: 'cd_debt_bondage', answer: 'yes' }, { indicator: 'cd_debt_bondage', answer: 'perhaps' as Answer }],
    });
    expect(error.errors.map((e) => e.path)).toEqual(['answers[0].indicator', 'answers[2].indicator', 'answers[2].answer']);
  });

  it('accepts notes and treats indicators left unanswered as neither yes nor unknown', () => {
    const result = adult([{ indicator: 'cd_debt_bondage', answer: 'yes', note: 'Le cobran por el transporte' }]);
    expect(dim(result, 'coercion_at_destination').counted).toEqual([{ indicator: 'cd_debt_bondage', strength: 'strong' }]);
    expect(result.dimensions.flatMap((d) => d.unknown)).toEqual([]);
    expect(result.outcome).toBe('possible_victim');
  });
});

// ---------- the catalog itself ----------

/**
 * Derived by hand from PRODUCT.md section 5, "Starter catalog v1": one entry per item, strengths as
 * adult/child. Kept independent of the catalog file on purpose.
 */
const SECTION_5: Record<Dimension, Record<string, string>> = {
  deceptive_recruitment: {
    dr_deceived_nature_of_job: 'S/S', dr_deceived_about_wages: 'M/M', dr_deceived_about_working_conditions: 'M/M',
    dr_deceived_about_contract: 'M/M', dr_deceived_about_housing: 'M/M', dr_deceived_about_legal_documents: 'M/M',
    dr_deceived_about_travel_and_recruitment: 'M/M', dr_deceived_about_family_reunification: 'M/M',
    dr_deceived_about_marriage_or_adoption: 'M/M', dr_deceived_about_education: 'W/S',
  },
  coercive_recruitment: {
    cr_violence_on_person: 'S/S', cr_threats_of_violence: 'M/S', cr_abduction_forced_marriage_adoption_or_sale: 'M/S',
    cr_debt_bondage: 'M/S', cr_confiscation_of_documents: 'M/M', cr_isolation_confinement_or_surveillance: 'M/M',
    cr_threat_of_denunciation: 'M/M', cr_threat_to_inform_family_or_community: 'M/M', cr_violence_on_family: 'M/M',
    cr_withholding_of_money: 'M/M',
  },
  recruitment_abuse_of_vulnerability: {
    rv_difficult_family_situation: 'M/M', rv_irregular_status: 'M/M', rv_lack_of_education_or_language: 'M/M',
    rv_lack_of_information: 'M/M', rv_economic_reasons: 'M/M', rv_false_information_on_migration_or_law: 'M/M',
    rv_psychological_or_emotional_dependency: 'M/M', rv_relationship_with_authorities: 'M/M', rv_past_hardship: 'M/M',
    rv_cultural_or_religious_beliefs: 'W/M',
  },
  exploitation: {
    ex_excessive_hours: 'S/S', ex_forced_sexual_services: 'S/S', ex_low_or_no_pay: 'M/M', ex_wage_manipulation: 'M/M',
    ex_bad_living_conditions: 'M/M', ex_hazardous_work: 'M/M', ex_labour_law_or_contract_not_respected: 'M/M',
    ex_no_access_to_education: 'W/M', ex_earnings_taken_by_third_party: 'M/S', ex_made_to_beg: 'S/S',
  },
  coercion_at_destination: {
    cd_confiscation_of_documents: 'S/S', cd_debt_bondage: 'S/S', cd_isolation_confinement_or_surveillance: 'S/S',
    cd_violence_on_person: 'S/S', cd_threats_of_violence: 'M/S', cd_forced_into_illicit_activities: 'M/S',
    cd_forced_tasks_or_clients: 'M/S', cd_under_strong_influence: 'M/S', cd_forced_to_lie: 'M/M',
    cd_threat_of_denunciation: 'M/M', cd_threat_of_worse_conditions: 'M/M', cd_violence_on_family: 'M/M',
    cd_withholding_of_wages: 'M/M', cd_threat_to_inform_family: 'W/M',
  },
  destination_abuse_of_vulnerability: {
    dv_dependency_on_exploiters: 'M/M', dv_difficulty_living_in_unknown_area: 'M/M', dv_economic_reasons: 'M/M',
    dv_family_situation: 'M/M', dv_relationship_with_authorities_or_legal_status: 'M/M', dv_past_hardship: 'W/M',
    dv_personal_characteristics: 'W/M',
  },
};
const LETTER: Record<Strength, string> = { strong: 'S', medium: 'M', weak: 'W' };
const PREFIX: Record<Dimension, string> = {
  deceptive_recruitment: 'dr_', coercive_recruitment: 'cr_', recruitment_abuse_of_vulnerability: 'rv_',
  exploitation: 'ex_', coercion_at_destination: 'cd_', destination_abuse_of_vulnerability: 'dv_',
};

describe('INDICATOR_CATALOG_V1', () => {
  const catalog = INDICATOR_CATALOG_V1;

  it('is v1, the latest version, and registered under its version', () => {
    expect(catalog.version).toBe('v1');
    expect(LATEST_CATALOG_VERSION).toBe('v1');
    expect(INDICATOR_CATALOGS).toEqual({ v1: catalog });
    expect(INDICATOR_CATALOGS[LATEST_CATALOG_VERSION]).toBe(catalog);
  });

  it('holds the six dimensions in order and the v1 rules of section 5', () => {
    expect(catalog.dimensions).toEqual([...DIMENSIONS]);
    expect(catalog.rules).toEqual({
      dimensionThresholds: [{ strong: 2 }, { strong: 1, mediumOrWeak: 1 }, { medium: 3 }, { medium: 2, weak: 1 }],
      adultRule: [
        ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'],
        ['exploitation'],
        ['coercion_at_destination', 'destination_abuse_of_vulnerability'],
      ],
      childRule: [['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'], ['exploitation']],
      childProtectionDimension: 'exploitation',
    });
  });

  it('has unique, snake_case codes prefixed by their dimension', () => {
    const codes = catalog.indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const indicator of catalog.indicators) {
      expect(indicator.code).toMatch(/^[a-z]+(_[a-z]+)+$/);
      expect(indicator.code.startsWith(PREFIX[indicator.dimension])).toBe(true);
    }
  });

  it('has every item of section 5, per dimension, with its adult/child strengths', () => {
    expect(Object.fromEntries(DIMENSIONS.map((d) => [d, catalog.indicators.filter((i) => i.dimension === d).length]))).toEqual({
      deceptive_recruitment: 10,
      coercive_recruitment: 10,
      recruitment_abuse_of_vulnerability: 10,
      exploitation: 10,
      coercion_at_destination: 14,
      destination_abuse_of_vulnerability: 7,
    });
    expect(catalog.indicators).toHaveLength(61);
    for (const i of catalog.indicators) {
      expect(STRENGTHS).toContain(i.strength.adult);
      expect(STRENGTHS).toContain(i.strength.child);
    }
    for (const dimension of DIMENSIONS) {
      const actual = Object.fromEntries(catalog.indicators
        .filter((i) => i.dimension === dimension)
        .map((i) => [i.code, `${LETTER[i.strength.adult]}/${LETTER[i.strength.child]}`]));
      expect(actual).toEqual(SECTION_5[dimension]);
    }
  });

  it('never gives an indicator a lower strength for a child than for an adult', () => {
    const rank: Record<Strength, number> = { weak: 0, medium: 1, strong: 2 };
    for (const i of catalog.indicators) expect(rank[i.strength.child]).toBeGreaterThanOrEqual(rank[i.strength.adult]);
  });

  it('labels every indicator in Spanish and English, distinct within a dimension', () => {
    for (const dimension of DIMENSIONS) {
      const inDimension = catalog.indicators.filter((i) => i.dimension === dimension);
      expect(new Set(inDimension.map((i) => i.label.es)).size).toBe(inDimension.length);
      expect(new Set(inDimension.map((i) => i.label.en)).size).toBe(inDimension.length);
    }
    for (const { label } of catalog.indicators) {
      expect(label.es.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
      expect(label.es).not.toBe(label.en);
    }
  });

  it('gives every indicator known, non-repeated forms of exploitation', () => {
    for (const indicator of catalog.indicators) {
      expect(indicator.exploitationForms.length).toBeGreaterThan(0);
      expect(new Set(indicator.exploitationForms).size).toBe(indicator.exploitationForms.length);
      for (const form of indicator.exploitationForms) expect(EXPLOITATION_FORMS).toContain(form);
    }
    const forms = (code: string) => catalog.indicators.find((i) => i.code === code)?.exploitationForms;
    expect(forms('ex_made_to_beg')).toEqual(['begging']);
    expect(forms('ex_forced_sexual_services')).toContain('sexual_exploitation');
    expect(forms('ex_labour_law_or_contract_not_respected')).toContain('labour_exploitation');
    expect(forms('cr_violence_on_person')).toEqual([...EXPLOITATION_FORMS]);
  });
});
