import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { CaseAccessService, CaseRow, CaseViewer } from '@ruta/case';
import { Actor, FieldCipher, ProblemException, RequestMeta } from '@ruta/core';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { attachmentName } from './attachment-name';
import { AttachmentPart, AttachmentRepository } from './attachment.repository';
import { CareErrorCode } from './care.exception';
import { CarePlanService } from './care-plan.service';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Map([['application/pdf', 'pdf'], ['image/jpeg', 'jpg'], ['image/png', 'png']]);
type Part = AttachmentPart;

/** Which viewers see each part of a case, and so its attachments (PRODUCT.md sections 2 and 7). */
function seesPart(viewer: CaseViewer, part: Part, partShelterId: string | null): boolean {
  switch (part) {
    case 'case': return ['officer', 'committee', 'focal_point', 'shelter_staff'].includes(viewer.kind);
    case 'care_plan': return (viewer.kind === 'focal_point' && viewer.lead) || (viewer.kind === 'shelter_staff' && viewer.shelterId === partShelterId);
    case 'visa_request': return viewer.kind === 'committee' || viewer.kind === 'visa_officer' || (viewer.kind === 'focal_point' && viewer.lead);
  }
}

/**
 * Attachments: PDF, JPEG or PNG up to 10 MB, the type read from the content (not the name or the header
 * the client sent), encrypted at rest, visible to whoever sees the part they belong to; downloads audited.
 */
@Injectable()
export class AttachmentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: AttachmentRepository,
    private readonly access: CaseAccessService,
    private readonly carePlans: CarePlanService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  async upload(actor: Actor, caseId: string, part: Part, file: { buffer: Buffer; originalname: string; size: number } | undefined, meta: RequestMeta) {
    if (!file) throw ProblemException.badRequest(CareErrorCode.FileRequired, { errors: [{ path: 'file', message: 'required' }] });
    if (file.size > ATTACHMENT_MAX_BYTES) throw new ProblemException(413, CareErrorCode.AttachmentTooLarge);
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ALLOWED.has(detected.mime)) {
      throw ProblemException.unprocessable(CareErrorCode.UnsupportedAttachment, { extensions: { detected: detected?.mime ?? null } });
    }
    const filename = attachmentName(file.originalname, detected.mime);
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const { partId, shelterId } = await this.resolvePart(m, row, part, viewer, actor);
      if (!seesPart(viewer, part, shelterId)) throw ProblemException.unprocessable(CareErrorCode.PartNotAllowed, { errors: [{ path: 'part', message: `not allowed for this case part: ${part}` }] });
      const saved = await this.repository.insert(m, {
        caseId: row.id, part, partId, filenameEnc: this.cipher.encrypt(filename), contentType: detected.mime, size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'), contentEnc: this.cipher.encryptBytes(file.buffer), by: actor.id,
      });
      await this.audit.record(m, { actor, meta, action: 'attachment.upload', subjectType: 'attachment', subjectId: saved.id, caseId, details: { part, contentType: detected.mime, size: file.size } });
      return { id: saved.id, caseId, part, partId, contentType: detected.mime, size: file.size, filename, uploadedAt: saved.uploaded_at.toISOString() };
    });
  }

  async download(actor: Actor, id: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const a = await this.repository.find(m, id);
      if (!a) throw ProblemException.notFound(CareErrorCode.AttachmentNotFound);
      const { viewer } = await this.access.requireCaseAccess(m, actor, a.case_id, meta, false, CareErrorCode.AttachmentNotFound);
      const shelterId = a.part === 'care_plan' ? await this.repository.carePlanShelter(m, a.part_id) : null;
      if (!seesPart(viewer, a.part, shelterId)) throw ProblemException.notFound(CareErrorCode.AttachmentNotFound);
      await this.audit.record(m, { actor, meta, action: 'attachment.download', subjectType: 'attachment', subjectId: id, caseId: a.case_id });
      // Names stored before issue 9 were not cleaned: the served name is always made safe again.
      const contentType = a.content_type;
      return { contentType, filename: attachmentName(this.cipher.decrypt(a.filename_enc), contentType), content: this.cipher.decryptBytes(a.content_enc) };
    });
  }

  private async resolvePart(m: EntityManager, row: CaseRow, part: Part, viewer: CaseViewer, actor: Actor): Promise<{ partId: string | null; shelterId: string | null }> {
    if (part === 'case') return { partId: null, shelterId: null };
    if (part === 'care_plan') {
      const target = await this.carePlans.target(m, row, viewer, actor);
      if (!target.planId) throw ProblemException.unprocessable(CareErrorCode.AttachmentPartNotFound, { errors: [{ path: 'part', message: 'the case has no care plan yet' }] });
      return { partId: target.planId, shelterId: target.shelterId };
    }
    const visaId = await this.repository.latestVisaRequestId(m, row.id);
    if (!visaId) throw ProblemException.unprocessable(CareErrorCode.AttachmentPartNotFound, { errors: [{ path: 'part', message: 'the case has no visa request' }] });
    return { partId: visaId, shelterId: null };
  }
}
