/**
 * The request field a database constraint guards, for constraints a client's input can reach. Error
 * bodies never carry database names (PRODUCT.md section 13): a violation of a constraint listed here
 * names the field path instead; any other one answers with its problem code alone.
 * One table for the whole schema, as the migrations are one folder; a new reachable constraint is a line here.
 */
const fields = new Map<string, string>(Object.entries({
  // cases (POST /cases, PATCH /cases/:id)
  cases_border_point_fkey: 'identification.borderPoint',
  cases_province_code_fkey: 'identification.province',
  // directory (POST/PATCH /agencies, /shelters)
  agencies_pkey: 'code',
  shelters_code_key: 'code',
  shelters_operator_code_fkey: 'operator',
  shelters_age_range: 'eligibility',
  shelters_occupancy_within_capacity: 'capacity',
  // users (POST/PATCH /users)
  users_username_key: 'username',
  users_agency_code_fkey: 'agency',
  users_unit_code_fkey: 'unit',
  users_shelter_id_fkey: 'shelterId',
  users_officer_has_unit: 'unit',
  users_staff_has_shelter: 'shelterId',
  users_roles_known: 'roles',
}));

export function constraintField(constraint: string | undefined): string | undefined {
  return constraint ? fields.get(constraint) : undefined;
}
