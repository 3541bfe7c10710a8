import { ApiProperty } from '@nestjs/swagger';
import { CheckinResponse } from '@ruta/case';

export class FollowUpPlanResponse {
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: [CheckinResponse] }) checkins: CheckinResponse[];
}
