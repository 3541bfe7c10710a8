import { Workflow, WorkflowRule } from '@ruta/core';

/**
 * Who acts on a follow-up check-in (PRODUCT.md section 9):
 * - assigned_agency: the agency the check-in is assigned to (its focal points or committee members);
 * - lead_agency: the case's lead agency, which reschedules and reassigns, and may record any check-in;
 * - timer: the check-in's due timer (no person), which makes it fall due.
 */
export type CheckinParty = 'assigned_agency' | 'lead_agency' | 'timer';
export type CheckinStatus = 'scheduled' | 'due' | 'done';
export type CheckinAction = 'reschedule' | 'fall_due' | 'record';

const RECORD: WorkflowRule<CheckinStatus, CheckinParty> = { roles: ['assigned_agency', 'lead_agency'], to: 'done', endpoint: 'POST /follow-up/checkins/:id/record' };

/** The check-in's lifecycle as data: `status -> action -> {roles, to, endpoint}`. */
export const CHECKIN_WORKFLOW: Workflow<CheckinStatus, CheckinAction, CheckinParty> = {
  scheduled: {
    reschedule: { roles: ['lead_agency'], to: 'scheduled', endpoint: 'PATCH /follow-up/checkins/:id' },
    fall_due: { roles: ['timer'], to: 'due', endpoint: 'timer follow_up_checkin_due' },
    record: RECORD,
  },
  due: {
    record: RECORD,
  },
  done: {},
};

