import { Injectable } from '@nestjs/common';
import { modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface CarePlanRow {
  id: string; case_id: string; placement_id: string | null; shelter_id: string | null; version: number; goals_enc: string; updated_at: Date;
}

export interface PlanTarget {
  planId: string | null;
  placementId: string | null;
  shelterId: string | null;
  version: number;
}

@Injectable()
export class CarePlanRepository {
  /** The placement whose plan a shelter's staff keep: the latest placement of the case at their shelter. */
  async latestPlacementAt(m: EntityManager, caseId: string, shelterId: string): Promise<{ id: string; status: string } | undefined> {
    const [row] = await m.query(`SELECT id, status FROM placements WHERE case_id = $1 AND shelter_id = $2 ORDER BY admitted_at DESC LIMIT 1`, [caseId, shelterId]);
    return row;
  }

  async activePlacement(m: EntityManager, caseId: string): Promise<{ id: string; shelter_id: string } | undefined> {
    const [row] = await m.query(`SELECT id, shelter_id FROM placements WHERE case_id = $1 AND status = 'active'`, [caseId]);
    return row;
  }

  async forPlacement(m: EntityManager, placementId: string): Promise<CarePlanRow | undefined> {
    const [row] = await m.query(`SELECT * FROM care_plans WHERE placement_id = $1`, [placementId]);
    return row;
  }

  async caseLevel(m: EntityManager, caseId: string): Promise<CarePlanRow | undefined> {
    const [row] = await m.query(`SELECT * FROM care_plans WHERE case_id = $1 AND placement_id IS NULL`, [caseId]);
    return row;
  }

  async byId(m: EntityManager, id: string): Promise<CarePlanRow | undefined> {
    const [row] = await m.query(`SELECT * FROM care_plans WHERE id = $1`, [id]);
    return row;
  }

  /** First version of a plan; undefined when someone created it first (the caller's version 0 is stale). */
  async create(m: EntityManager, p: { caseId: string; placementId: string | null; shelterId: string | null; goalsEnc: string; by: string; at: Date }): Promise<string | undefined> {
    const [row] = await m.query(
      `INSERT INTO care_plans (case_id, placement_id, shelter_id, goals_enc, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`, [p.caseId, p.placementId, p.shelterId, p.goalsEnc, p.by, p.at]);
    return row?.id;
  }

  /** Compare-and-set on the version: nothing is overwritten when the caller's version is stale. */
  async update(m: EntityManager, id: string, expected: number, goalsEnc: string, by: string, at: Date): Promise<number | undefined> {
    const rows = await modifyReturning<{ version: number }>(m,
      `UPDATE care_plans SET version = version + 1, goals_enc = $3, updated_by = $4, updated_at = $5 WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expected, goalsEnc, by, at]);
    return rows[0]?.version;
  }

  async touch(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE care_plans SET updated_at = $2 WHERE id = $1`, [id, at]);
  }

  async addVersion(m: EntityManager, id: string, version: number, goalsEnc: string, by: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO care_plan_versions (care_plan_id, version, goals_enc, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)`, [id, version, goalsEnc, by, at]);
  }

  async versions(m: EntityManager, id: string): Promise<{ version: number; goals_enc: string; saved_by: string; saved_at: Date }[]> {
    return m.query(`SELECT version, goals_enc, saved_by, saved_at FROM care_plan_versions WHERE care_plan_id = $1 ORDER BY version`, [id]);
  }

  async addNote(m: EntityManager, n: { planId: string; caseId: string; area: string; textEnc: string; confidential: boolean; shelterId: string | null; by: string; at: Date }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO care_notes (care_plan_id, case_id, area, text_enc, confidential, shelter_id, author_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [n.planId, n.caseId, n.area, n.textEnc, n.confidential, n.shelterId, n.by, n.at]);
    return row.id;
  }

  async notes(m: EntityManager, planId: string): Promise<{ id: string; area: string; text_enc: string; confidential: boolean; shelter_id: string | null; author_id: string; created_at: Date }[]> {
    return m.query(`SELECT * FROM care_notes WHERE care_plan_id = $1 ORDER BY created_at, id`, [planId]);
  }
}
