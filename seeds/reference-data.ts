/**
 * Reference data of PRODUCT.md section 3. Seeded once; an admin's later edits are kept. Only an agency
 * with a protection mandate may lead a case (section 2, "Separation of duties").
 */
export const AGENCIES = [
  { code: 'MDI', es: 'Ministerio del Interior', en: 'Ministry of the Interior', kind: 'ministry', protectionMandate: true },
  { code: 'MREMH', es: 'Ministerio de Relaciones Exteriores y Movilidad Humana', en: 'Ministry of Foreign Affairs and Human Mobility', kind: 'ministry', protectionMandate: true },
  { code: 'MIES', es: 'Ministerio de Inclusión Económica y Social', en: 'Ministry of Economic and Social Inclusion', kind: 'ministry', protectionMandate: true },
  { code: 'FAC', es: 'Fundación Alas de Colibrí', en: 'Alas de Colibrí Foundation', kind: 'ngo', protectionMandate: true },
  { code: 'SDH', es: 'Secretaría de Derechos Humanos', en: 'Secretariat for Human Rights', kind: 'secretariat', protectionMandate: true },
  { code: 'MSP', es: 'Ministerio de Salud Pública', en: 'Ministry of Public Health', kind: 'ministry', protectionMandate: true },
  { code: 'MINEDUC', es: 'Ministerio de Educación', en: 'Ministry of Education', kind: 'ministry', protectionMandate: true },
  { code: 'MDT', es: 'Ministerio del Trabajo', en: 'Ministry of Labour', kind: 'ministry', protectionMandate: true },
  { code: 'FGE', es: 'Fiscalía General del Estado', en: "Attorney General's Office", kind: 'judicial', protectionMandate: true },
  { code: 'DPE', es: 'Defensoría Pública del Ecuador', en: 'Public Defender Service', kind: 'judicial', protectionMandate: true },
  { code: 'MEF', es: 'Ministerio de Economía y Finanzas', en: 'Ministry of Economy and Finance', kind: 'ministry', protectionMandate: false },
  { code: 'CGE', es: 'Contraloría General del Estado', en: 'Comptroller General', kind: 'oversight', protectionMandate: false },
] as const;

/** INEC province codes. */
export const PROVINCES: [string, string][] = [
  ['01', 'Azuay'], ['02', 'Bolívar'], ['03', 'Cañar'], ['04', 'Carchi'], ['05', 'Cotopaxi'], ['06', 'Chimborazo'],
  ['07', 'El Oro'], ['08', 'Esmeraldas'], ['09', 'Guayas'], ['10', 'Imbabura'], ['11', 'Loja'], ['12', 'Los Ríos'],
  ['13', 'Manabí'], ['14', 'Morona Santiago'], ['15', 'Napo'], ['16', 'Pastaza'], ['17', 'Pichincha'],
  ['18', 'Tungurahua'], ['19', 'Zamora Chinchipe'], ['20', 'Galápagos'], ['21', 'Sucumbíos'], ['22', 'Orellana'],
  ['23', 'Santo Domingo de los Tsáchilas'], ['24', 'Santa Elena'],
];

export const BORDER_POINTS = [
  { code: 'rumichaca', es: 'Puente Internacional de Rumichaca', en: 'Rumichaca International Bridge', kind: 'land', province: '04' },
  { code: 'huaquillas', es: 'Huaquillas (CEBAF)', en: 'Huaquillas (CEBAF)', kind: 'land', province: '07' },
  { code: 'san_miguel', es: 'San Miguel', en: 'San Miguel', kind: 'land', province: '21' },
  { code: 'macara', es: 'Macará', en: 'Macará', kind: 'land', province: '11' },
  { code: 'quito_airport', es: 'Aeropuerto Internacional Mariscal Sucre (Quito)', en: 'Mariscal Sucre International Airport (Quito)', kind: 'airport', province: '17' },
  { code: 'guayaquil_airport', es: 'Aeropuerto Internacional José Joaquín de Olmedo (Guayaquil)', en: 'José Joaquín de Olmedo International Airport (Guayaquil)', kind: 'airport', province: '09' },
] as const;

export const SERVICE_TYPES: { code: string; es: string; en: string; agency: string; hours: number }[] = [
  { code: 'shelter', es: 'Acogimiento', en: 'Shelter', agency: 'MIES', hours: 24 },
  { code: 'medical_care', es: 'Atención médica', en: 'Medical care', agency: 'MSP', hours: 72 },
  { code: 'psychological_care', es: 'Atención psicológica', en: 'Psychological care', agency: 'MSP', hours: 72 },
  { code: 'psychiatric_care', es: 'Atención psiquiátrica', en: 'Psychiatric care', agency: 'MSP', hours: 72 },
  { code: 'legal_advice', es: 'Asesoría legal', en: 'Legal advice', agency: 'DPE', hours: 72 },
  { code: 'victim_witness_protection', es: 'Programa de protección a víctimas y testigos', en: 'Victim and witness protection programme', agency: 'FGE', hours: 72 },
  { code: 'education_reintegration', es: 'Reinserción educativa', en: 'Reintegration into education', agency: 'MINEDUC', hours: 72 },
  { code: 'labour_reintegration', es: 'Reinserción laboral', en: 'Reintegration into work', agency: 'MDT', hours: 72 },
  { code: 'immigration_regularization', es: 'Regularización migratoria', en: 'Immigration regularization', agency: 'MREMH', hours: 72 },
  { code: 'food_assistance', es: 'Asistencia alimentaria', en: 'Food assistance', agency: 'MIES', hours: 72 },
  { code: 'housing', es: 'Vivienda', en: 'Housing', agency: 'MIES', hours: 72 },
  { code: 'family_reintegration', es: 'Reintegración familiar', en: 'Family reintegration', agency: 'MIES', hours: 72 },
  { code: 'assisted_return', es: 'Retorno asistido', en: 'Assisted return', agency: 'MREMH', hours: 72 },
  { code: 'emergency_assistance_abroad', es: 'Asistencia de emergencia en el exterior', en: 'Emergency assistance abroad', agency: 'MREMH', hours: 24 },
];

export const SHELTERS = [
  {
    code: 'casa_linda', name: 'Casa Linda', operator: 'MIES', capacity: 30, sexes: ['female'], minAge: 0, maxAge: 17,
    forms: ['sexual_exploitation'], children: true,
  },
  {
    code: 'alas_de_colibri', name: 'Fundación Alas de Colibrí', operator: 'FAC', capacity: 30, sexes: ['female'],
    minAge: 0, maxAge: 17, forms: ['sexual_exploitation'], children: true,
  },
  {
    code: 'sdh_casa_refugio', name: 'Casa de acogida SDH (personas adultas)', operator: 'SDH', capacity: 20,
    sexes: ['female'], minAge: 18, maxAge: null,
    forms: ['sexual_exploitation', 'labour_exploitation', 'servile_marriage', 'begging', 'other'], children: true,
  },
];
