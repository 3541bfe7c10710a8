/** Demo users of PRODUCT.md section 13: created only by the demo seed, never in production. */
export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  agency: string;
  unit?: string;
  shelter?: string;
}

const focal = (agency: string): DemoUser => ({
  username: `focal.${agency.toLowerCase()}`,
  displayName: `Punto focal ${agency}`,
  roles: ['service_focal_point'],
  agency,
});

const committee = (agency: string): DemoUser => ({
  username: `committee.${agency.toLowerCase()}`,
  displayName: `Equipo de análisis de casos (${agency})`,
  roles: ['committee_member'],
  agency,
});

export const DEMO_USERS: DemoUser[] = [
  { username: 'officer.rumichaca', displayName: 'Oficial de migración, Rumichaca', roles: ['immigration_officer'], agency: 'MDI', unit: 'rumichaca' },
  { username: 'officer.quito', displayName: 'Oficial de migración, Aeropuerto de Quito', roles: ['immigration_officer'], agency: 'MDI', unit: 'quito_airport' },
  committee('MDI'), committee('MIES'), committee('SDH'), committee('MREMH'),
  { username: 'staff.casalinda', displayName: 'Equipo técnico, Casa Linda', roles: ['shelter_staff'], agency: 'MIES', shelter: 'casa_linda' },
  { username: 'staff.colibri', displayName: 'Equipo técnico, Alas de Colibrí', roles: ['shelter_staff'], agency: 'FAC', shelter: 'alas_de_colibri' },
  ...['MDI', 'MIES', 'MSP', 'MINEDUC', 'MDT', 'FGE', 'DPE', 'SDH', 'MREMH'].map(focal),
  { username: 'visa.mremh', displayName: 'Dirección de Visados y Naturalización', roles: ['visa_officer'], agency: 'MREMH' },
  { username: 'auditor', displayName: 'Auditoría, Contraloría General del Estado', roles: ['auditor'], agency: 'CGE' },
  { username: 'admin', displayName: 'Administración del sistema', roles: ['admin'], agency: 'MDI' },
];
