import { Addressee, Role } from '@ruta/core';

export const TASK_TYPES = ['complete_screening', 'child_protection_immediate', 'case_review', 'possible_duplicate',
  'referral_response', 'find_alternative', 'complaint_acknowledgement', 'care_plan_review', 'visa_decision',
  'visa_expiry', 'follow_up_checkin', 'follow_up_close', 'closure_approval', 'escalation'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ['open', 'claimed', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Who a task is for: a role at an agency, a role at a shelter (shelter staff), or a role alone (committee); see Addressee. */
export type TaskAddressee = Addressee;

export interface CreateTaskInput {
  type: TaskType;
  caseId?: string | null;
  priority?: TaskPriority;
  dueAt: Date;
  addressee: TaskAddressee;
  parentTaskId?: string | null;
  /** Non-personal context (codes, ids). */
  details?: Record<string, unknown>;
}

export interface TaskView {
  id: string;
  type: TaskType;
  caseId: string | null;
  /** The number of the task's case (RUTA-YYYY-NNNNNN), null for a task without a case. */
  caseNumber: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  addressee: { role: Role; agency: { code: string; name: { es: string; en: string } } | null; shelterId: string | null; unit: string | null };
  claimedBy: string | null;
  createdAt: string;
  details: Record<string, unknown>;
}
