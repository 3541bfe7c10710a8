/** The shapes of PRODUCT.md section 13 this feature reads (until the contract declares responses). */
export interface LocalizedText { es: string; en: string }
export interface AgencyRef { code: string; name: LocalizedText }

export interface Referral {
  id: string; caseId: string; serviceType: string; shelterId: string | null; agency: AgencyRef; status: string;
  reason: string; parentReferralId: string | null; placementId: string | null;
}

/** A case as the list gives it, with the referrals the caller may see. */
export interface CaseItem {
  id: string; caseNumber: string; status: string; isMinor: boolean;
  victim?: { givenNames?: string; familyNames?: string };
  referrals?: Referral[];
}

export interface Shelter {
  id: string; code: string; name: string; operator: AgencyRef; capacity: number; occupied: number; free: number; pendingReferrals: number;
}

export interface ServiceType { code: string; name: LocalizedText; defaultAgency: AgencyRef; responseHours: number }

/** A referral with the case it belongs to, as the board and the list show it. */
export interface ReferralRow { referral: Referral; caseItem: CaseItem }
