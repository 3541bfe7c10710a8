import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgencyRefDto } from '@ruta/core';

/*
 * A case as a viewer receives it (PRODUCT.md section 2 and 13). The field matrix
 * (access/case-fields.ts) leaves out whole keys and, for some viewers, keys inside them: every key
 * below `version` is optional, and so is every key a projection can drop.
 */

class DocumentResponse {
  @ApiProperty({ enum: ['passport', 'national_id', 'other'] }) type: string;
  @ApiProperty() number: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-3' }) issuingCountry: string;
}

class ContactResponse {
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() address?: string;
}

class AccompanyingChildrenResponse {
  @ApiProperty() count: number;
  @ApiProperty({ type: [Number] }) ages: number[];
}

class CaseVictimResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) givenNames?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) familyNames?: string | null;
  @ApiPropertyOptional() sex?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) genderIdentity?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) dateOfBirth?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) estimatedAge?: number | null;
  @ApiProperty({ type: [String], description: 'ISO 3166-1 alpha-3' }) nationality: string[];
  @ApiPropertyOptional({ type: [DocumentResponse] }) documents?: DocumentResponse[];
  @ApiPropertyOptional({ type: [String], description: 'ISO 639-3' }) languages?: string[];
  @ApiPropertyOptional({ type: ContactResponse, nullable: true }) contact?: ContactResponse | null;
  @ApiPropertyOptional({ type: AccompanyingChildrenResponse, nullable: true }) accompanyingChildren?: AccompanyingChildrenResponse | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Auditors only, instead of the identity: 0-11, 12-17, 18-29, 30-59, 60+' }) ageGroup?: string | null;
}

class CaseIdentificationResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'INEC code' }) province: string;
  @ApiProperty({ type: String, nullable: true }) canton: string | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) borderPoint: string | null;
  @ApiProperty({ type: AgencyRefDto }) identifyingAgency: AgencyRefDto;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) officerId?: string | null;
  @ApiProperty() cameToAttention: string;
  @ApiPropertyOptional({ type: String, nullable: true }) circumstances?: string | null;
  @ApiProperty({ type: [String] }) exploitationForms: string[];
  @ApiProperty() locatedAbroad: boolean;
}

class GuardianResponse {
  @ApiProperty() name: string;
  @ApiProperty() relationship: string;
}

export class CaseConsentResponse {
  @ApiProperty() dataProcessing: boolean;
  @ApiProperty() referral: boolean;
  @ApiProperty({ type: [String], description: 'Agency codes' }) shareWith: string[];
  @ApiProperty() withdrawn: boolean;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) recordedBy?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) childView?: string | null;
  @ApiPropertyOptional({ type: GuardianResponse, nullable: true }) guardian?: GuardianResponse | null;
}

export class CountedIndicatorResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: ['strong', 'medium', 'weak'] }) strength: string;
}

export class DimensionResultResponse {
  @ApiProperty() dimension: string;
  @ApiProperty() positive: boolean;
  @ApiProperty({ type: [CountedIndicatorResponse] }) counted: CountedIndicatorResponse[];
  @ApiProperty({ type: [String], description: 'Indicators answered "unknown"' }) unknown: string[];
  @ApiProperty({ description: 'Whether the unknown answers could make it positive' }) couldBePositive: boolean;
  @ApiProperty({ description: 'Explanation in the request\'s language' }) reason: string;
}

class CaseScreeningResponse {
  @ApiProperty() outcome: string;
  @ApiPropertyOptional() catalogVersion?: string;
  @ApiPropertyOptional() childRule?: boolean;
  @ApiPropertyOptional() childProtectionImmediate?: boolean;
  @ApiPropertyOptional({ type: [DimensionResultResponse] }) dimensions?: DimensionResultResponse[];
  @ApiPropertyOptional({ format: 'date-time' }) performedAt?: string;
}

class CaseReviewSummaryResponse {
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional() status?: string;
  @ApiProperty({ type: String, nullable: true }) decision: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) rationale?: string | null;
  @ApiPropertyOptional({ type: [String] }) members?: string[];
  @ApiPropertyOptional({ type: AgencyRefDto, nullable: true }) leadAgency?: AgencyRefDto | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt?: string | null;
}

class CaseReferralSummaryResponse {
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ format: 'uuid' }) caseId?: string;
  @ApiProperty() serviceType: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) shelterId?: string | null;
  @ApiPropertyOptional({ type: AgencyRefDto }) agency?: AgencyRefDto;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) parentReferralId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) placementId?: string | null;
  @ApiPropertyOptional({ type: String, enum: ['case_closed'], nullable: true, description: 'case_closed when the case closed before it was accepted' })
  cancelReason?: 'case_closed' | null;
}

export class CareGoalResponse {
  @ApiProperty() area: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate: string | null;
  @ApiProperty() status: string;
}

export class CareNoteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() area: string;
  @ApiProperty() text: string;
  @ApiProperty() confidential: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shelterId: string | null;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class CaseCarePlanResponse {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) shelterId?: string | null;
  @ApiPropertyOptional() version?: number;
  @ApiProperty({ type: [CareGoalResponse] }) goals: CareGoalResponse[];
  @ApiPropertyOptional({ type: [CareNoteResponse] }) notes?: CareNoteResponse[];
}

export class VisaFeeResponse {
  @ApiProperty({ enum: [0] }) amount: 0;
  @ApiProperty({ enum: [true] }) waived: true;
}

class CaseVisaResponse {
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ format: 'uuid' }) caseId?: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) visaNumber?: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
  @ApiPropertyOptional({ type: VisaFeeResponse }) fee?: VisaFeeResponse;
}

/** A follow-up check-in; the agency, outcome and notes are left out for callers who only see statuses and dates. */
export class CheckinResponse {
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ description: 'Agency code' }) agency?: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) notes?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'New needs found at the check-in; the lead agency may refer for them' }) newNeeds?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
}

class CaseFollowUpResponse {
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: [CheckinResponse] }) checkins: CheckinResponse[];
}

/** An action the signed-in user may take now (PRODUCT.md section 15), from the workflow maps. */
export class AvailableActionResponse {
  @ApiProperty({ enum: ['case', 'review', 'referral', 'visa_request', 'closure_request', 'checkin'], description: 'The record type whose workflow map allows it' })
  workflow: string;
  @ApiProperty({ example: 'submit_for_review' }) action: string;
  @ApiProperty({ example: 'POST /cases/:id/submit-for-review', description: 'Method and path under /api/v1; `:id` is `recordId`' }) endpoint: string;
  @ApiProperty({ format: 'uuid', description: 'The case, review, referral (placement, for discharge), visa request, closure request or check-in acted on' })
  recordId: string;
}

/** A case, with the keys the caller may not see left out. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RUTA-2026-000001' }) caseNumber: string;
  @ApiProperty() status: string;
  @ApiProperty() traffickingStatus: string;
  @ApiProperty() isMinor: boolean;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) leadAgency: AgencyRefDto | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: CaseVictimResponse }) victim?: CaseVictimResponse;
  @ApiPropertyOptional({ type: CaseIdentificationResponse }) identification?: CaseIdentificationResponse;
  @ApiPropertyOptional({ type: CaseConsentResponse }) consent?: CaseConsentResponse;
  @ApiPropertyOptional({ type: CaseScreeningResponse, nullable: true }) screening?: CaseScreeningResponse | null;
  @ApiPropertyOptional({ type: [CaseReviewSummaryResponse] }) reviews?: CaseReviewSummaryResponse[];
  @ApiPropertyOptional({ type: [CaseReferralSummaryResponse] }) referrals?: CaseReferralSummaryResponse[];
  @ApiPropertyOptional({ type: CaseCarePlanResponse, nullable: true }) carePlan?: CaseCarePlanResponse | null;
  @ApiPropertyOptional({ type: CaseVisaResponse, nullable: true }) visa?: CaseVisaResponse | null;
  @ApiPropertyOptional({ type: CaseFollowUpResponse, nullable: true }) followUp?: CaseFollowUpResponse | null;
  @ApiPropertyOptional({ type: [AvailableActionResponse], description: 'GET /cases/:id only: the actions the signed-in user may take now on this case and its records' })
  availableActions?: AvailableActionResponse[];
}

class HistoryActorResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: AgencyRefDto, nullable: true }) agency: AgencyRefDto | null;
}

const OPEN_DETAILS = { type: 'object', additionalProperties: true, description: 'What the step recorded (open: depends on the action)' } as const;

export class TimelineEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: HistoryActorResponse }) actor: HistoryActorResponse;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty(OPEN_DETAILS) details: Record<string, unknown>;
}

class ExportHistoryResponse {
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'Agency code' }) agency: string | null;
  @ApiProperty(OPEN_DETAILS) details: Record<string, unknown>;
}

/** Data-subject export: the whole case, every consent record and the history. */
export class CaseExportResponse {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: CaseResponse }) case: CaseResponse;
  @ApiProperty({ type: [CaseConsentResponse] }) consents: CaseConsentResponse[];
  @ApiProperty({ type: [ExportHistoryResponse] }) history: ExportHistoryResponse[];
}

class CaseLinkResponse {
  @ApiProperty({ format: 'uuid' }) otherCaseId: string;
  @ApiProperty() relation: string;
}

export class CaseLinksResponse {
  @ApiProperty({ type: [CaseLinkResponse] }) links: CaseLinkResponse[];
}

/** A possible duplicate; a match in a case the caller may not see says only that it exists. */
export class DuplicateMatchResponse {
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent when the caller may not see that case' }) caseId?: string;
  @ApiPropertyOptional() caseNumber?: string;
  @ApiProperty({ enum: ['document', 'name_dob'] }) match: string;
  @ApiPropertyOptional({ description: 'false: a match exists in a case the caller may not see' }) visible?: boolean;
}
