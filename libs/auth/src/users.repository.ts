import { Injectable } from '@nestjs/common';
import { Actor, Role, modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface UserRow {
  id: string; username: string; display_name: string; password_hash: string; agency_code: string;
  agency_es: string; agency_en: string; unit_code: string | null; shelter_id: string | null; roles: Role[];
  disabled: boolean; version: number; mfa_secret: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agency: { code: string; name: { es: string; en: string } };
  unit: string | null;
  shelterId: string | null;
  roles: Role[];
  disabled: boolean;
}

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agency: { code: row.agency_code, name: { es: row.agency_es, en: row.agency_en } },
    unit: row.unit_code,
    shelterId: row.shelter_id,
    roles: row.roles,
    disabled: row.disabled,
  };
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.password_hash, u.agency_code, a.name_es AS agency_es,
  a.name_en AS agency_en, u.unit_code, u.shelter_id, u.roles, u.disabled, u.version, u.mfa_secret
  FROM users u JOIN agencies a ON a.code = u.agency_code`;

export interface UserWrite {
  displayName?: string;
  passwordHash?: string;
  agency?: string;
  unit?: string | null;
  shelterId?: string | null;
  roles?: Role[];
  disabled?: boolean;
}

@Injectable()
export class UsersRepository {
  async findByUsername(m: EntityManager, username: string): Promise<UserRow | undefined> {
    const [row] = await m.query(`${USER_SELECT} WHERE u.username = $1`, [username.toLowerCase()]);
    return row;
  }

  async findById(m: EntityManager, id: string): Promise<UserRow | undefined> {
    const [row] = await m.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return row;
  }

  async list(m: EntityManager, afterUsername: string | undefined, limit: number): Promise<UserRow[]> {
    return m.query(`${USER_SELECT} WHERE ($1::text IS NULL OR u.username > $1) ORDER BY u.username LIMIT $2`,
      [afterUsername ?? null, limit + 1]);
  }

  /** The actor behind a live session: null when the session is revoked or expired or the user disabled. */
  async setMfaSecret(m: EntityManager, id: string, secretEnc: string): Promise<void> {
    await m.query(`UPDATE users SET mfa_secret = $2 WHERE id = $1 AND mfa_secret IS NULL`, [id, secretEnc]);
  }

  async findActorBySession(m: EntityManager, sessionId: string, userId: string): Promise<Actor | null> {
    const [row] = await m.query(
      `SELECT u.id, u.username, u.roles, u.agency_code, u.unit_code, u.shelter_id
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionId, userId],
    );
    if (!row) return null;
    return {
      id: row.id, username: row.username, roles: row.roles, agencyCode: row.agency_code, unitCode: row.unit_code,
      shelterId: row.shelter_id, sessionId,
    };
  }

  async insert(m: EntityManager, u: Required<Pick<UserWrite, 'displayName' | 'passwordHash' | 'agency' | 'roles'>> & UserWrite & { username: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO users (username, display_name, password_hash, agency_code, unit_code, shelter_id, roles)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [u.username.toLowerCase(), u.displayName, u.passwordHash, u.agency, u.unit ?? null, u.shelterId ?? null, u.roles],
    );
    return row.id;
  }

  async update(m: EntityManager, id: string, u: UserWrite): Promise<boolean> {
    const rows = await modifyReturning(m, 
      `UPDATE users SET display_name = COALESCE($2, display_name), password_hash = COALESCE($3, password_hash),
         agency_code = COALESCE($4, agency_code),
         unit_code = CASE WHEN $5::boolean THEN $6 ELSE unit_code END,
         shelter_id = CASE WHEN $7::boolean THEN $8::uuid ELSE shelter_id END,
         roles = COALESCE($9, roles), disabled = COALESCE($10, disabled), version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, u.displayName ?? null, u.passwordHash ?? null, u.agency ?? null, u.unit !== undefined, u.unit ?? null,
        u.shelterId !== undefined, u.shelterId ?? null, u.roles ?? null, u.disabled ?? null],
    );
    return rows.length === 1;
  }
}
