import { modifyReturning } from '@ruta/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyView, ShelterView } from './directory.types';

interface AgencyRow { code: string; name_es: string; name_en: string; kind: string; active: boolean; protection_mandate: boolean }
interface ShelterRow {
  id: string; code: string; name: string; operator_code: string; operator_es: string; operator_en: string;
  capacity: number; occupied: number; pending: number; eligible_sexes: string[]; min_age: number | null;
  max_age: number | null; exploitation_forms: string[]; accompanying_children: boolean; active: boolean; version: number;
}

const SHELTER_SELECT = `SELECT s.id, s.code, s.name, s.operator_code, a.name_es AS operator_es, a.name_en AS operator_en,
  s.capacity, s.occupied, s.pending_referrals AS pending, s.eligible_sexes, s.min_age, s.max_age, s.exploitation_forms,
  s.accompanying_children, s.active, s.version
  FROM shelters s JOIN agencies a ON a.code = s.operator_code`;

export function agencyView(row: AgencyRow): AgencyView {
  return { code: row.code, name: { es: row.name_es, en: row.name_en }, kind: row.kind, active: row.active, protectionMandate: row.protection_mandate };
}

function shelterView(row: ShelterRow): ShelterView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    operator: { code: row.operator_code, name: { es: row.operator_es, en: row.operator_en } },
    capacity: row.capacity,
    occupied: row.occupied,
    free: row.capacity - row.occupied,
    pendingReferrals: Number(row.pending),
    active: row.active,
    version: row.version,
    eligibility: {
      sexes: row.eligible_sexes,
      minAge: row.min_age,
      maxAge: row.max_age,
      exploitationForms: row.exploitation_forms,
      accompanyingChildren: row.accompanying_children,
    },
  };
}

@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async listAgencies(): Promise<AgencyView[]> {
    return (await this.ds.query(`SELECT * FROM agencies ORDER BY code`)).map(agencyView);
  }

  async findAgency(code: string, m: EntityManager = this.ds.manager): Promise<AgencyView | undefined> {
    const [row] = await m.query(`SELECT * FROM agencies WHERE code = $1`, [code]);
    return row ? agencyView(row) : undefined;
  }

  async insertAgency(m: EntityManager, a: { code: string; es: string; en: string; kind: string; protectionMandate: boolean }): Promise<void> {
    await m.query(`INSERT INTO agencies (code, name_es, name_en, kind, protection_mandate) VALUES ($1, $2, $3, $4, $5)`,
      [a.code, a.es, a.en, a.kind, a.protectionMandate]);
  }

  async updateAgency(m: EntityManager, code: string, a: { es?: string; en?: string; kind?: string; active?: boolean; protectionMandate?: boolean }): Promise<boolean> {
    const rows = await modifyReturning(m, 
      `UPDATE agencies SET name_es = COALESCE($2, name_es), name_en = COALESCE($3, name_en), kind = COALESCE($4, kind),
         active = COALESCE($5, active), protection_mandate = COALESCE($6, protection_mandate), updated_at = now()
       WHERE code = $1 RETURNING code`,
      [code, a.es ?? null, a.en ?? null, a.kind ?? null, a.active ?? null, a.protectionMandate ?? null],
    );
    return rows.length === 1;
  }

  async listShelters(m: EntityManager = this.ds.manager): Promise<ShelterView[]> {
    return (await m.query(`${SHELTER_SELECT} ORDER BY s.name`)).map(shelterView);
  }

  async findShelter(id: string, m: EntityManager = this.ds.manager): Promise<ShelterView | undefined> {
    const [row] = await m.query(`${SHELTER_SELECT} WHERE s.id = $1`, [id]);
    return row ? shelterView(row) : undefined;
  }

  async insertShelter(m: EntityManager, s: ShelterWrite & { code: string; name: string; operator: string; capacity: number }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO shelters (code, name, operator_code, capacity, eligible_sexes, min_age, max_age, exploitation_forms,
         accompanying_children)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [s.code, s.name, s.operator, s.capacity, s.sexes ?? [], s.minAge ?? null, s.maxAge ?? null, s.forms ?? [],
        s.children ?? false],
    );
    return row.id;
  }

  /** Compare-and-set on version: false when the shelter is missing or changed since it was read. */
  async updateShelter(m: EntityManager, id: string, version: number | undefined, s: ShelterWrite): Promise<'ok' | 'missing' | 'stale'> {
    const rows = await modifyReturning(m, 
      `UPDATE shelters SET
         name = COALESCE($3, name), operator_code = COALESCE($4, operator_code), capacity = COALESCE($5, capacity),
         eligible_sexes = COALESCE($6, eligible_sexes),
         min_age = CASE WHEN $7::boolean THEN $8::int ELSE min_age END,
         max_age = CASE WHEN $9::boolean THEN $10::int ELSE max_age END,
         exploitation_forms = COALESCE($11, exploitation_forms),
         accompanying_children = COALESCE($12, accompanying_children), active = COALESCE($13, active),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND ($2::int IS NULL OR version = $2::int) RETURNING id`,
      [id, version ?? null, s.name ?? null, s.operator ?? null, s.capacity ?? null, s.sexes ?? null,
        s.minAge !== undefined, s.minAge ?? null, s.maxAge !== undefined, s.maxAge ?? null, s.forms ?? null,
        s.children ?? null, s.active ?? null],
    );
    if (rows.length === 1) return 'ok';
    const [exists] = await m.query(`SELECT 1 FROM shelters WHERE id = $1`, [id]);
    return exists ? 'stale' : 'missing';
  }

  listServices() {
    return this.ds.query(`SELECT st.code, st.name_es, st.name_en, st.response_hours, a.code AS agency_code,
        a.name_es AS agency_es, a.name_en AS agency_en
      FROM service_types st JOIN agencies a ON a.code = st.default_agency_code ORDER BY st.code`);
  }

  listProvinces(): Promise<{ code: string; name: string }[]> {
    return this.ds.query(`SELECT code, name FROM provinces ORDER BY code`);
  }

  listBorderPoints() {
    return this.ds.query(`SELECT b.code, b.name_es, b.name_en, b.kind, b.province_code, b.active
      FROM border_points b ORDER BY b.code`);
  }
}

export interface ShelterWrite {
  name?: string;
  operator?: string;
  capacity?: number;
  sexes?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  forms?: string[];
  children?: boolean;
  active?: boolean;
}
