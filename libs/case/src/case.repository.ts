import { Injectable } from '@nestjs/common';
import { Actor, modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { visibleCasesSql } from './access/case-policy';
import { CaseStatus } from './case.types';

export interface CaseRow {
  id: string; case_number: string; status: CaseStatus; trafficking_status: string; status_decided_by: string;
  lead_agency: string | null; lead_es: string | null; lead_en: string | null; version: number; is_minor: boolean;
  age_group: string | null; sent_to_review_at: Date | null; closure_reason: string | null; status_before_closure: string | null;
  given_names_enc: string; family_names_enc: string; sex: string; gender_identity_enc: string | null;
  date_of_birth_enc: string | null; estimated_age: number | null; nationality: string[]; languages: string[];
  contact_enc: string | null; accompanying_children_count: number; accompanying_children_ages: number[];
  identification_date: string; province_code: string; canton: string | null; place_enc: string | null;
  border_point: string | null; identifying_agency: string; identifying_unit: string | null; identifying_officer: string | null;
  came_to_attention: string; circumstances_enc: string; exploitation_forms: string[]; located_abroad: boolean;
  complaint_notified_on: string | null; created_at: Date; updated_at: Date;
}

export interface NewCaseRow {
  /** Year of the identification date: the case number is RUTA-<year>-<six-digit sequence>. */
  caseYear: string; status: CaseStatus; traffickingStatus: string; isMinor: boolean; ageGroup: string | null;
  sentToReviewAt: Date | null; givenNamesEnc: string; familyNamesEnc: string; sex: string; genderIdentityEnc: string | null;
  dateOfBirthEnc: string | null; estimatedAge: number | null; nationality: string[]; languages: string[];
  contactEnc: string | null; childrenCount: number; childrenAges: number[]; nameDobHash: string | null;
  identificationDate: string; province: string; canton: string | null; placeEnc: string | null; borderPoint: string | null;
  identifyingAgency: string; identifyingUnit: string | null; identifyingOfficer: string; cameToAttention: string;
  circumstancesEnc: string; exploitationForms: string[]; locatedAbroad: boolean;
}

export interface HistoryEntry {
  caseId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor: Actor | null;
  at: Date;
  clientTxId?: string | null;
  details?: Record<string, unknown>;
}

const CASE_SELECT = `SELECT c.*, c.identification_date::text AS identification_date, c.complaint_notified_on::text AS complaint_notified_on,
  a.name_es AS lead_es, a.name_en AS lead_en FROM cases c LEFT JOIN agencies a ON a.code = c.lead_agency`;

export interface CasePrefetch {
  documents: Map<string, { type: string; number_enc: string; issuing_country: string }[]>;
  consents: Map<string, Awaited<ReturnType<CaseRepository['latestConsent']>>>;
  screenings: Map<string, Awaited<ReturnType<CaseRepository['latestScreening']>>>;
  stakes: Map<string, { role: string; agency_code: string | null; shelter_id: string | null }[]>;
}

export interface CaseListFilter {
  status?: string;
  traffickingStatus?: string;
  isMinor?: boolean;
  leadAgency?: string;
  q?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

interface DocumentRow {
  type: string; numberEnc: string; numberHash: string; issuingCountry: string;
}

@Injectable()
export class CaseRepository {
  async insert(m: EntityManager, c: NewCaseRow): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO cases (case_number, status, trafficking_status, status_decided_by, is_minor, age_group, sent_to_review_at,
         given_names_enc, family_names_enc, sex, gender_identity_enc, date_of_birth_enc, estimated_age, nationality, languages,
         contact_enc, accompanying_children_count, accompanying_children_ages, name_dob_hash, identification_date,
         province_code, canton, place_enc, border_point, identifying_agency, identifying_unit, identifying_officer,
         came_to_attention, circumstances_enc, exploitation_forms, located_abroad)
       VALUES ('RUTA-' || $1::text || '-' || (SELECT lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('case_number_seq') n), $2, $3, 'screening', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
         $22, $23, $24, $25, $26, $27, $28, $29, $30) RETURNING id`,
      [c.caseYear, c.status, c.traffickingStatus, c.isMinor, c.ageGroup, c.sentToReviewAt, c.givenNamesEnc, c.familyNamesEnc,
        c.sex, c.genderIdentityEnc, c.dateOfBirthEnc, c.estimatedAge, c.nationality, c.languages, c.contactEnc, c.childrenCount,
        c.childrenAges, c.nameDobHash, c.identificationDate, c.province, c.canton, c.placeEnc, c.borderPoint,
        c.identifyingAgency, c.identifyingUnit, c.identifyingOfficer, c.cameToAttention, c.circumstancesEnc,
        c.exploitationForms, c.locatedAbroad],
    );
    return row.id;
  }

  async find(m: EntityManager, id: string, lock = false): Promise<CaseRow | undefined> {
    const [row] = await m.query(`${CASE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`, [id]);
    return row;
  }

  async findVisible(m: EntityManager, id: string, actor: Actor): Promise<CaseRow | undefined> {
    const [row] = await m.query(
      `${CASE_SELECT} WHERE c.id = $1 AND ${visibleCasesSql('c', { roles: '$2::text[]', unit: '$3', agency: '$4', shelter: '$5' })}`,
      [id, actor.roles, actor.unitCode, actor.agencyCode, actor.shelterId],
    );
    return row;
  }

  async list(m: EntityManager, actor: Actor, f: CaseListFilter): Promise<CaseRow[]> {
    const params: unknown[] = [actor.roles, actor.unitCode, actor.agencyCode, actor.shelterId];
    const where = [visibleCasesSql('c', { roles: '$1::text[]', unit: '$2', agency: '$3', shelter: '$4' })];
    const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
    if (f.status) add('c.status = ?', f.status);
    if (f.traffickingStatus) add('c.trafficking_status = ?', f.traffickingStatus);
    if (f.isMinor !== undefined) add('c.is_minor = ?', f.isMinor);
    if (f.leadAgency) add('c.lead_agency = ?', f.leadAgency);
    if (f.q) add('c.case_number ILIKE ?', `%${f.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
    if (f.after) {
      params.push(f.after.createdAt, f.after.id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(f.limit + 1);
    return m.query(`${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`, params);
  }

  /** Compare-and-set on the version: the row count says whether the caller's version was current. */
  async update(m: EntityManager, id: string, expectedVersion: number | null, set: Record<string, unknown>): Promise<number | null> {
    const columns = Object.keys(set);
    const params: unknown[] = [id, ...columns.map((c) => set[c])];
    const assignments = columns.map((c, i) => `${c} = $${i + 2}`);
    let versionCheck = '';
    if (expectedVersion !== null) {
      params.push(expectedVersion);
      versionCheck = ` AND version = $${params.length}`;
    }
    const rows = await modifyReturning<{ version: number }>(m,
      `UPDATE cases SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1${versionCheck} RETURNING version`, params);
    return rows[0]?.version ?? null;
  }

  async documents(m: EntityManager, caseId: string): Promise<{ type: string; number_enc: string; issuing_country: string }[]> {
    return m.query(`SELECT type, number_enc, issuing_country FROM case_documents WHERE case_id = $1 ORDER BY position`, [caseId]);
  }

  async replaceDocuments(m: EntityManager, caseId: string, docs: DocumentRow[]): Promise<void> {
    await m.query(`DELETE FROM case_documents WHERE case_id = $1`, [caseId]);
    await this.insertDocuments(m, caseId, docs);
  }

  /** A new case's documents, in one statement. */
  async insertDocuments(m: EntityManager, caseId: string, docs: DocumentRow[]): Promise<void> {
    if (docs.length === 0) return;
    await m.query(`INSERT INTO case_documents (case_id, type, number_enc, number_hash, issuing_country, position)
      SELECT $1, d.type, d.number_enc, d.number_hash, d.issuing_country, d.position - 1
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS d(type, number_enc, number_hash, issuing_country, position)`,
    [caseId, docs.map((d) => d.type), docs.map((d) => d.numberEnc), docs.map((d) => d.numberHash), docs.map((d) => d.issuingCountry)]);
  }

  async insertConsent(m: EntityManager, caseId: string, c: {
    dataProcessing: boolean; referral: boolean; shareWith: string[]; withdrawn: boolean; childViewEnc?: string | null; guardianEnc?: string | null;
  }, by: string): Promise<void> {
    await m.query(`INSERT INTO case_consents (case_id, data_processing, referral, share_with, withdrawn, recorded_by, child_view_enc, guardian_enc)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [caseId, c.dataProcessing, c.referral, c.shareWith, c.withdrawn, by, c.childViewEnc ?? null, c.guardianEnc ?? null]);
  }

  /** Documents, latest consent and latest screening of many cases at once (a page of a list). */
  async prefetch(m: EntityManager, ids: string[]): Promise<CasePrefetch> {
    const documents = new Map<string, { type: string; number_enc: string; issuing_country: string }[]>();
    for (const d of await m.query(`SELECT case_id, type, number_enc, issuing_country FROM case_documents WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, position`, [ids])) {
      documents.set(d.case_id, [...(documents.get(d.case_id) ?? []), d]);
    }
    const consents = new Map((await m.query(`SELECT DISTINCT ON (case_id) case_id, data_processing, referral, share_with, withdrawn, recorded_by, recorded_at,
        child_view_enc, guardian_enc FROM case_consents WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, id DESC`, [ids])).map((c: { case_id: string }) => [c.case_id, c]));
    const screenings = new Map((await m.query(`SELECT DISTINCT ON (case_id) case_id, result, outcome, catalog_version, performed_at FROM case_screenings
        WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, performed_at DESC, id`, [ids])).map((s: { case_id: string }) => [s.case_id, s]));
    const stakes = new Map<string, { role: string; agency_code: string | null; shelter_id: string | null }[]>();
    for (const s of await m.query(`SELECT DISTINCT case_id, role, agency_code, shelter_id FROM case_stakes WHERE case_id = ANY($1::uuid[])`, [ids])) {
      stakes.set(s.case_id, [...(stakes.get(s.case_id) ?? []), s]);
    }
    return { documents, consents, screenings, stakes } as CasePrefetch;
  }

  async consentHistory(m: EntityManager, caseId: string) {
    return m.query(`SELECT data_processing, referral, share_with, withdrawn, recorded_by, recorded_at, child_view_enc, guardian_enc
      FROM case_consents WHERE case_id = $1 ORDER BY id`, [caseId]) as Promise<{
      data_processing: boolean; referral: boolean; share_with: string[]; withdrawn: boolean; recorded_by: string | null; recorded_at: Date;
      child_view_enc: string | null; guardian_enc: string | null;
    }[]>;
  }

  async latestConsent(m: EntityManager, caseId: string) {
    const [row] = await m.query(`SELECT data_processing, referral, share_with, withdrawn, recorded_by, recorded_at, child_view_enc, guardian_enc FROM case_consents
      WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, [caseId]);
    return row as {
      data_processing: boolean; referral: boolean; share_with: string[]; withdrawn: boolean; recorded_by: string | null; recorded_at: Date;
      child_view_enc: string | null; guardian_enc: string | null;
    } | undefined;
  }

  async insertScreening(m: EntityManager, s: { caseId: string; catalogVersion: string; isMinor: boolean; answersEnc: string; result: unknown; outcome: string; by: string }): Promise<void> {
    await m.query(`INSERT INTO case_screenings (case_id, catalog_version, is_minor, answers_enc, result, outcome, performed_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`, [s.caseId, s.catalogVersion, s.isMinor, s.answersEnc, JSON.stringify(s.result), s.outcome, s.by]);
  }

  async latestScreening(m: EntityManager, caseId: string) {
    const [row] = await m.query(`SELECT result, outcome, catalog_version, performed_at FROM case_screenings WHERE case_id = $1
      ORDER BY performed_at DESC, id LIMIT 1`, [caseId]);
    return row as { result: Record<string, unknown>; outcome: string; catalog_version: string; performed_at: Date } | undefined;
  }

  async insertHistory(m: EntityManager, h: HistoryEntry): Promise<void> {
    await m.query(
      `INSERT INTO case_history (case_id, action, from_status, to_status, actor_id, actor_roles, actor_agency, occurred_at, client_tx_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [h.caseId, h.action, h.fromStatus ?? null, h.toStatus ?? null, h.actor?.id ?? null, h.actor?.roles ?? [],
        h.actor?.agencyCode ?? null, h.at, h.clientTxId ?? null, JSON.stringify(h.details ?? {})],
    );
  }

  async history(m: EntityManager, caseId: string, afterId: string, limit: number): Promise<{
    id: string; action: string; from_status: string | null; to_status: string | null; actor_id: string | null; actor_roles: string[];
    actor_agency: string | null; occurred_at: Date; details: Record<string, unknown>;
  }[]> {
    return m.query(`SELECT id::text AS id, action, from_status, to_status, actor_id, actor_roles, actor_agency, occurred_at, details
      FROM case_history WHERE case_id = $1 AND case_history.id > $2::bigint ORDER BY case_history.id LIMIT $3`, [caseId, afterId, limit]);
  }

  async addStake(m: EntityManager, s: { caseId: string; role: string; agency?: string | null; shelterId?: string | null; reason: string }): Promise<void> {
    await m.query(
      `INSERT INTO case_stakes (case_id, role, agency_code, shelter_id, reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [s.caseId, s.role, s.agency ?? null, s.shelterId ?? null, s.reason],
    );
  }

  async stakesOf(m: EntityManager, caseId: string): Promise<{ role: string; agency_code: string | null; shelter_id: string | null }[]> {
    return m.query(`SELECT DISTINCT role, agency_code, shelter_id FROM case_stakes WHERE case_id = $1`, [caseId]);
  }

  /** Cases sharing a document number (by keyed hash), then cases sharing names and date of birth; each case once. */
  async findDuplicateCandidates(m: EntityManager, documentHashes: string[], nameDobHash: string | null): Promise<{ id: string; case_number: string; match: 'document' | 'name_dob' }[]> {
    if (documentHashes.length === 0 && !nameDobHash) return [];
    return m.query(
      `SELECT id, case_number, match FROM (
         SELECT DISTINCT ON (id) id, case_number, match, o FROM (
           SELECT c.id, c.case_number, 'document' AS match, 0 AS o FROM case_documents d JOIN cases c ON c.id = d.case_id WHERE d.number_hash = ANY($1::text[])
           UNION ALL
           SELECT id, case_number, 'name_dob', 1 FROM cases WHERE $2::text IS NOT NULL AND name_dob_hash = $2::text
         ) x ORDER BY id, o
       ) y ORDER BY o, id`,
      [documentHashes, nameDobHash],
    );
  }

  async link(m: EntityManager, a: string, b: string, relation: string, by: string): Promise<void> {
    await m.query(`INSERT INTO case_links (case_id, other_case_id, relation, created_by) VALUES ($1, $2, $3, $4), ($2, $1, $3, $4)
      ON CONFLICT DO NOTHING`, [a, b, relation, by]);
  }

  async links(m: EntityManager, caseId: string): Promise<{ other_case_id: string; relation: string }[]> {
    return m.query(`SELECT other_case_id, relation FROM case_links WHERE case_id = $1`, [caseId]);
  }
}
