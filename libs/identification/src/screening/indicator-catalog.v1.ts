// Types only: the catalog is data that the seeds load without the application (no @ruta module at run time).
import type { ExploitationForm } from '@ruta/directory';
import { IndicatorCatalog } from './screening.types';

/*
 * Starter indicator catalog v1 (PRODUCT.md section 5), after the ILO operational indicators of
 * trafficking in human beings (2009, Delphi method). One indicator per item of the starter list;
 * strengths are adult/child as listed there. Data, not code: a new version gets a new file and a new
 * entry in INDICATOR_CATALOGS, and a stored screening keeps the version it used.
 */

/**
 * Generic recruitment, coercion and vulnerability indicators apply to every form of exploitation: the
 * forms of the vocabulary (EXPLOITATION_FORMS, @ruta/directory) when v1 was written. This is v1's data,
 * checked against the vocabulary by its type and by the catalog's tests; a stored version does not change
 * with a release, so a form added to the vocabulary later is taken up by a new catalog version.
 */
const ALL: readonly ExploitationForm[] = ['organ_removal', 'sexual_exploitation', 'labour_exploitation', 'servile_marriage',
  'illegal_adoption', 'begging', 'forced_recruitment', 'other'];
/** Forms in which the person works or earns for someone else. */
const PAID_WORK: readonly ExploitationForm[] = ['sexual_exploitation', 'labour_exploitation', 'begging', 'forced_recruitment', 'other'];
/** PAID_WORK plus servile marriage (domestic servitude): forms in which the person's time and tasks are imposed. */
const IMPOSED_WORK: readonly ExploitationForm[] = [
  'sexual_exploitation', 'labour_exploitation', 'servile_marriage', 'begging', 'forced_recruitment', 'other',
];

export const INDICATOR_CATALOG_V1: IndicatorCatalog = {
  version: 'v1',
  dimensions: [
    'deceptive_recruitment',
    'coercive_recruitment',
    'recruitment_abuse_of_vulnerability',
    'exploitation',
    'coercion_at_destination',
    'destination_abuse_of_vulnerability',
  ],
  rules: {
    dimensionThresholds: [{ strong: 2 }, { strong: 1, mediumOrWeak: 1 }, { medium: 3 }, { medium: 2, weak: 1 }],
    adultRule: [
      ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'],
      ['exploitation'],
      ['coercion_at_destination', 'destination_abuse_of_vulnerability'],
    ],
    childRule: [['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'], ['exploitation']],
    childProtectionDimension: 'exploitation',
  },
  indicators: [
    // Deceptive recruitment
    {
      code: 'dr_deceived_nature_of_job', dimension: 'deceptive_recruitment',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre la naturaleza del trabajo, el lugar o el empleador', en: 'Deceived about the nature of the job, the location or the employer' },
    },
    {
      code: 'dr_deceived_about_wages', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...PAID_WORK],
      label: { es: 'Engaño sobre el salario o los ingresos', en: 'Deceived about wages or earnings' },
    },
    {
      code: 'dr_deceived_about_working_conditions', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...IMPOSED_WORK],
      label: { es: 'Engaño sobre las condiciones de trabajo', en: 'Deceived about working conditions' },
    },
    {
      code: 'dr_deceived_about_contract', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...PAID_WORK],
      label: { es: 'Engaño sobre el contenido o la legalidad del contrato', en: 'Deceived about the content or legality of the contract' },
    },
    {
      code: 'dr_deceived_about_housing', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre la vivienda y las condiciones de vida', en: 'Deceived about housing and living conditions' },
    },
    {
      code: 'dr_deceived_about_legal_documents', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre los documentos legales o la situación migratoria', en: 'Deceived about legal documents or migration status' },
    },
    {
      code: 'dr_deceived_about_travel_and_recruitment', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre las condiciones del viaje y del reclutamiento', en: 'Deceived about travel and recruitment conditions' },
    },
    {
      code: 'dr_deceived_about_family_reunification', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre la reunificación familiar', en: 'Deceived about family reunification' },
    },
    {
      code: 'dr_deceived_about_marriage_or_adoption', dimension: 'deceptive_recruitment',
      strength: { adult: 'medium', child: 'medium' },
      exploitationForms: ['sexual_exploitation', 'labour_exploitation', 'servile_marriage', 'illegal_adoption', 'other'],
      label: { es: 'Engaño mediante promesas de matrimonio o de adopción', en: 'Deceived through promises of marriage or adoption' },
    },
    {
      code: 'dr_deceived_about_education', dimension: 'deceptive_recruitment',
      strength: { adult: 'weak', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Engaño sobre el acceso a la educación', en: 'Deceived about access to education' },
    },

    // Coercive recruitment
    {
      code: 'cr_violence_on_person', dimension: 'coercive_recruitment',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Violencia contra la persona', en: 'Violence against the person' },
    },
    {
      code: 'cr_threats_of_violence', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Amenazas de violencia contra la persona', en: 'Threats of violence against the person' },
    },
    {
      code: 'cr_abduction_forced_marriage_adoption_or_sale', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...ALL],
      label: {
        es: 'Secuestro, matrimonio forzado, adopción forzada o venta de la persona',
        en: 'Abduction, forced marriage, forced adoption or sale of the person',
      },
    },
    {
      code: 'cr_debt_bondage', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Servidumbre por deudas', en: 'Debt bondage' },
    },
    {
      code: 'cr_confiscation_of_documents', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Retención de documentos', en: 'Confiscation of documents' },
    },
    {
      code: 'cr_isolation_confinement_or_surveillance', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Aislamiento, encierro o vigilancia', en: 'Isolation, confinement or surveillance' },
    },
    {
      code: 'cr_threat_of_denunciation', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Amenaza de denuncia ante las autoridades', en: 'Threat of denunciation to the authorities' },
    },
    {
      code: 'cr_threat_to_inform_family_or_community', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Amenaza de revelar su situación a la familia o a la comunidad', en: 'Threat to inform the family or the community' },
    },
    {
      code: 'cr_violence_on_family', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Violencia contra la familia', en: 'Violence against the family' },
    },
    {
      code: 'cr_withholding_of_money', dimension: 'coercive_recruitment',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Retención de dinero', en: 'Withholding of money' },
    },

    // Recruitment by abuse of vulnerability
    {
      code: 'rv_difficult_family_situation', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Situación familiar difícil', en: 'Difficult family situation' },
    },
    {
      code: 'rv_irregular_status', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Situación migratoria irregular', en: 'Irregular migration status' },
    },
    {
      code: 'rv_lack_of_education_or_language', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Falta de educación o desconocimiento del idioma', en: 'Lack of education or of the language' },
    },
    {
      code: 'rv_lack_of_information', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Falta de información', en: 'Lack of information' },
    },
    {
      code: 'rv_economic_reasons', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Razones económicas', en: 'Economic reasons' },
    },
    {
      code: 'rv_false_information_on_migration_or_law', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Información falsa sobre la migración o la ley', en: 'False information about migration or the law' },
    },
    {
      code: 'rv_psychological_or_emotional_dependency', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Dependencia psicológica o emocional', en: 'Psychological or emotional dependency' },
    },
    {
      code: 'rv_relationship_with_authorities', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Relación con las autoridades', en: 'Relationship with the authorities' },
    },
    {
      code: 'rv_past_hardship', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Dificultades vividas en el pasado', en: 'Past hardship' },
    },
    {
      code: 'rv_cultural_or_religious_beliefs', dimension: 'recruitment_abuse_of_vulnerability',
      strength: { adult: 'weak', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Creencias culturales o religiosas', en: 'Cultural or religious beliefs' },
    },

    // Exploitation
    {
      code: 'ex_excessive_hours', dimension: 'exploitation',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...IMPOSED_WORK],
      label: { es: 'Jornadas u horas de trabajo excesivas', en: 'Excessive working days or hours' },
    },
    {
      code: 'ex_forced_sexual_services', dimension: 'exploitation',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: ['sexual_exploitation', 'servile_marriage'],
      label: {
        es: 'Obligación de prestar servicios sexuales o imposibilidad de rechazar clientes o actos',
        en: 'Forced to provide sexual services or unable to refuse clients or acts',
      },
    },
    {
      code: 'ex_low_or_no_pay', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...PAID_WORK],
      label: { es: 'Remuneración baja o nula', en: 'Low or no pay' },
    },
    {
      code: 'ex_wage_manipulation', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...PAID_WORK],
      label: { es: 'Manipulación del salario', en: 'Wage manipulation' },
    },
    {
      code: 'ex_bad_living_conditions', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Malas condiciones de vida', en: 'Bad living conditions' },
    },
    {
      code: 'ex_hazardous_work', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'medium' },
      exploitationForms: ['labour_exploitation', 'begging', 'forced_recruitment', 'other'],
      label: { es: 'Trabajo peligroso', en: 'Hazardous work' },
    },
    {
      code: 'ex_labour_law_or_contract_not_respected', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: ['labour_exploitation', 'other'],
      label: { es: 'Incumplimiento de la legislación laboral o del contrato', en: 'Labour law or contract not respected' },
    },
    {
      code: 'ex_no_access_to_education', dimension: 'exploitation',
      strength: { adult: 'weak', child: 'medium' }, exploitationForms: [...IMPOSED_WORK],
      label: { es: 'Sin acceso a la educación', en: 'No access to education' },
    },
    {
      code: 'ex_earnings_taken_by_third_party', dimension: 'exploitation',
      strength: { adult: 'medium', child: 'strong' },
      exploitationForms: ['sexual_exploitation', 'labour_exploitation', 'begging', 'other'],
      label: { es: 'Un tercero se queda con los ingresos', en: 'Earnings taken by a third party' },
    },
    {
      code: 'ex_made_to_beg', dimension: 'exploitation',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: ['begging'],
      label: { es: 'Obligación de mendigar', en: 'Made to beg' },
    },

    // Coercion at destination
    {
      code: 'cd_confiscation_of_documents', dimension: 'coercion_at_destination',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Retención de documentos', en: 'Confiscation of documents' },
    },
    {
      code: 'cd_debt_bondage', dimension: 'coercion_at_destination',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Servidumbre por deudas', en: 'Debt bondage' },
    },
    {
      code: 'cd_isolation_confinement_or_surveillance', dimension: 'coercion_at_destination',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Aislamiento, encierro o vigilancia', en: 'Isolation, confinement or surveillance' },
    },
    {
      code: 'cd_violence_on_person', dimension: 'coercion_at_destination',
      strength: { adult: 'strong', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Violencia contra la persona', en: 'Violence against the person' },
    },
    {
      code: 'cd_threats_of_violence', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Amenazas de violencia contra la persona', en: 'Threats of violence against the person' },
    },
    {
      code: 'cd_forced_into_illicit_activities', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: ['labour_exploitation', 'forced_recruitment', 'other'],
      label: { es: 'Obligación de realizar actividades ilícitas', en: 'Forced into illicit activities' },
    },
    {
      code: 'cd_forced_tasks_or_clients', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...IMPOSED_WORK],
      label: { es: 'Tareas o clientes impuestos a la fuerza', en: 'Forced tasks or clients' },
    },
    {
      code: 'cd_under_strong_influence', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'strong' }, exploitationForms: [...ALL],
      label: { es: 'Bajo fuerte influencia de los explotadores', en: 'Under strong influence of the exploiters' },
    },
    {
      code: 'cd_forced_to_lie', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Obligación de mentir a las autoridades, a la familia u otras personas', en: 'Forced to lie to the authorities, the family or others' },
    },
    {
      code: 'cd_threat_of_denunciation', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Amenaza de denuncia ante las autoridades', en: 'Threat of denunciation to the authorities' },
    },
    {
      code: 'cd_threat_of_worse_conditions', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Amenaza de empeorar las condiciones de trabajo o de vida', en: 'Threat of worse working or living conditions' },
    },
    {
      code: 'cd_violence_on_family', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Violencia contra la familia', en: 'Violence against the family' },
    },
    {
      code: 'cd_withholding_of_wages', dimension: 'coercion_at_destination',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...PAID_WORK],
      label: { es: 'Retención del salario', en: 'Withholding of wages' },
    },
    {
      code: 'cd_threat_to_inform_family', dimension: 'coercion_at_destination',
      strength: { adult: 'weak', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Amenaza de revelar su situación a la familia', en: 'Threat to inform the family' },
    },

    // Abuse of vulnerability at destination
    {
      code: 'dv_dependency_on_exploiters', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Dependencia de los explotadores', en: 'Dependency on the exploiters' },
    },
    {
      code: 'dv_difficulty_living_in_unknown_area', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Dificultad para vivir en un lugar desconocido', en: 'Difficulty living in an unknown area' },
    },
    {
      code: 'dv_economic_reasons', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Razones económicas', en: 'Economic reasons' },
    },
    {
      code: 'dv_family_situation', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Situación familiar', en: 'Family situation' },
    },
    {
      code: 'dv_relationship_with_authorities_or_legal_status', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'medium', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Relación con las autoridades o situación legal', en: 'Relationship with the authorities or legal status' },
    },
    {
      code: 'dv_past_hardship', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'weak', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Dificultades vividas en el pasado', en: 'Past hardship' },
    },
    {
      code: 'dv_personal_characteristics', dimension: 'destination_abuse_of_vulnerability',
      strength: { adult: 'weak', child: 'medium' }, exploitationForms: [...ALL],
      label: { es: 'Características personales', en: 'Personal characteristics' },
    },
  ],
};

export const LATEST_CATALOG_VERSION = 'v1';

/** Every catalog version a stored screening may refer to, by version. */
export const INDICATOR_CATALOGS: Record<string, IndicatorCatalog> = { v1: INDICATOR_CATALOG_V1 };
