import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { AGENCY_KINDS } from '../directory.types';

export class LocalizedNameDto {
  @ApiProperty() @IsString() @Length(1, 200) es: string;
  @ApiProperty() @IsString() @Length(1, 200) en: string;
}

export class PartialLocalizedNameDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) es?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) en?: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'MSP' })
  @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  code: string;

  @ApiProperty({ type: LocalizedNameDto })
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name: LocalizedNameDto;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: string;

  @ApiPropertyOptional({ description: 'Only an agency with a protection mandate may lead a case; false when left out', default: false })
  @IsOptional()
  @IsBoolean()
  protectionMandate?: boolean;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ type: PartialLocalizedNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartialLocalizedNameDto)
  name?: PartialLocalizedNameDto;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Only an agency with a protection mandate may lead a case' })
  @IsOptional()
  @IsBoolean()
  protectionMandate?: boolean;
}
