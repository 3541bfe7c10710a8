import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto } from '@ruta/core';

/** A review (PRODUCT.md section 13). */
export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status: string;
  @ApiProperty({ type: String, nullable: true, enum: ['recognize', 'request_information', 'not_recognize'] }) decision: string | null;
  @ApiProperty({ type: [String], description: 'User ids' }) members: string[];
  @ApiProperty({ type: String, nullable: true }) rationale: string | null;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) leadAgency: AgencyRefDto | null;
  @ApiProperty({ type: [String] }) createdReferralIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) visaRequestId: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

/** A committee member who may be recorded as present at a decision. */
export class CommitteeMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
}
