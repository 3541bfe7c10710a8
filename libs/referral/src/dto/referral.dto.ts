import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@ruta/core';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class ConsentOverrideDto {
  @ApiProperty() @IsString() @Length(10, 2000)
  justification: string;
}

export class PlanReferralDto {
  @ApiProperty({ example: 'shelter' }) @Matches(/^[a-z][a-z_]{1,40}$/)
  serviceType: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  shelterId?: string;

  @ApiPropertyOptional({ description: 'Agency code; defaults to the service\'s provider' }) @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency?: string;

  @ApiPropertyOptional({ type: ConsentOverrideDto }) @IsOptional() @ValidateNested() @Type(() => ConsentOverrideDto)
  consentOverride?: ConsentOverrideDto;
}

export class CreateReferralDto extends PlanReferralDto {
  @ApiProperty() @IsString() @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ description: 'The accepted referral this one continues (onward referral)' }) @IsOptional() @IsUUID()
  parentReferralId?: string;
}

export class AcceptReferralDto {
  @ApiPropertyOptional({ description: 'Shelters: children admitted with the person (recorded, not counted against capacity)' })
  @IsOptional() @IsInt() @Min(0) @Max(20)
  accompanyingChildren?: number;
}

export class ReasonDto {
  @ApiProperty() @IsString() @Length(1, 2000)
  reason: string;
}

export const DECLINE_REASON_CODES = ['no_capacity', 'not_eligible', 'victim_declined', 'outside_mandate', 'other'] as const;

export class DeclineReferralDto extends ReasonDto {
  @ApiPropertyOptional({ enum: DECLINE_REASON_CODES, description: 'Why, as a code the reports count (the reason text stays private)' })
  @IsOptional() @IsIn(DECLINE_REASON_CODES)
  reasonCode?: (typeof DECLINE_REASON_CODES)[number];
}

export class CompleteReferralDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000)
  outcome?: string;
}

export class RiskAssessmentDto {
  @ApiProperty() @IsString() @Length(1, 4000) risks: string;
  @ApiProperty() @IsString() @Length(1, 4000) authoritiesContact: string;
  @ApiProperty() @IsString() @Length(1, 4000) conclusion: string;
}

export const DISCHARGE_REASONS = ['family_reintegration', 'transferred', 'returned_to_origin_country', 'left_voluntarily', 'absconded', 'came_of_age', 'other'] as const;

export class DischargeDto {
  @ApiProperty({ enum: DISCHARGE_REASONS }) @IsIn(DISCHARGE_REASONS)
  reason: (typeof DISCHARGE_REASONS)[number];

  @ApiPropertyOptional({ type: RiskAssessmentDto }) @IsOptional() @ValidateNested() @Type(() => RiskAssessmentDto)
  riskAssessment?: RiskAssessmentDto;
}

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'completed'] as const;

/** GET /referrals: the referrals addressed to the caller, pending first and then newest. */
export class ReferralListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: [String], enum: REFERRAL_STATUSES, description: 'One or several statuses (repeat the parameter: status=pending&status=accepted)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray() @ArrayMaxSize(REFERRAL_STATUSES.length) @IsIn(REFERRAL_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this case\'s referrals' }) @IsOptional() @IsUUID()
  caseId?: string;
}
