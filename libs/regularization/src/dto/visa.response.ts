import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VisaFeeResponse } from '@ruta/case';

/** An article 104 visa request (PRODUCT.md section 13); the fee is always waived. */
export class VisaRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['requested', 'under_review', 'granted', 'denied', 'withdrawn'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) visaNumber: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiProperty({ type: VisaFeeResponse }) fee: VisaFeeResponse;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
}
