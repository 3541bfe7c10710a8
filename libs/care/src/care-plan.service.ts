import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { CaseAccessService, CasePartsRegistry, CaseRepository, CaseRow, CaseService, CaseViewer } from '@ruta/case';
import { Actor, Clock, CommonErrorCode, FieldCipher, pageList, ProblemException, RequestMeta } from '@ruta/core';
import { TasksService, TimerRegistry, TimerService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { CareErrorCode } from './care.exception';
import { CarePlanRepository, CarePlanRow, PlanTarget } from './care-plan.repository';
import { CareNoteDto, CarePlanDto } from './dto/care-plan.dto';

export const CARE_PLAN_STALE_TIMER = 'care_plan_stale';
const STALE_AFTER_MS = 30 * 24 * 3600_000;

interface Goal { area: string; description: string; targetDate: string | null; status: string }

/**
 * Care plans (PRODUCT.md section 7): goals by area, append-only progress notes, every version kept,
 * optimistic concurrency in the database, and a care_plan_review task after 30 days without an update.
 */
@Injectable()
export class CarePlanService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: CarePlanRepository,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly parts: CasePartsRegistry,
    private readonly tasks: TasksService,
    private readonly timers: TimerService,
    private readonly registry: TimerRegistry,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(CARE_PLAN_STALE_TIMER, (m, planId, firedAt) => this.onStale(m, planId, firedAt));
    this.parts.register('carePlan', async (m, row) => {
      const active = await this.repository.activePlacement(m, row.id);
      const plan = active ? await this.repository.forPlacement(m, active.id) : await this.repository.caseLevel(m, row.id);
      if (!plan) return null;
      return {
        shelterId: plan.shelter_id, version: plan.version, goals: this.goals(plan.goals_enc),
        notes: (await this.repository.notes(m, plan.id)).map((n) => ({
          id: n.id, area: n.area, text: this.cipher.decrypt(n.text_enc), confidential: n.confidential, shelterId: n.shelter_id,
          authorId: n.author_id, createdAt: n.created_at.toISOString(),
        })),
      };
    });
  }

  async get(actor: Actor, caseId: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const target = await this.target(m, row, viewer, actor);
      const body = await this.render(m, row, target, viewer);
      await this.audit.record(m, { actor, meta, action: 'care_plan.read', subjectType: 'care_plan', subjectId: target.planId, caseId });
      return body;
    });
  }

  async put(actor: Actor, caseId: string, expected: number, dto: CarePlanDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const target = await this.target(m, row, viewer, actor);
      const now = this.clock.now();
      const goals: Goal[] = dto.goals.map((g) => ({ area: g.area, description: g.description, targetDate: g.targetDate ?? null, status: g.status }));
      const goalsEnc = this.cipher.encryptJson(goals)!;
      let planId = target.planId;
      let version: number | undefined;
      if (planId === null) {
        if (expected !== 0) throw ProblemException.conflict(CommonErrorCode.VersionConflict, { extensions: { currentVersion: 0 } });
        planId = (await this.repository.create(m, { caseId, placementId: target.placementId, shelterId: target.shelterId, goalsEnc, by: actor.id, at: now })) ?? null;
        if (planId === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
        version = 1;
      } else {
        version = await this.repository.update(m, planId, expected, goalsEnc, actor.id, now);
        if (version === undefined) throw ProblemException.conflict(CommonErrorCode.VersionConflict, { extensions: { currentVersion: target.version } });
      }
      await this.repository.addVersion(m, planId, version, goalsEnc, actor.id, now);
      await this.afterUpdate(m, row, planId, actor, now);
      await this.cases.addHistory(m, caseId, 'care_plan_saved', actor, { carePlanId: planId, version, shelterId: target.shelterId });
      await this.audit.record(m, { actor, meta, action: 'care_plan.update', subjectType: 'care_plan', subjectId: planId, caseId, changedFields: ['goals'] });
      return this.render(m, row, { ...target, planId, version }, viewer);
    });
  }

  async addNote(actor: Actor, caseId: string, dto: CareNoteDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const target = await this.target(m, row, viewer, actor);
      const now = this.clock.now();
      let planId = target.planId;
      if (planId === null) {
        const empty = this.cipher.encryptJson([])!;
        const created = await this.repository.create(m, { caseId, placementId: target.placementId, shelterId: target.shelterId, goalsEnc: empty, by: actor.id, at: now });
        if (created) await this.repository.addVersion(m, created, 1, empty, actor.id, now);
        planId = created
          ?? (target.placementId ? (await this.repository.forPlacement(m, target.placementId))!.id : (await this.repository.caseLevel(m, caseId))!.id);
      } else {
        await this.repository.touch(m, planId, now);
      }
      const id = await this.repository.addNote(m, {
        planId, caseId, area: dto.area, textEnc: this.cipher.encrypt(dto.text), confidential: dto.confidential,
        shelterId: viewer.kind === 'shelter_staff' ? viewer.shelterId : null, by: actor.id, at: now,
      });
      await this.afterUpdate(m, row, planId, actor, now);
      await this.cases.addHistory(m, caseId, 'care_note_added', actor, { carePlanId: planId, area: dto.area, confidential: dto.confidential, shelterId: target.shelterId });
      await this.audit.record(m, { actor, meta, action: 'care_plan.note', subjectType: 'care_note', subjectId: id, caseId, changedFields: ['notes'] });
      return { id, area: dto.area, text: dto.text, confidential: dto.confidential, authorId: actor.id, createdAt: now.toISOString() };
    });
  }

  async versions(actor: Actor, caseId: string, query: { limit?: number; cursor?: string }, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const target = await this.target(m, row, viewer, actor);
      const items = target.planId === null ? [] : (await this.repository.versions(m, target.planId)).map((v) => ({
        version: v.version, goals: this.goals(v.goals_enc), savedBy: v.saved_by, savedAt: v.saved_at.toISOString(),
      }));
      await this.audit.record(m, { actor, meta, action: 'care_plan.versions_read', subjectType: 'care_plan', subjectId: target.planId, caseId });
      return pageList(items, query, (v) => String(v.version));
    });
  }

  /** The plan a viewer keeps: their shelter's placement (shelter staff), the current plan (lead agency). */
  async target(m: EntityManager, row: CaseRow, viewer: CaseViewer, actor: Actor): Promise<PlanTarget> {
    let plan: CarePlanRow | undefined;
    if (viewer.kind === 'shelter_staff') {
      const placement = await this.repository.latestPlacementAt(m, row.id, viewer.shelterId);
      if (!placement) throw ProblemException.unprocessable(CareErrorCode.NotCareWriter);
      plan = await this.repository.forPlacement(m, placement.id);
      return { planId: plan?.id ?? null, placementId: placement.id, shelterId: viewer.shelterId, version: plan?.version ?? 0 };
    }
    // The lead agency acts through its focal points and its committee members (PRODUCT.md section 2).
    if ((viewer.kind === 'focal_point' && viewer.lead) || (viewer.kind === 'committee' && row.lead_agency === actor.agencyCode)) {
      const active = await this.repository.activePlacement(m, row.id);
      plan = active ? await this.repository.forPlacement(m, active.id) : await this.repository.caseLevel(m, row.id);
      return { planId: plan?.id ?? null, placementId: active?.id ?? null, shelterId: active?.shelter_id ?? null, version: plan?.version ?? 0 };
    }
    throw ProblemException.unprocessable(CareErrorCode.NotCareWriter);
  }

  private async render(m: EntityManager, row: CaseRow, target: PlanTarget, viewer: CaseViewer) {
    const plan = target.planId ? await this.repository.byId(m, target.planId) : undefined;
    const notes = plan ? await this.repository.notes(m, plan.id) : [];
    // Confidential notes: only the writing shelter's staff and the lead agency (PRODUCT.md section 2).
    const visible = notes.filter((n) => !n.confidential || viewer.kind !== 'shelter_staff' || n.shelter_id === viewer.shelterId);
    return {
      caseId: row.id, placementId: target.placementId, shelterId: target.shelterId, version: plan?.version ?? 0,
      goals: plan ? this.goals(plan.goals_enc) : [], updatedAt: plan?.updated_at.toISOString() ?? null,
      notes: visible.map((n) => ({ id: n.id, area: n.area, text: this.cipher.decrypt(n.text_enc), confidential: n.confidential, authorId: n.author_id, createdAt: n.created_at.toISOString() })),
    };
  }

  /** An update restarts the 30-day clock and completes a pending care_plan_review. */
  private async afterUpdate(m: EntityManager, row: CaseRow, planId: string, actor: Actor, now: Date): Promise<void> {
    await this.timers.schedule(m, { kind: CARE_PLAN_STALE_TIMER, subjectId: planId, fireAt: new Date(now.getTime() + STALE_AFTER_MS) });
    await this.tasks.completeOpenForCase(m, row.id, 'care_plan_review', actor);
  }

  /** Timer: not updated for 30 days -> one care_plan_review task for the plan's keeper; check again in 30 days. */
  private async onStale(m: EntityManager, planId: string, firedAt: Date): Promise<void> {
    const plan = await this.repository.byId(m, planId);
    if (!plan) return;
    const row = (await this.caseRepository.find(m, plan.case_id))!;
    // A closed case's plan is kept, not reviewed: the timer ends there.
    if (row.status === 'closed') return;
    if (firedAt.getTime() - plan.updated_at.getTime() < STALE_AFTER_MS) {
      await this.timers.schedule(m, { kind: CARE_PLAN_STALE_TIMER, subjectId: planId, fireAt: new Date(plan.updated_at.getTime() + STALE_AFTER_MS) });
      return;
    }
    if (!(await this.tasks.hasOpen(m, plan.case_id, 'care_plan_review'))) {
      await this.cases.addTask(m, {
        type: 'care_plan_review', caseId: plan.case_id, priority: row.is_minor ? 'high' : 'normal', dueAt: new Date(firedAt.getTime() + 7 * 24 * 3600_000),
        addressee: plan.shelter_id ? { role: 'shelter_staff', shelterId: plan.shelter_id } : { role: 'service_focal_point', agency: row.lead_agency },
        details: { carePlanId: planId },
      }, null, null);
    }
    await this.timers.schedule(m, { kind: CARE_PLAN_STALE_TIMER, subjectId: planId, fireAt: new Date(firedAt.getTime() + STALE_AFTER_MS) });
  }

  private goals(enc: string): Goal[] {
    return this.cipher.decryptJson<Goal[]>(enc) ?? [];
  }
}
