/** An agency as responses show it (PRODUCT.md section 13). */
export interface AgencyRef {
  code: string;
  name: { es: string; en: string };
}

/**
 * The complete internal representation of a case, as the service layer assembles it before
 * projecting it for a viewer with `projectCase` (PRODUCT.md section 2). Never send it as is.
 */
export interface FullCase {
  id: string;
  caseNumber: string;
  status: string;
  traffickingStatus: string;
  isMinor: boolean;
  leadAgency: { code: string; name: { es: string; en: string } } | null;
  version: number;
  victim: {
    givenNames: string;
    familyNames: string;
    sex: string;
    genderIdentity: string | null;
    dateOfBirth: string | null;
    estimatedAge: number | null;
    nationality: string[];
    documents: { type: string; number: string; issuingCountry: string }[];
    languages: string[];
    contact: { phone?: string; address?: string } | null;
    accompanyingChildren: { count: number; ages: number[] } | null;
  };
  /** Derived, shown only to auditors instead of the victim's identity: 0-11, 12-17, 18-29, 30-59, 60+ or null. */
  ageGroup: string | null;
  identification: {
    date: string;
    province: string;
    canton: string | null;
    place: string | null;
    borderPoint: string | null;
    identifyingAgency: AgencyRef;
    unit: string | null;
    officerId: string | null;
    cameToAttention: string;
    circumstances: string;
    exploitationForms: string[];
    locatedAbroad: boolean;
  };
  consent: {
    dataProcessing: boolean;
    referral: boolean;
    shareWith: string[];
    withdrawn: boolean;
    recordedBy: string | null;
    recordedAt: string | null;
    /** For a minor: the child's own view, and the guardian if any (PRODUCT.md section 4). */
    childView: string | null;
    guardian: { name: string; relationship: string } | null;
  };
  screening: {
    outcome: string;
    catalogVersion: string;
    childRule: boolean;
    childProtectionImmediate: boolean;
    dimensions: unknown[];
    performedAt: string;
  } | null;
  reviews: {
    id: string;
    status: string;
    decision: string | null;
    rationale: string | null;
    members: string[];
    leadAgency: AgencyRef | null;
    decidedAt: string | null;
  }[];
  referrals: {
    id: string;
    caseId: string;
    serviceType: string;
    shelterId: string | null;
    agency: AgencyRef;
    status: string;
    reason: string | null;
    parentReferralId: string | null;
    placementId: string | null;
  }[];
  carePlan: {
    shelterId: string | null;
    version: number;
    goals: { area: string; description: string; targetDate: string | null; status: string }[];
    notes: {
      id: string;
      area: string;
      text: string;
      confidential: boolean;
      shelterId: string | null;
      authorId: string;
      createdAt: string;
    }[];
  } | null;
  visa: {
    id: string;
    caseId: string;
    status: string;
    requestedAt: string;
    decidedAt: string | null;
    visaNumber: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
    reason: string | null;
    fee: { amount: 0; waived: true };
  } | null;
  followUp: {
    startDate: string;
    checkins: {
      id: string;
      agency: string;
      dueDate: string;
      status: string;
      outcome: string | null;
      notes: string | null;
      /** Needs found at the check-in, for the lead agency to act on (a new referral). */
      newNeeds: string | null;
      recordedAt: string | null;
    }[];
  } | null;
}
