import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '@ruta/case';
import { AgencyRefDto } from '@ruta/core';

/** A referral (PRODUCT.md section 13). */
export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() serviceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shelterId: string | null;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'completed', 'cancelled'] }) status: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentReferralId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placementId: string | null;
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
