import { LocalizedText } from '@ruta/core';
import { ReferralRow } from './referral.repository';

export interface ReferralView {
  id: string;
  caseId: string;
  serviceType: string;
  shelterId: string | null;
  agency: { code: string; name: LocalizedText };
  status: string;
  /** Null once the case is pseudonymized (retention erases free text). */
  reason: string | null;
  parentReferralId: string | null;
  placementId: string | null;
  /** Why it was cancelled, when the case's closure cancelled it: `case_closed`; otherwise null. */
  cancelReason: 'case_closed' | null;
}

export function referralView(row: ReferralRow, reason: string | null): ReferralView {
  return {
    id: row.id,
    caseId: row.case_id,
    serviceType: row.service_type,
    shelterId: row.shelter_id,
    agency: { code: row.agency_code, name: { es: row.agency_es, en: row.agency_en } },
    status: row.status,
    reason,
    parentReferralId: row.parent_referral_id,
    placementId: row.placement_id,
    cancelReason: row.cancel_reason_code ?? null,
  };
}
