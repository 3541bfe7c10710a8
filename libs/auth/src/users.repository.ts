import { Injectable } from '@nestjs/common';
import { Actor, Role, modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface UserRow {
  id: string; username: string; display_name: string; password_hash: string; agency_code: string;
  agency_es: string; agency_en: string; unit_code: string | null; shelter_id: string | null; roles: Role[];
  disabled: boolean; version: number; mfa_secret: string | null;
  /** Set by an admin: a one-time password, to be replaced at the next sign-in (PRODUCT.md section 2). */
  password_change_required: boolean; password_reset_at: Date | null;
  reset_by_username: string | null; reset_by_display_name: string | null;
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
  a.name_en AS agency_en, u.unit_code, u.shelter_id, u.roles, u.disabled, u.version, u.mfa_secret,
  u.password_change_required, u.password_reset_at, r.username AS reset_by_username, r.display_name AS reset_by_display_name
  FROM users u JOIN agencies a ON a.code = u.agency_code LEFT JOIN users r ON r.id = u.password_reset_by`;

export interface UserWrite {
  displayName?: string;
  passwordHash?: string;
  /** With passwordHash: the admin who set it, making it a one-time password. */
  passwordResetBy?: string;
  passwordResetAt?: Date;
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
      `INSERT INTO users (username, display_name, password_hash, agency_code, unit_code, shelter_id, roles,
         password_change_required, password_reset_by, password_reset_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [u.username.toLowerCase(), u.displayName, u.passwordHash, u.agency, u.unit ?? null, u.shelterId ?? null, u.roles,
        u.passwordResetBy !== undefined, u.passwordResetBy ?? null, u.passwordResetAt ?? null],
    );
    return row.id;
  }

  async update(m: EntityManager, id: string, u: UserWrite): Promise<boolean> {
    const rows = await modifyReturning(m, 
      `UPDATE users SET display_name = COALESCE($2, display_name), password_hash = COALESCE($3, password_hash),
         agency_code = COALESCE($4, agency_code),
         unit_code = CASE WHEN $5::boolean THEN $6 ELSE unit_code END,
         shelter_id = CASE WHEN $7::boolean THEN $8::uuid ELSE shelter_id END,
         roles = COALESCE($9, roles), disabled = COALESCE($10, disabled),
         password_change_required = CASE WHEN $11::uuid IS NOT NULL THEN true ELSE password_change_required END,
         password_reset_by = COALESCE($11::uuid, password_reset_by), password_reset_at = COALESCE($12, password_reset_at),
         version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, u.displayName ?? null, u.passwordHash ?? null, u.agency ?? null, u.unit !== undefined, u.unit ?? null,
        u.shelterId !== undefined, u.shelterId ?? null, u.roles ?? null, u.disabled ?? null,
        u.passwordHash !== undefined ? u.passwordResetBy ?? null : null, u.passwordHash !== undefined ? u.passwordResetAt ?? null : null],
    );
    return rows.length === 1;
  }

  /**
   * The user's own choice replacing a one-time password: compare-and-set on the hash it replaces, so
   * that one challenge changes the password once.
   */
  async replaceOneTimePassword(m: EntityManager, id: string, oldHash: string, newHash: string): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE users SET password_hash = $3, password_change_required = false, version = version + 1, updated_at = now()
       WHERE id = $1 AND password_hash = $2 AND password_change_required RETURNING id`,
      [id, oldHash, newHash],
    );
    return rows.length === 1;
  }
}
