/** A case as the API answers it (PRODUCT.md section 13): keys the caller may not see are absent. */
export interface Localized {
  es: string;
  en: string;
}

export interface AgencyRef {
  code: string;
  name: Localized;
}

export interface DimensionExplanation {
  dimension: string;
  positive: boolean;
  counted?: { indicator: string; strength: string }[];
  unknown?: string[];
  couldBePositive?: boolean;
  reason?: Localized;
}

export interface CaseScreening {
  outcome: string;
  catalogVersion?: string;
  childRule?: boolean;
  childProtectionImmediate?: boolean;
  dimensions?: DimensionExplanation[];
  performedAt?: string;
}

export interface CaseReview {
  id: string;
  status?: string;
  decision: string | null;
  rationale?: string | null;
  members?: string[];
  leadAgency?: AgencyRef | null;
  decidedAt?: string | null;
}

export interface CaseReferral {
  id: string;
  serviceType: string;
  shelterId?: string | null;
  agency?: AgencyRef;
  status: string;
  reason?: string;
  placementId?: string | null;
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  status: string;
  traffickingStatus: string;
  isMinor: boolean;
  leadAgency: AgencyRef | null;
  version: number;
  victim?: {
    givenNames?: string;
    familyNames?: string;
    sex?: string;
    genderIdentity?: string | null;
    dateOfBirth?: string | null;
    estimatedAge?: number | null;
    nationality?: string[];
    documents?: { type: string; number: string; issuingCountry: string }[];
    languages?: string[];
    contact?: { phone?: string; address?: string } | null;
    accompanyingChildren?: { count: number; ages: number[] } | null;
  };
  ageGroup?: string | null;
  identification?: {
    date?: string;
    province?: string;
    canton?: string | null;
    place?: string | null;
    borderPoint?: string | null;
    identifyingAgency?: AgencyRef;
    unit?: string | null;
    cameToAttention?: string;
    circumstances?: string;
    exploitationForms?: string[];
    locatedAbroad?: boolean;
  };
  consent?: {
    dataProcessing?: boolean;
    referral?: boolean;
    shareWith?: string[];
    withdrawn?: boolean;
    recordedAt?: string | null;
    childView?: string | null;
    guardian?: { name: string; relationship: string } | null;
  };
  screening?: CaseScreening | null;
  reviews?: CaseReview[];
  referrals?: CaseReferral[];
  carePlan?: {
    version?: number;
    goals?: { area: string; description: string; targetDate: string | null; status: string }[];
    notes?: { id: string; area: string; text: string; confidential: boolean; createdAt: string }[];
  } | null;
  visa?: {
    status: string;
    requestedAt?: string;
    decidedAt?: string | null;
    visaNumber?: string | null;
    issuedOn?: string | null;
    expiresOn?: string | null;
  } | null;
  followUp?: {
    startDate?: string;
    checkins?: { id: string; agency: string; dueDate: string; status: string; outcome: string | null; recordedAt?: string | null }[];
  } | null;
  attachments?: { id: string; filename?: string; name?: string; contentType?: string; size?: number; createdAt?: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: { id: string | null; roles: string[]; agency: AgencyRef | null };
  at: string;
}

export interface CaseListFilters {
  status?: string;
  traffickingStatus?: string;
  isMinor?: 'true' | 'false';
  q?: string;
}

export const CASE_STATUSES = ['screening', 'identified', 'under_review', 'recognized', 'in_assistance', 'follow_up', 'closed'];
export const TRAFFICKING_STATUSES = ['possible_victim', 'presumed_victim', 'recognized_victim', 'not_a_victim'];
