import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto } from '@ruta/core';

export class ClosureRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ type: AgencyRefDto }) requestingAgency: AgencyRefDto;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) decidingAgency: AgencyRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}
