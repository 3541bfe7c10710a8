/** The role-aware navigation: each entry names the roles it is for (the API still decides access). */
export interface NavItem {
  to: string;
  label: string; // key in the common namespace
  roles: string[] | 'all';
}

export const NAVIGATION: NavItem[] = [
  { to: '/', label: 'nav.inbox', roles: 'all' },
  { to: '/intake', label: 'nav.intake', roles: ['immigration_officer'] },
  { to: '/cases', label: 'nav.cases', roles: ['immigration_officer', 'committee_member', 'service_focal_point', 'shelter_staff', 'visa_officer', 'auditor'] },
  { to: '/shelter', label: 'nav.shelter', roles: ['shelter_staff'] },
  { to: '/referrals', label: 'nav.referrals', roles: ['service_focal_point'] },
  { to: '/reports', label: 'nav.reports', roles: ['auditor', 'committee_member'] },
];

export function navigationFor(roles: string[]): NavItem[] {
  return NAVIGATION.filter((item) => item.roles === 'all' || item.roles.some((r) => roles.includes(r)));
}
