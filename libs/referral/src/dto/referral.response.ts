import { ApiProperty } from '@nestjs/swagger';
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
