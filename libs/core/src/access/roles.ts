export const ROLES = ['immigration_officer', 'committee_member', 'shelter_staff', 'service_focal_point',
  'visa_officer', 'auditor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
