import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export const CARE_AREAS = ['social_work', 'psychology', 'legal', 'family', 'health', 'education', 'livelihood'] as const;
export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;

export class GoalDto {
  @ApiProperty({ enum: CARE_AREAS }) @IsIn(CARE_AREAS)
  area: (typeof CARE_AREAS)[number];

  @ApiProperty() @IsString() @Length(1, 2000)
  description: string;

  @ApiPropertyOptional({ example: '2027-03-01', nullable: true }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  targetDate?: string;

  @ApiProperty({ enum: GOAL_STATUSES }) @IsIn(GOAL_STATUSES)
  status: (typeof GOAL_STATUSES)[number];
}

export class CarePlanDto {
  @ApiProperty({ type: [GoalDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => GoalDto)
  goals: GoalDto[];
}

export class CareNoteDto {
  @ApiProperty({ enum: CARE_AREAS }) @IsIn(CARE_AREAS)
  area: (typeof CARE_AREAS)[number];

  @ApiProperty() @IsString() @Length(1, 10000)
  text: string;

  @ApiProperty() @IsBoolean()
  confidential: boolean;
}

export class AttachmentUploadDto {
  @ApiPropertyOptional({ enum: ['case', 'care_plan', 'visa_request'], default: 'case' }) @IsOptional() @IsIn(['case', 'care_plan', 'visa_request'])
  part?: 'case' | 'care_plan' | 'visa_request';
}
