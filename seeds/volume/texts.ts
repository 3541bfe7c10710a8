/**
 * Placeholder values of the generated cases, in plain text. Each is encrypted once per run by the
 * application's own cipher (pools.ts) and picked among in SQL, so that every *_enc column holds a real
 * ciphertext that GET /cases/:id opens. Free text says in both languages that it is simulated.
 */

export const GIVEN_NAMES_FEMALE = [
  'María José', 'Ana Lucía', 'Daniela', 'Valentina', 'Camila', 'Sofía', 'Gabriela', 'Andrea', 'Carolina', 'Paola',
  'Mariana', 'Fernanda', 'Lucía', 'Isabella', 'Natalia', 'Jessica', 'Karla', 'Yuliana', 'Luz Marina', 'Rosa Elena',
  'Diana', 'Katherine', 'Estefanía', 'Génesis', 'Yesenia', 'Dayana', 'Nathaly', 'Xiomara', 'Li Na', 'Marie-Claire',
];

export const GIVEN_NAMES_MALE = [
  'José Luis', 'Juan Carlos', 'Luis Fernando', 'Carlos Andrés', 'Jorge', 'Miguel Ángel', 'Kevin', 'Brayan', 'Andrés',
  'Diego', 'Jhon Jairo', 'Wilmer', 'Édison', 'Darwin', 'Franklin', 'Jefferson', 'Cristian', 'Ronald', 'Wei', 'Jean-Baptiste',
];

export const FAMILY_NAMES = [
  'García Pérez', 'Rodríguez Mora', 'Quiñónez Cortez', 'Martínez Vera', 'López Castillo', 'González Ruiz', 'Hernández Paz',
  'Ramírez León', 'Torres Mejía', 'Flores Cedeño', 'Vargas Salazar', 'Castro Andrade', 'Morales Zambrano', 'Ortiz Bravo',
  'Jiménez Loor', 'Suárez Macías', 'Romero Villacís', 'Cevallos Ponce', 'Chávez Yépez', 'Mendoza Alcívar', 'Guerrero Ríos',
  'Benítez Arias', 'Medina Espinoza', 'Rojas Carvajal', 'Pineda Solís', 'Acosta Valencia', 'Cabrera Montaño', 'Sánchez Tapia',
  'Delgado Intriago', 'Peña Caicedo', 'Ibarra Chalá', 'Aguirre Toapanta', 'Navarrete Vinces', 'Palacios Angulo', 'Reyes Pazmiño',
  'Cortés Bolaños', 'Zhang', 'Chen Liu', 'Pierre Joseph', 'Duarte Briceño', 'Marcano Rivas', 'Urdaneta Colmenares',
  'Quispe Mamani', 'Huamán Rojas', 'Pérez Betancourt', 'Díaz Sifontes', 'Montenegro Ayala', 'Villalba Ocampo', 'Salas Guamán',
  'Tenorio Estupiñán',
];

export const GENDER_IDENTITIES = ['mujer trans / trans woman', 'hombre trans / trans man', 'no binaria / non-binary'];

export const CONTACTS = Array.from({ length: 40 }, (_, i) => {
  const phone = `+593 99 000 ${String(1000 + i * 37).padStart(4, '0')}`;
  return i % 3 === 0 ? { phone } : { phone, address: `Dirección simulada ${i + 1} / simulated address ${i + 1}` };
});

export const PLACES = [
  'Terminal terrestre', 'Puente internacional, control migratorio', 'Sala de llegadas del aeropuerto', 'Hotel del centro',
  'Local nocturno intervenido', 'Finca agrícola', 'Mina artesanal', 'Mercado municipal', 'Plantación bananera', 'Taller textil',
  'Vivienda particular', 'Paso fronterizo informal', 'Consulado del Ecuador', 'Carretera, control policial', 'Camaronera',
].map((p) => `${p} (lugar simulado / simulated place)`);

const CIRCUMSTANCE_TEMPLATES: Record<string, [string, string][]> = {
  sexual_exploitation: [
    ['Ofrecimiento de empleo como mesera; obligada a atender clientes en un bar', 'Offered a job as a waitress; forced to serve clients in a bar'],
    ['Captada por redes sociales con promesa de modelaje', 'Recruited on social media with a modelling promise'],
    ['Retención de documentos y deuda por el viaje', 'Documents withheld and a debt for the journey'],
    ['Viajaba con un adulto que no es familiar y controlaba su teléfono', 'Travelling with an unrelated adult who controlled her phone'],
  ],
  labour_exploitation: [
    ['Jornadas de catorce horas en una finca sin pago', 'Fourteen-hour days on a farm without pay'],
    ['Trabajo en una mina con deuda impuesta por el empleador', 'Work in a mine with a debt imposed by the employer'],
    ['Servicio doméstico sin salida de la vivienda', 'Domestic work without leaving the house'],
    ['Pasaporte retenido por el contratista', 'Passport withheld by the contractor'],
  ],
  servile_marriage: [['Matrimonio arreglado por la familia a cambio de dinero', 'Marriage arranged by the family for money']],
  illegal_adoption: [['Entrega de un niño con documentos falsos', 'A child handed over with false documents']],
  begging: [['Obligado a mendigar en semáforos; entrega lo recaudado', 'Forced to beg at traffic lights; hands over the takings']],
  forced_recruitment: [['Reclutamiento por un grupo armado en la frontera norte', 'Recruitment by an armed group at the northern border']],
  organ_removal: [['Ofrecimiento de pago por un riñón', 'Offered payment for a kidney']],
  other: [['Situación de explotación por determinar', 'Exploitation still to be determined'], ['Traslado irregular con pago a un coyote', 'Irregular journey paid to a smuggler']],
};

/** Circumstances by the case's first form of exploitation ('other' for a case without one). */
export const CIRCUMSTANCES: Record<string, string[]> = Object.fromEntries(Object.entries(CIRCUMSTANCE_TEMPLATES)
  .map(([form, list]) => [form, list.map(([es, en]) => `${es} (datos simulados). / ${en} (simulated data).`)]));

export const CHILD_VIEWS = [
  'Quiere estar con su madre / wants to be with her mother', 'Acepta recibir ayuda / accepts help',
  'Tiene miedo de volver / is afraid to go back', 'Quiere estudiar / wants to study', 'Prefiere no hablar todavía / prefers not to talk yet',
];

export const GUARDIANS = [
  { name: 'Tutora simulada / simulated guardian', relationship: 'mother' }, { name: 'Tutor simulado / simulated guardian', relationship: 'father' },
  { name: 'Tía simulada / simulated aunt', relationship: 'aunt' }, { name: 'Abuela simulada / simulated grandmother', relationship: 'grandmother' },
];

const bilingual = (pairs: [string, string][]) => pairs.map(([es, en]) => `${es} / ${en}`);

export const RATIONALES = {
  submit: bilingual([
    ['Indicadores de captación y explotación tras la segunda entrevista', 'Recruitment and exploitation indicators after a second interview'],
    ['Relato coherente y documentos retenidos por un tercero', 'Consistent account; documents withheld by a third party'],
    ['Información adicional de la Fiscalía', "Further information from the Attorney General's Office"],
  ]),
  recognize: bilingual([
    ['Se cumplen los elementos de trata: captación, medios y fines', 'The elements of trafficking are met: act, means and purpose'],
    ['Persona menor de edad con explotación comprobada', 'A minor with established exploitation'],
    ['Informe psicosocial y entrevista concordantes', 'Psychosocial report and interview agree'],
  ]),
  not_recognize: bilingual([
    ['No se acreditan los fines de explotación', 'No purpose of exploitation is established'],
    ['Se trata de tráfico ilícito de migrantes, no de trata', 'Smuggling of migrants, not trafficking'],
  ]),
  request_information: bilingual([
    ['Falta la entrevista a profundidad', 'The in-depth interview is missing'],
    ['Se requiere confirmar la edad y la identidad', 'Age and identity need to be confirmed'],
  ]),
};

/** The protection plan's referrals carry the reason the decision writes (libs/case-analysis review.service). */
export const PLAN_REASON = 'Plan de protección del equipo de análisis de casos / Protection plan of the case-analysis team';

export const REFERRAL_REASONS = bilingual([
  ['Necesidad identificada en el seguimiento', 'Need identified during follow-up'], ['Solicitud de la persona', "The person's request"],
  ['Recomendación del equipo técnico', "The technical team's recommendation"],
]);
export const OVERRIDE_JUSTIFICATIONS = bilingual([['Riesgo inminente para la vida', 'Imminent risk to life'], ['Persona incapaz de consentir en este momento', 'Person unable to consent at this time']]);
export const DECLINE_REASONS = bilingual([
  ['No corresponde al perfil del servicio', "Outside the service's profile"], ['Sin disponibilidad en la zona', 'Not available in the area'],
  ['La persona no asistió', 'The person did not attend'],
]);
export const NO_PLACE_REASON = 'Sin cupo disponible en la casa de acogida / No place available in the shelter';
export const CANCEL_REASONS = bilingual([['La persona ya no lo necesita', 'The person no longer needs it'], ['Cambio de plan de protección', 'Protection plan changed']]);
export const REFERRAL_OUTCOMES = bilingual([['Atención concluida', 'Care completed'], ['Objetivos alcanzados', 'Goals achieved'], ['Derivada a otro servicio', 'Referred to another service']]);

/** The shape of the discharge request's riskAssessment (libs/referral dto RiskAssessmentDto). */
export const RISK_ASSESSMENTS = [
  { risks: 'Sin riesgos en el entorno familiar (simulado) / No risks in the family (simulated)', authoritiesContact: 'MIES local / local MIES',
    conclusion: 'Favorable / Favourable' },
  { risks: 'Riesgo bajo; seguimiento mensual (simulado) / Low risk; monthly follow-up (simulated)', authoritiesContact: 'Consulado / Consulate',
    conclusion: 'Favorable con seguimiento / Favourable with follow-up' },
];

export const VISA_NUMBERS = Array.from({ length: 200 }, (_, i) => `SIM-104-${String(i + 1).padStart(6, '0')}`);
export const VISA_DENY_REASONS = bilingual([['No cumple el artículo 104', 'Article 104 is not met'], ['Documentación inconsistente', 'Inconsistent documents']]);
export const VISA_WITHDRAW_REASONS = bilingual([['Retorno voluntario al país de origen', 'Voluntary return to the country of origin'], ['Regularizada por otra vía', 'Regularized by other means']]);

export const CHECKIN_NOTES = bilingual([
  ['Asiste a clases con regularidad', 'Attends school regularly'], ['Empleo estable', 'Stable job'], ['Vive con su familia', 'Lives with her family'],
  ['No fue posible contactarla', 'Could not be reached'], ['Requiere apoyo psicológico', 'Needs psychological support'],
]);
export const NEW_NEEDS = bilingual([['Apoyo psicológico', 'Psychological support'], ['Ayuda para vivienda', 'Housing support'], ['Inserción laboral', 'Job placement']]);

/** Document numbers: synthetic (SIM prefix), so that they never match a real document in a duplicate check. */
export const DOCUMENT_NUMBERS: Record<'passport' | 'national_id' | 'other', string[]> = {
  passport: Array.from({ length: 1000 }, (_, i) => `SIMP${String(i + 1).padStart(7, '0')}`),
  national_id: Array.from({ length: 1000 }, (_, i) => `SIMC${String(i + 1).padStart(8, '0')}`),
  other: Array.from({ length: 300 }, (_, i) => `SIMO-${String(i + 1).padStart(5, '0')}`),
};
