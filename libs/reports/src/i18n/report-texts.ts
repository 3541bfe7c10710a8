import { Locale, LocalizedText } from '@ruta/core';
import type { ExploitationForm, Sex } from '@ruta/directory';
import { ReportName } from '../report.types';

type Texts = Record<string, LocalizedText>;

/** Names of the codes the reports count, in both languages. */
export const CODE_TEXTS: Record<string, Texts> = {
  sex: {
    female: { es: 'Mujer', en: 'Female' }, male: { es: 'Hombre', en: 'Male' },
    intersex: { es: 'Intersexual', en: 'Intersex' }, unknown: { es: 'Sin dato', en: 'Unknown' },
  } satisfies Record<Sex, LocalizedText>,
  age: {
    '0-11': { es: '0 a 11 años', en: '0 to 11 years' }, '12-17': { es: '12 a 17 años', en: '12 to 17 years' },
    '18-29': { es: '18 a 29 años', en: '18 to 29 years' }, '30-59': { es: '30 a 59 años', en: '30 to 59 years' },
    '60+': { es: '60 años o más', en: '60 years or older' }, unknown: { es: 'Sin dato', en: 'Unknown' },
  },
  status: {
    possible_victim: { es: 'Posible víctima', en: 'Possible victim' },
    presumed_victim: { es: 'Presunta víctima', en: 'Presumed victim' },
    recognized_victim: { es: 'Víctima reconocida', en: 'Recognized victim' },
    not_a_victim: { es: 'No es víctima', en: 'Not a victim' },
  },
  form: {
    sexual_exploitation: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    labour_exploitation: { es: 'Explotación laboral', en: 'Labour exploitation' },
    begging: { es: 'Mendicidad', en: 'Forced begging' },
    servile_marriage: { es: 'Matrimonio servil', en: 'Servile marriage' },
    forced_recruitment: { es: 'Reclutamiento forzoso', en: 'Forced recruitment' },
    illegal_adoption: { es: 'Adopción ilegal', en: 'Illegal adoption' },
    organ_removal: { es: 'Extracción de órganos', en: 'Organ removal' },
    other: { es: 'Otra', en: 'Other' },
    none: { es: 'Sin registrar', en: 'Not recorded' },
  } satisfies Record<ExploitationForm | 'none', LocalizedText>,
  review: {
    recognize: { es: 'Reconocer como víctima', en: 'Recognize as a victim' },
    not_recognize: { es: 'No reconocer', en: 'Do not recognize' },
    request_information: { es: 'Pedir más información', en: 'Request more information' },
  },
  visa: {
    requested: { es: 'Solicitada', en: 'Requested' }, under_review: { es: 'En revisión', en: 'Under review' },
    granted: { es: 'Otorgada', en: 'Granted' }, denied: { es: 'Negada', en: 'Denied' }, withdrawn: { es: 'Retirada', en: 'Withdrawn' },
  },
  declineReason: {
    no_capacity: { es: 'Sin cupo', en: 'No capacity' },
    not_eligible: { es: 'No cumple el perfil', en: 'Not eligible' },
    victim_declined: { es: 'La víctima no aceptó', en: 'The victim declined' },
    outside_mandate: { es: 'Fuera de su competencia', en: 'Outside its mandate' },
    other: { es: 'Otra razón', en: 'Other reason' },
    not_recorded: { es: 'Razón sin codificar', en: 'Reason not coded' },
  },
  durations: {
    to_recognition: { es: 'De la identificación al reconocimiento', en: 'From identification to recognition' },
    to_service: { es: 'Del reconocimiento al primer servicio', en: 'From recognition to first service' },
  },
  minors: {
    minors: { es: 'Niñas, niños y adolescentes (0 a 17)', en: 'Children (0 to 17)' },
    adults: { es: 'Personas adultas (18 o más)', en: 'Adults (18 or older)' },
    unknown: { es: 'Edad sin dato', en: 'Age unknown' },
  },
  agencyNone: { none: { es: 'Sin institución', en: 'No agency' } },
};

export const REPORT_TEXTS: Record<ReportName, { title: LocalizedText; dimension: LocalizedText; note?: LocalizedText }> = {
  'by-month': { title: { es: 'Casos por mes de identificación', en: 'Cases by month of identification' }, dimension: { es: 'Mes', en: 'Month' } },
  'by-exploitation-form': {
    title: { es: 'Casos por forma de explotación', en: 'Cases by form of exploitation' }, dimension: { es: 'Forma de explotación', en: 'Form of exploitation' },
    note: { es: 'Un caso puede tener más de una forma de explotación.', en: 'A case may have more than one form of exploitation.' },
  },
  'by-sex': { title: { es: 'Casos por sexo', en: 'Cases by sex' }, dimension: { es: 'Sexo', en: 'Sex' } },
  'by-age-group': { title: { es: 'Casos por grupo de edad', en: 'Cases by age group' }, dimension: { es: 'Grupo de edad', en: 'Age group' } },
  'by-nationality': {
    title: { es: 'Casos por nacionalidad', en: 'Cases by nationality' }, dimension: { es: 'Nacionalidad', en: 'Nationality' },
    note: { es: 'Primera nacionalidad registrada.', en: 'First nationality recorded.' },
  },
  'by-province': { title: { es: 'Casos por provincia de identificación', en: 'Cases by province of identification' }, dimension: { es: 'Provincia', en: 'Province' } },
  'by-agency': { title: { es: 'Casos por institución que identificó', en: 'Cases by identifying agency' }, dimension: { es: 'Institución', en: 'Agency' } },
  'by-trafficking-status': { title: { es: 'Casos por condición de víctima', en: 'Cases by trafficking status' }, dimension: { es: 'Condición', en: 'Status' } },
  reviews: { title: { es: 'Decisiones del equipo de análisis de casos', en: 'Case-analysis team decisions' }, dimension: { es: 'Decisión', en: 'Decision' } },
  'referral-times': {
    title: { es: 'Tiempos de respuesta a las derivaciones', en: 'Referral response times' }, dimension: { es: 'Servicio e institución', en: 'Service and agency' },
    note: { es: 'Horas desde la derivación hasta la respuesta (aceptada o rechazada).', en: 'Hours from the referral to its answer (accepted or declined).' },
  },
  'shelter-occupancy': {
    title: { es: 'Ocupación de las casas de acogida por mes', en: 'Shelter occupancy by month' }, dimension: { es: 'Mes', en: 'Month' },
    note: { es: 'Personas acogidas en algún momento del mes (por mes de estadía, no de identificación).', en: 'People sheltered at some time in the month (by month of stay, not of identification).' },
  },
  visas: {
    title: { es: 'Visas de excepción (artículo 104)', en: 'Exceptional visas (article 104)' }, dimension: { es: 'Resultado', en: 'Outcome' },
    note: { es: 'Días desde la solicitud hasta la decisión.', en: 'Days from the request to the decision.' },
  },
  'follow-up': {
    title: { es: 'Seguimientos realizados a tiempo', en: 'Follow-up check-ins done on time' }, dimension: { es: 'Institución', en: 'Agency' },
    note: { es: 'Seguimientos cuya fecha ya pasó.', en: 'Check-ins whose due date has passed.' },
  },
  'overdue-tasks': { title: { es: 'Tareas vencidas por institución', en: 'Overdue tasks by agency' }, dimension: { es: 'Institución', en: 'Agency' } },
  durations: { title: { es: 'Tiempos del protocolo', en: 'Protocol times' }, dimension: { es: 'Tramo', en: 'Stage' } },
  'by-route': {
    title: { es: 'Casos por ruta (provincia de identificación y nacionalidad)', en: 'Cases by route (province of identification and nationality)' },
    dimension: { es: 'Provincia — nacionalidad', en: 'Province — nationality' },
    note: { es: 'Solo las combinaciones con casos.', en: 'Only the combinations with cases.' },
  },
  minors: { title: { es: 'Proporción de niñas, niños y adolescentes', en: "Minors' share" }, dimension: { es: 'Edad', en: 'Age' } },
  'referrals-declined': { title: { es: 'Derivaciones rechazadas por razón', en: 'Referrals declined by reason' }, dimension: { es: 'Servicio y razón', en: 'Service and reason' } },
};

export const SERIES_TEXTS: Texts = {
  cases: { es: 'Casos', en: 'Cases' },
  share: { es: 'Porcentaje', en: 'Share' },
  reviews: { es: 'Decisiones', en: 'Decisions' },
  referrals: { es: 'Derivaciones', en: 'Referrals' },
  answered: { es: 'Respondidas', en: 'Answered' },
  medianHours: { es: 'Mediana (horas)', en: 'Median (hours)' },
  p90Hours: { es: 'Percentil 90 (horas)', en: '90th percentile (hours)' },
  medianDays: { es: 'Mediana (días)', en: 'Median (days)' },
  p90Days: { es: 'Percentil 90 (días)', en: '90th percentile (days)' },
  requests: { es: 'Solicitudes', en: 'Requests' },
  due: { es: 'Vencidos', en: 'Due' },
  onTime: { es: 'A tiempo', en: 'On time' },
  late: { es: 'Con retraso', en: 'Late' },
  notDone: { es: 'No realizados', en: 'Not done' },
  overdue: { es: 'Tareas vencidas', en: 'Overdue tasks' },
  declined: { es: 'Rechazadas', en: 'Declined' },
};

/** The legend's explanations of the markers (each client prints the marker itself beside them). */
export const SUMMARY_TEXTS = {
  title: { es: 'Ruta — Resumen estadístico de trata de personas', en: 'Ruta — Statistical summary on trafficking in persons' },
  primary: { es: 'entre 1 y {k1} casos, no se publica la cifra.', en: 'between 1 and {k1} cases; the figure is not published.' },
  complementary: {
    es: 'cifra suprimida para que otra no pueda deducirse, o estadística calculada sobre menos de {k} registros.',
    en: 'figure withheld so that another cannot be worked out, or a statistic over fewer than {k} records.',
  },
};

export function text(t: LocalizedText, locale: Locale, vars: Record<string, string | number> = {}): string {
  return Object.entries(vars).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), t[locale]);
}

export function codeText(group: string, code: string, locale: Locale): string {
  return CODE_TEXTS[group]?.[code]?.[locale] ?? code;
}
