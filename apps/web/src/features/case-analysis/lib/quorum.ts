import type { CommitteeMember } from '../api/types';

/**
 * The quorum as the selection stands (PRODUCT.md section 6: at least 3 members from at least 3
 * agencies by default). Shown to guide the team; the API decides, and its own numbers (the problem's
 * `required`) replace these defaults after a refusal.
 */
export const DEFAULT_QUORUM = { members: 3, agencies: 3 };

export interface QuorumProgress {
  members: number;
  agencies: number;
  required: { members: number; agencies: number };
  met: boolean;
}

export function quorumProgress(selected: string[], all: CommitteeMember[], required = DEFAULT_QUORUM): QuorumProgress {
  const chosen = all.filter((m) => selected.includes(m.id));
  const agencies = new Set(chosen.map((m) => m.agency.code)).size;
  return { members: chosen.length, agencies, required, met: chosen.length >= required.members && agencies >= required.agencies };
}
