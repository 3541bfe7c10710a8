import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '@ruta/case';
import { AgencyRefDto, FailedRuleDto } from '@ruta/core';
import { ShelterResponse } from '@ruta/directory';

/** A referral (PRODUCT.md section 13). */
export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() serviceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shelterId: string | null;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once the case is pseudonymized (retention erases free text)' }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentReferralId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placementId: string | null;
  @ApiProperty({ type: String, enum: ['case_closed'], nullable: true, description: 'Why it was cancelled: case_closed when the case closed before it was accepted; otherwise null' })
  cancelReason: 'case_closed' | null;
}

export class PlacementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) shelterId: string;
  @ApiProperty() status: string;
  @ApiProperty() reason: string;
}

/**
 * A referral in GET /referrals: the referral of section 13 and what a board shows without another request.
 * Nothing about the person beyond the case's keys every viewer of the case receives (section 2).
 */
export class ReferralListItemResponse extends ReferralResponse {
  @ApiProperty({ example: 'RUTA-2026-000123' }) caseNumber: string;
  @ApiProperty({ enum: CASE_STATUSES }) caseStatus: string;
  @ApiProperty() isMinor: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Shelter referrals: when the person was admitted' }) admittedAt: string | null;
}

/**
 * A shelter as GET /shelters shows it, with the case's eligibility for it (PRODUCT.md section 7): the
 * same check that refuses a shelter referral, so that a client shows it and never decides it.
 */
export class CaseShelterResponse extends ShelterResponse {
  @ApiProperty({ description: 'The case\'s person meets every eligibility rule of the shelter (and the shelter is active)' }) eligible: boolean;
  @ApiProperty({ type: [FailedRuleDto], description: 'The rules the person does not meet; empty when eligible' }) failedRules: FailedRuleDto[];
}
