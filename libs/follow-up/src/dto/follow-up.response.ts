import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A check-in; the agency, outcome and notes are left out for callers who only see statuses and dates. */
class CheckinResponse {
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ description: 'Agency code' }) agency?: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) notes?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
}

export class FollowUpPlanResponse {
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: [CheckinResponse] }) checkins: CheckinResponse[];
}
