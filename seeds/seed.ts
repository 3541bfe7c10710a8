import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { AGENCIES, BORDER_POINTS, PROVINCES, SERVICE_TYPES, SHELTERS } from './reference-data';
import { DEMO_USERS } from './demo-users';
import { INDICATOR_CATALOGS } from '../libs/identification/src/screening';

/** Loads reference data. Idempotent: existing rows (and an admin's edits to them) are left alone. */
export async function seedReferenceData(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    for (const a of AGENCIES) {
      await m.query(`INSERT INTO agencies (code, name_es, name_en, kind, protection_mandate) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (code) DO NOTHING`, [a.code, a.es, a.en, a.kind, a.protectionMandate]);
    }
    for (const [code, name] of PROVINCES) {
      await m.query(`INSERT INTO provinces (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [code, name]);
    }
    for (const b of BORDER_POINTS) {
      await m.query(`INSERT INTO border_points (code, name_es, name_en, kind, province_code, agency_code)
        VALUES ($1, $2, $3, $4, $5, 'MDI') ON CONFLICT (code) DO NOTHING`, [b.code, b.es, b.en, b.kind, b.province]);
    }
    for (const s of SERVICE_TYPES) {
      await m.query(`INSERT INTO service_types (code, name_es, name_en, default_agency_code, response_hours)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`, [s.code, s.es, s.en, s.agency, s.hours]);
    }
    // Published catalog versions are immutable: a version already stored is never rewritten.
    for (const catalog of Object.values(INDICATOR_CATALOGS)) {
      await m.query(`INSERT INTO indicator_catalogs (version, catalog) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING`,
        [catalog.version, JSON.stringify(catalog)]);
    }
    for (const s of SHELTERS) {
      await m.query(`INSERT INTO shelters (code, name, operator_code, capacity, eligible_sexes, min_age, max_age,
          exploitation_forms, accompanying_children)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING`,
      [s.code, s.name, s.operator, s.capacity, s.sexes, s.minAge, s.maxAge, s.forms, s.children]);
    }
  });
}

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** Demo users (demo mode only). Existing users are left as they are, password included. */
export async function seedDemoUsers(ds: DataSource, password: string, params: Argon2Params): Promise<void> {
  const existing = new Set<string>(
    (await ds.query(`SELECT username FROM users WHERE username = ANY($1)`, [DEMO_USERS.map((u) => u.username)]))
      .map((row: { username: string }) => row.username),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.username));
  if (missing.length === 0) return;
  const passwordHash = await hash(password, { type: 2, ...params });
  await ds.transaction(async (m) => {
    for (const u of missing) {
      await m.query(`INSERT INTO users (username, display_name, password_hash, agency_code, unit_code, shelter_id, roles)
        VALUES ($1, $2, $3, $4, $5, (SELECT id FROM shelters WHERE code = $6), $7) ON CONFLICT (username) DO NOTHING`,
      [u.username, u.displayName, passwordHash, u.agency, u.unit ?? null, u.shelter ?? null, u.roles]);
    }
  });
}
