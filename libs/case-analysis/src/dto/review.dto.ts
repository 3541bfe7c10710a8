import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlanReferralDto } from '@ruta/referral';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

export class ProtectionPlanDto {
  @ApiProperty({ type: [PlanReferralDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PlanReferralDto)
  referrals: PlanReferralDto[];

  @ApiProperty() @IsBoolean()
  requestVisa: boolean;

  @ApiPropertyOptional({ example: '2027-01-15' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  followUpStart?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['recognize', 'not_recognize', 'request_information'] }) @IsIn(['recognize', 'not_recognize', 'request_information'])
  decision: 'recognize' | 'not_recognize' | 'request_information';

  @ApiProperty() @IsString() @Length(1, 5000)
  rationale: string;

  @ApiProperty({ type: [String], description: 'User ids of the committee members present' })
  @IsArray() @ArrayUnique() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  members: string[];

  @ApiPropertyOptional({ description: 'Agency code (recognize only)' }) @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  leadAgency?: string;

  @ApiPropertyOptional({ type: ProtectionPlanDto }) @IsOptional() @ValidateNested() @Type(() => ProtectionPlanDto)
  plan?: ProtectionPlanDto;
}

export class LeadAgencyDto {
  @ApiProperty() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency: string;

  @ApiProperty() @IsString() @Length(1, 2000)
  reason: string;
}
