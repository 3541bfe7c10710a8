import { DIRECTLY_COMPLETABLE, type Task } from './task.types';

const DAY_MS = 24 * 3600 * 1000;

/** PRODUCT.md section 15: overdue (due time passed) and due within 24 hours are marked. */
export function dueMark(task: Pick<Task, 'dueAt' | 'status'> & Partial<Pick<Task, 'overdue'>>, now: number): 'overdue' | 'dueSoon' | null {
  if (task.status === 'done' || task.status === 'cancelled') return null;
  const due = Date.parse(task.dueAt);
  if (task.overdue || due <= now) return 'overdue';
  return due - now <= DAY_MS ? 'dueSoon' : null;
}

/** Where a task's work is done (a screen path), and which label names it; null when it has no screen. */
export function workLink(task: Pick<Task, 'type' | 'caseId'>, roles: string[]): { to: string; label: string } | null {
  if (task.type === 'case_review' && task.caseId) return { to: `/cases/${task.caseId}/review`, label: 'work.review' };
  if (task.type === 'referral_response') {
    return roles.includes('shelter_staff') ? { to: '/shelter', label: 'work.shelter' } : { to: '/referrals', label: 'work.referrals' };
  }
  if (task.caseId) return { to: `/cases/${task.caseId}`, label: 'work.case' };
  return null;
}

/** The actions the API would accept now (it still decides, and its refusal is shown). */
export function taskActions(task: Pick<Task, 'type' | 'status' | 'claimedBy'>, userId: string): { claim: boolean; release: boolean; complete: boolean } {
  const mine = task.status === 'claimed' && task.claimedBy === userId;
  return {
    claim: task.status === 'open',
    release: mine,
    complete: DIRECTLY_COMPLETABLE.includes(task.type) && (task.status === 'open' || mine),
  };
}
