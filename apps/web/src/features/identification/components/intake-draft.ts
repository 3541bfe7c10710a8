import type { IntakeValues } from './intake-values';

/**
 * The intake kept in this browser until it is sent (PRODUCT.md section 15): it survives a reload and an
 * expired session (the app returns to sign-in and back here). One draft per user; the idempotency key
 * is part of it, so that a retry after a reload still creates one case.
 */
export interface IntakeDraft {
  values: IntakeValues;
  idempotencyKey: string;
  step: number;
  savedAt: string;
}

const key = (userId: string) => `ruta.intake.draft.${userId}`;

export function loadDraft(userId: string): IntakeDraft | null {
  try {
    const raw = localStorage.getItem(key(userId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as IntakeDraft;
    return draft && typeof draft.idempotencyKey === 'string' && draft.values?.victim ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: IntakeDraft): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify(draft));
  } catch {
    // a browser that refuses storage keeps the form for this page only
  }
}

export function removeDraft(userId: string): void {
  try {
    localStorage.removeItem(key(userId));
  } catch {
    // nothing kept, nothing to remove
  }
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
