/** A task as the inbox answers it (PRODUCT.md section 13, "A task"). */
export interface Task {
  id: string;
  type: string;
  caseId: string | null;
  status: 'open' | 'claimed' | 'done' | 'cancelled';
  priority: 'urgent' | 'high' | 'normal';
  dueAt: string;
  overdue?: boolean;
  escalated: boolean;
  addressee: { role: string; agency: { code: string; name: { es: string; en: string } } | null; shelterId: string | null };
  claimedBy: string | null;
}

export interface TaskPage {
  items: Task[];
  nextCursor: string | null;
}

export interface InboxFilters {
  type?: string;
  status?: string;
}

/**
 * Task types with no underlying action, which their addressee completes directly (PRODUCT.md section 10;
 * the API's list, libs/tasks DIRECTLY_COMPLETABLE). The others are completed by doing the work.
 */
export const DIRECTLY_COMPLETABLE = ['escalation', 'complaint_acknowledgement', 'child_protection_immediate',
  'find_alternative', 'possible_duplicate', 'visa_expiry', 'complete_screening'];

export const TASK_TYPES = ['complete_screening', 'child_protection_immediate', 'case_review', 'possible_duplicate',
  'referral_response', 'find_alternative', 'complaint_acknowledgement', 'care_plan_review', 'visa_decision',
  'visa_expiry', 'follow_up_checkin', 'follow_up_close', 'closure_approval', 'escalation'];
