import { BORDER_POINTS } from '../reference-data';
import { lit } from './sql';

/**
 * Where cases are identified: border points weighted towards the northern (Colombia) and southern (Peru)
 * crossings, and the 24 provinces for cases that do not come through border control, with more at the
 * borders and in Pichincha and Guayas, and every province present.
 */
export const BORDER_WEIGHTS: [string, number][] = [
  ['rumichaca', 34], ['huaquillas', 26], ['san_miguel', 10], ['macara', 9], ['quito_airport', 13], ['guayaquil_airport', 8],
];

export const PROVINCE_WEIGHTS: [string, number][] = [
  ['04', 7], ['08', 6], ['21', 6], ['07', 7], ['11', 5], ['19', 2.5], ['17', 16], ['09', 14], ['13', 5], ['01', 3.5], ['10', 3.5],
  ['23', 3], ['12', 2.5], ['18', 2], ['06', 1.8], ['05', 1.8], ['24', 1.8], ['14', 1.5], ['15', 1.5], ['16', 1.2], ['22', 1.5],
  ['03', 1.2], ['02', 1], ['20', 0.8],
];

/** The unit (border point) whose officers work a province, for operations and complaints away from a crossing. */
const PROVINCE_UNIT: Record<string, string> = {
  '04': 'rumichaca', '08': 'rumichaca', '10': 'rumichaca', '21': 'san_miguel', '15': 'san_miguel', '22': 'san_miguel',
  '07': 'huaquillas', '01': 'huaquillas', '03': 'huaquillas', '14': 'huaquillas', '24': 'guayaquil_airport', '11': 'macara',
  '19': 'macara', '17': 'quito_airport', '05': 'quito_airport', '18': 'quito_airport', '02': 'quito_airport', '06': 'quito_airport',
  '16': 'quito_airport', '23': 'quito_airport', '09': 'guayaquil_airport', '12': 'guayaquil_airport', '13': 'guayaquil_airport',
  '20': 'guayaquil_airport',
};

const CAPITAL: Record<string, string> = {
  '01': 'Cuenca', '02': 'Guaranda', '03': 'Azogues', '04': 'Tulcán', '05': 'Latacunga', '06': 'Riobamba', '07': 'Machala',
  '08': 'Esmeraldas', '09': 'Guayaquil', '10': 'Ibarra', '11': 'Loja', '12': 'Babahoyo', '13': 'Portoviejo', '14': 'Morona',
  '15': 'Tena', '16': 'Pastaza', '17': 'Quito', '18': 'Ambato', '19': 'Zamora', '20': 'San Cristóbal', '21': 'Lago Agrio',
  '22': 'Francisco de Orellana', '23': 'Santo Domingo', '24': 'Santa Elena',
};

const BORDER_CANTON: Record<string, string> = {
  rumichaca: 'Tulcán', huaquillas: 'Huaquillas', san_miguel: 'Lago Agrio', macara: 'Macará', quito_airport: 'Quito', guayaquil_airport: 'Guayaquil',
};

const mapCase = (expr: string, map: Record<string, string>, otherwise = 'NULL') =>
  `(CASE ${expr} ${Object.entries(map).map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} ELSE ${otherwise} END)`;

export const borderProvince = (bp: string) => mapCase(bp, Object.fromEntries(BORDER_POINTS.map((b) => [b.code, b.province])));
export const provinceUnit = (province: string) => mapCase(province, PROVINCE_UNIT);
export const cantonOf = (borderPoint: string, province: string) => `coalesce(${mapCase(borderPoint, BORDER_CANTON)}, ${mapCase(province, CAPITAL)})`;

/** Nationalities seen at each kind of place (ISO 3166-1 alpha-3). */
export const NATIONALITIES = {
  north: [['VEN', 42], ['COL', 30], ['ECU', 18], ['PER', 2], ['CUB', 2], ['HTI', 1.5], ['CHN', 1], ['DOM', 1], ['BOL', 0.5], ['NPL', 0.5],
    ['IND', 0.5], ['USA', 0.5], ['ESP', 0.5]],
  south: [['VEN', 38], ['PER', 22], ['ECU', 22], ['COL', 8], ['CUB', 3], ['HTI', 2], ['CHN', 1.5], ['BOL', 1.5], ['DOM', 1], ['ARG', 0.5],
    ['ESP', 0.5]],
  inland: [['ECU', 30], ['VEN', 28], ['COL', 14], ['CUB', 8], ['CHN', 5], ['HTI', 5], ['DOM', 3], ['PER', 3], ['NPL', 1], ['IND', 1],
    ['USA', 1], ['ESP', 1]],
  abroad: [['ECU', 90], ['COL', 5], ['VEN', 5]],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

export const NORTH_PROVINCES = ['04', '08', '10', '21', '15', '22'];
export const SOUTH_PROVINCES = ['07', '11', '19'];

/** The second nationality of a dual national. */
export const secondNationality = (first: string) => `(CASE ${first} WHEN 'VEN' THEN 'COL' WHEN 'COL' THEN 'ECU' WHEN 'ECU' THEN 'COL'
  WHEN 'PER' THEN 'ECU' WHEN 'CUB' THEN 'ESP' WHEN 'HTI' THEN 'DOM' ELSE 'VEN' END)`;

/** Languages (ISO 639-3) by first nationality. */
export const languagesOf = (first: string, draw: string) => `(CASE ${first} WHEN 'CHN' THEN '{cmn}'::text[] WHEN 'HTI' THEN '{hat,fra}'::text[]
  WHEN 'NPL' THEN '{nep}'::text[] WHEN 'IND' THEN '{hin,eng}'::text[] WHEN 'USA' THEN '{eng}'::text[]
  WHEN 'ECU' THEN (CASE WHEN ${draw} < 0.08 THEN '{spa,que}'::text[] ELSE '{spa}'::text[] END) ELSE '{spa}'::text[] END)`;
