import type { ApiData, ApiQuery, Schema } from '../../../lib/api/types';

/** A task as the inbox answers it (PRODUCT.md section 13, "A task"), from the contract. */
export type Task = Schema<'TaskResponse'>;

export type TaskPage = ApiData<'/api/v1/tasks', 'get'>;

export type InboxFilters = Pick<ApiQuery<'/api/v1/tasks', 'get'>, 'type' | 'status'>;

type TaskType = NonNullable<InboxFilters['type']>;

/**
 * Task types with no underlying action, which their addressee completes directly (PRODUCT.md section 10;
 * the API's list, libs/tasks DIRECTLY_COMPLETABLE). The others are completed by doing the work.
 */
export const DIRECTLY_COMPLETABLE: readonly string[] = ['escalation', 'complaint_acknowledgement', 'child_protection_immediate',
  'find_alternative', 'possible_duplicate', 'visa_expiry', 'complete_screening'] satisfies TaskType[];

export const TASK_TYPES = ['complete_screening', 'child_protection_immediate', 'case_review', 'possible_duplicate',
  'referral_response', 'find_alternative', 'complaint_acknowledgement', 'care_plan_review', 'visa_decision',
  'visa_expiry', 'follow_up_checkin', 'follow_up_close', 'closure_approval', 'escalation'] as const satisfies readonly TaskType[];

/** The inbox's status filter: the queue's live states. */
export const INBOX_STATUSES = ['open', 'claimed'] as const satisfies readonly NonNullable<InboxFilters['status']>[];
