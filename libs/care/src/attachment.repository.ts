import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AttachmentPart = 'case' | 'care_plan' | 'visa_request';

export interface AttachmentRow {
  id: string; case_id: string; part: AttachmentPart; part_id: string | null; filename_enc: string; content_type: string; size_bytes: number;
  sha256: string; content_enc: Buffer; uploaded_by: string; uploaded_at: Date;
}

/** Attachments and the parts of a case they belong to: the only place that builds their queries. */
@Injectable()
export class AttachmentRepository {
  async insert(m: EntityManager, a: {
    caseId: string; part: AttachmentPart; partId: string | null; filenameEnc: string; contentType: string; size: number; sha256: string;
    contentEnc: Buffer; by: string;
  }): Promise<{ id: string; uploaded_at: Date }> {
    const [row] = await m.query(
      `INSERT INTO attachments (case_id, part, part_id, filename_enc, content_type, size_bytes, sha256, content_enc, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, uploaded_at`,
      [a.caseId, a.part, a.partId, a.filenameEnc, a.contentType, a.size, a.sha256, a.contentEnc, a.by]);
    return row;
  }

  async find(m: EntityManager, id: string): Promise<AttachmentRow | undefined> {
    const [row] = await m.query(`SELECT * FROM attachments WHERE id = $1`, [id]);
    return row;
  }

  /** The shelter whose staff keep a care plan (null for a case-level plan or no plan). */
  async carePlanShelter(m: EntityManager, planId: string | null): Promise<string | null> {
    const [row] = await m.query(`SELECT shelter_id FROM care_plans WHERE id = $1`, [planId]);
    return row?.shelter_id ?? null;
  }

  /** The case's latest visa request, the part a visa_request attachment belongs to. */
  async latestVisaRequestId(m: EntityManager, caseId: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT id FROM visa_requests WHERE case_id = $1 ORDER BY requested_at DESC LIMIT 1`, [caseId]);
    return row?.id;
  }
}
