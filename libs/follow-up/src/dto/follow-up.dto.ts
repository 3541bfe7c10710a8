import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class CheckinPlanDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) @Max(24)
  monthsAfterStart: number;

  @ApiProperty({ example: 'MSP' }) @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency: string;
}

export class FollowUpPlanDto {
  @ApiProperty({ example: '2027-01-15', description: 'Return to Ecuador, discharge or end of assistance' }) @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startDate: string;

  @ApiPropertyOptional({ type: [CheckinPlanDto], description: 'Default: +1, +3, +6, +9 and +12 months, all for the lead agency' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => CheckinPlanDto)
  checkins?: CheckinPlanDto[];
}

export class CheckinChangeDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency?: string;
}

export const CHECKIN_OUTCOMES = ['stable', 'needs_support', 'not_reached'] as const;

export class CheckinRecordDto {
  @ApiProperty({ enum: CHECKIN_OUTCOMES }) @IsIn(CHECKIN_OUTCOMES)
  outcome: (typeof CHECKIN_OUTCOMES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000)
  notes?: string;

  @ApiPropertyOptional({ description: 'New needs found (the lead agency can refer them)' }) @IsOptional() @IsString() @Length(1, 2000)
  newNeeds?: string;
}
