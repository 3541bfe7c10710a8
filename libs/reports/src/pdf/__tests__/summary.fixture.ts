import type { Cell, ReportSeries, ReportSummary, ReportTable, SeriesUnit } from '../../report.types';

/**
 * A realistic year of figures (2025) as the reports module publishes them, in Spanish and in English:
 * small counts already shown as "<5", complementary cells as "x", statistics over fewer than 5 records as
 * "x". The numbers are invented; the shapes, labels and suppression are what the PDF must print.
 */

const K = 5;

/** Publishes a column of true counts the way the reports module does: 1..k-1 -> "<k", and one more cell
 * hidden ("x") when a single small cell could be recovered from the total. */
function publishCounts(values: number[]): { data: Cell[]; total: Cell } {
  const data: Cell[] = values.map((v) => (v > 0 && v < K ? `<${K}` : v));
  const small = data.filter((c) => c === `<${K}`).length;
  if (small === 1) {
    const candidates = values.map((v, i) => ({ v, i })).filter(({ v, i }) => typeof data[i] === 'number' && v > 0);
    const smallest = candidates.sort((a, b) => a.v - b.v)[0];
    if (smallest) data[smallest.i] = 'x';
  }
  return { data, total: values.reduce((a, b) => a + b, 0) };
}

function counts(key: string, name: string, values: number[], unit: SeriesUnit = 'cases'): ReportSeries {
  return { key, name, unit, ...publishCounts(values) };
}

/** A statistic per row, "x" where it was computed over fewer than k records. */
function statistic(key: string, name: string, unit: SeriesUnit, values: number[], records: number[]): ReportSeries {
  return { key, name, unit, data: values.map((v, i) => ((records[i] ?? 0) < K ? 'x' : v)) };
}

const MONTHS = {
  es: ['ene 2025', 'feb 2025', 'mar 2025', 'abr 2025', 'may 2025', 'jun 2025', 'jul 2025', 'ago 2025', 'sep 2025', 'oct 2025', 'nov 2025', 'dic 2025'],
  en: ['Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025', 'Jul 2025', 'Aug 2025', 'Sep 2025', 'Oct 2025', 'Nov 2025', 'Dec 2025'],
};
const MONTH_KEYS = MONTHS.es.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const CASES_BY_MONTH = [21, 18, 3, 26, 31, 24, 29, 35, 22, 27, 19, 30];

const PROVINCES: [string, string, number][] = [
  ['01', 'Azuay', 14], ['02', 'Bolívar', 2], ['03', 'Cañar', 6], ['04', 'Carchi', 19], ['05', 'Cotopaxi', 7],
  ['06', 'Chimborazo', 9], ['07', 'El Oro', 23], ['08', 'Esmeraldas', 17], ['09', 'Guayas', 35], ['10', 'Imbabura', 12],
  ['11', 'Loja', 10], ['12', 'Los Ríos', 8], ['13', 'Manabí', 15], ['14', 'Morona Santiago', 3], ['15', 'Napo', 5],
  ['16', 'Pastaza', 0], ['17', 'Pichincha', 33], ['18', 'Tungurahua', 6], ['19', 'Zamora Chinchipe', 4], ['20', 'Galápagos', 1],
  ['21', 'Sucumbíos', 22], ['22', 'Orellana', 11], ['23', 'Santo Domingo de los Tsáchilas', 13], ['24', 'Santa Elena', 10],
];

const FORMS: [string, string, string, number, number][] = [
  ['sexual_exploitation', 'Explotación sexual', 'Sexual exploitation', 187, 70],
  ['labour_exploitation', 'Explotación laboral', 'Labour exploitation', 76, 14],
  ['begging', 'Mendicidad', 'Begging', 14, 11],
  ['forced_marriage', 'Matrimonio servil', 'Servile marriage', 6, 5],
  ['forced_recruitment', 'Reclutamiento forzoso para actividades delictivas', 'Forced recruitment for criminal activities', 9, 7],
  ['child_pornography', 'Pornografía infantil', 'Child sexual abuse material', 3, 3],
  ['organ_removal', 'Extracción de órganos', 'Organ removal', 0, 0],
  ['other', 'Otras formas', 'Other forms', 5, 0],
];

const SERVICES: [string, string, string, number, number, number, number][] = [
  // key, es, en, referrals, median hours, p90 hours, median days to first care
  ['shelter', 'Acogimiento en casa de acogida', 'Shelter placement', 96, 6, 20, 1],
  ['psychological', 'Atención psicológica', 'Psychological care', 118, 19, 70, 3],
  ['medical', 'Atención médica', 'Medical care', 87, 4.5, 16, 0.5],
  ['legal', 'Asesoría jurídica', 'Legal counselling', 64, 30, 96, 5],
  ['migration', 'Regularización migratoria', 'Migration status', 23, 52, 160, 12],
  ['education', 'Reinserción educativa', 'Return to education', 4, 72, 200, 15],
  ['repatriation', 'Retorno voluntario asistido', 'Assisted voluntary return', 2, 96, 240, 21],
];

const SHELTER = {
  places: [64, 64, 64, 64, 70, 70, 70, 70, 70, 76, 76, 76],
  occupancy: [71.2, 68.5, 66.1, 74.8, 80.3, 77.6, 83.9, 88.4, 81.0, 79.2, 73.5, 85.7],
  admissions: [12, 9, 3, 14, 17, 11, 15, 19, 10, 13, 8, 16],
  minors: [4, 2, 0, 5, 6, 3, 6, 8, 3, 5, 1, 7],
};

const ORIGINS: [string, string][] = [
  ['Ipiales (Colombia)', 'Ipiales (Colombia)'], ['Tumbes (Perú)', 'Tumbes (Peru)'], ['Cúcuta (Colombia)', 'Cúcuta (Colombia)'],
  ['Caracas (Venezuela)', 'Caracas (Venezuela)'], ['Lago Agrio', 'Lago Agrio'], ['Riobamba', 'Riobamba'],
  ['Otavalo', 'Otavalo'], ['Machala', 'Machala'],
];
const DESTINATIONS: [string, string][] = [
  ['Quito', 'Quito'], ['Guayaquil', 'Guayaquil'], ['Santo Domingo', 'Santo Domingo'], ['Manta', 'Manta'],
  ['Nueva York (Estados Unidos)', 'New York (United States)'],
];
const ROUTE_CASES = [
  17, 9, 4, 3, 2, 6, 12, 1, 5, 0, 11, 7, 3, 2, 0, 8, 14, 5, 4, 1, 5, 2, 3, 0, 0, 6, 3, 1, 0, 7,
  3, 0, 1, 0, 2, 4, 9, 2, 2, 0,
];

function build(language: 'es' | 'en'): ReportSummary {
  const es = language === 'es';
  const t = (spanish: string, english: string): string => (es ? spanish : english);
  const totalCases = CASES_BY_MONTH.reduce((a, b) => a + b, 0);

  const byMonth: ReportTable = {
    name: 'by-month', title: t('Casos identificados por mes', 'Cases identified by month'), dimension: t('Mes', 'Month'),
    keys: MONTH_KEYS, labels: MONTHS[language], chart: 'line',
    series: [counts('cases', t('Casos', 'Cases'), CASES_BY_MONTH)],
    note: t('Por fecha de identificación en la hora de Ecuador.', 'By identification date in Ecuador time.'),
  };

  const byProvince: ReportTable = {
    name: 'by-province', title: t('Casos por provincia de identificación', 'Cases by province of identification'),
    dimension: t('Provincia', 'Province'), keys: PROVINCES.map(([k]) => k), labels: PROVINCES.map(([, name]) => name),
    chart: 'bar', series: [counts('cases', t('Casos', 'Cases'), PROVINCES.map(([, , n]) => n))],
  };

  const bySex: ReportTable = {
    name: 'by-sex', title: t('Casos por sexo de la víctima', 'Cases by sex of the victim'), dimension: t('Sexo', 'Sex'),
    keys: ['female', 'male', 'intersex', 'not_recorded'],
    labels: es ? ['Mujer', 'Hombre', 'Intersexual', 'No registrado'] : ['Female', 'Male', 'Intersex', 'Not recorded'],
    chart: 'bar',
    series: [
      counts('cases', t('Casos', 'Cases'), [221, 58, 2, 4]),
      counts('minors', t('Niñas, niños y adolescentes', 'Children and adolescents'), [83, 21, 0, 2]),
    ],
  };

  const byForm: ReportTable = {
    name: 'by-exploitation-form', title: t('Casos por forma de explotación', 'Cases by form of exploitation'),
    dimension: t('Forma de explotación', 'Form of exploitation'), keys: FORMS.map(([k]) => k),
    labels: FORMS.map(([, s, e]) => (es ? s : e)), chart: 'bar',
    series: [
      counts('cases', t('Casos', 'Cases'), FORMS.map(([, , , n]) => n)),
      counts('minors', t('de ellos, menores de edad', 'of which children'), FORMS.map(([, , , , m]) => m)),
    ],
    note: t('Un caso puede registrar más de una forma de explotación; la suma de las filas supera el total de casos.',
      'A case may record more than one form of exploitation; the rows add up to more than the number of cases.'),
  };

  const referrals = SERVICES.map(([, , , n]) => n);
  const referralTimes: ReportTable = {
    name: 'referral-times', title: t('Tiempos de respuesta de las derivaciones por servicio', 'Referral response times by service'),
    dimension: t('Servicio', 'Service'), keys: SERVICES.map(([k]) => k), labels: SERVICES.map(([, s, e]) => (es ? s : e)),
    chart: 'bar',
    series: [
      statistic('median_hours', t('Mediana de respuesta (horas)', 'Median response (hours)'), 'hours', SERVICES.map((s) => s[4]), referrals),
      statistic('p90_hours', t('Percentil 90 (horas)', '90th percentile (hours)'), 'hours', SERVICES.map((s) => s[5]), referrals),
      statistic('median_days', t('Mediana hasta la primera atención (días)', 'Median to first care (days)'), 'days', SERVICES.map((s) => s[6]), referrals),
      counts('referrals', t('Derivaciones', 'Referrals'), referrals, 'count'),
    ],
    note: t('Horas desde la derivación hasta su aceptación o rechazo; "x": calculado sobre menos de 5 derivaciones.',
      'Hours from referral to acceptance or refusal; "x": computed over fewer than 5 referrals.'),
  };

  const shelterOccupancy: ReportTable = {
    name: 'shelter-occupancy', title: t('Ocupación de las casas de acogida por mes', 'Shelter occupancy by month'),
    dimension: t('Mes', 'Month'), keys: MONTH_KEYS, labels: MONTHS[language], chart: 'line',
    series: [
      { key: 'occupancy', name: t('Ocupación media (%)', 'Average occupancy (%)'), unit: 'percent', data: SHELTER.occupancy },
      { key: 'places', name: t('Plazas', 'Places'), unit: 'count', data: SHELTER.places },
      counts('admissions', t('Ingresos', 'Admissions'), SHELTER.admissions, 'count'),
      counts('minors', t('Ingresos de menores de edad', 'Admissions of children'), SHELTER.minors, 'count'),
    ],
  };

  const byRoute: ReportTable = {
    name: 'by-route', title: t('Casos por ruta de traslado (origen – destino)', 'Cases by route (origin – destination)'),
    dimension: t('Ruta', 'Route'),
    keys: ORIGINS.flatMap((_, o) => DESTINATIONS.map((__, d) => `r${o}-${d}`)),
    labels: ORIGINS.flatMap(([os, oe]) => DESTINATIONS.map(([ds, de]) => (es ? `${os} – ${ds}` : `${oe} – ${de}`))),
    chart: 'bar', series: [counts('cases', t('Casos', 'Cases'), ROUTE_CASES)],
    note: t('Solo los casos con la ruta de traslado registrada.', 'Only cases with a recorded route.'),
  };

  const reviews: ReportTable = {
    name: 'reviews', title: t('Decisiones de la revisión interinstitucional', 'Inter-agency review decisions'),
    dimension: t('Decisión', 'Decision'), keys: ['confirmed', 'not_confirmed', 'more_information'],
    labels: es ? ['Víctima de trata confirmada', 'No confirmada', 'Se pidió más información'] : ['Trafficking victim confirmed', 'Not confirmed', 'More information requested'],
    chart: null,
    series: [
      counts('decisions', t('Decisiones', 'Decisions'), [231, 38, 22], 'count'),
      { key: 'days', name: t('Mediana (días)', 'Median (days)'), unit: 'days', data: [9, 12.5, null] },
    ],
  };

  return {
    title: t('Resumen estadístico de casos de trata de personas', 'Statistical summary of human trafficking cases'),
    from: '2025-01', to: '2025-12', k: K, language,
    generatedAt: '2026-01-15T14:32:00.000Z', refreshedAt: '2026-01-15T11:00:00.000Z',
    legend: es
      ? {
        primary: 'entre 1 y 4 casos: el número exacto no se publica para proteger la identidad de las víctimas.',
        complementary: 'valor suprimido para que no pueda deducirse una celda pequeña a partir del total, o estadística calculada sobre menos de 5 registros.',
      }
      : {
        primary: 'between 1 and 4 cases: the exact number is not published, to protect the victims\' identity.',
        complementary: 'value suppressed so that a small cell cannot be worked out from the total, or a statistic computed over fewer than 5 records.',
      },
    totalCases,
    reports: [byMonth, byProvince, bySex, byForm, referralTimes, shelterOccupancy, byRoute, reviews],
  };
}

export const summaryEs: ReportSummary = build('es');
export const summaryEn: ReportSummary = build('en');
