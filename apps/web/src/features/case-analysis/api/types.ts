/** The shapes of PRODUCT.md section 13 this feature reads (until the contract declares responses). */
export interface LocalizedText { es: string; en: string }
export interface AgencyRef { code: string; name: LocalizedText }
export interface Agency extends AgencyRef { kind: string; active: boolean; protectionMandate: boolean }

export interface ScreeningDimension { dimension: string; positive: boolean; counted: { indicator: string; strength: string }[]; reason: string }
export interface Screening { outcome: string; catalogVersion: string; childRule: boolean; childProtectionImmediate: boolean; dimensions: ScreeningDimension[] }

export interface CaseRecord {
  id: string; caseNumber: string; status: string; traffickingStatus: string; isMinor: boolean; leadAgency: AgencyRef | null; version: number;
  victim?: {
    givenNames?: string; familyNames?: string; sex?: string; dateOfBirth?: string | null; estimatedAge?: number | null;
    nationality?: string[]; accompanyingChildren?: { count: number; ages?: number[] } | null;
  };
  identification?: { date?: string; exploitationForms?: string[]; circumstances?: string };
  consent?: { dataProcessing?: boolean; referral?: boolean };
  screening?: Screening | null;
}

export interface TimelineEntry {
  id: string; action: string; fromStatus: string | null; toStatus: string | null; at: string;
  actor: { id: string | null; roles: string[]; agency: AgencyRef | null };
}

export interface Review {
  id: string; caseId: string; status: string; decision: string | null; members: string[]; rationale: string | null;
  leadAgency: AgencyRef | null; createdReferralIds: string[]; visaRequestId: string | null; openedAt: string; decidedAt: string | null;
}

export interface CommitteeMember { id: string; displayName: string; agency: AgencyRef }

export interface ShelterEligibility { sexes: string[]; minAge: number | null; maxAge: number | null; exploitationForms: string[]; accompanyingChildren: boolean }
export interface Shelter {
  id: string; code: string; name: string; operator: AgencyRef; capacity: number; occupied: number; free: number; pendingReferrals: number;
  active?: boolean; eligibility: ShelterEligibility;
}

export interface ServiceType { code: string; name: LocalizedText; defaultAgency: AgencyRef; responseHours: number }

export interface PlanReferral { serviceType: string; shelterId?: string; agency?: string; consentOverride?: { justification: string } }
export interface DecisionRequest {
  decision: 'recognize' | 'not_recognize' | 'request_information';
  rationale: string;
  members: string[];
  leadAgency?: string;
  plan?: { referrals: PlanReferral[]; requestVisa: boolean; followUpStart?: string };
}
