import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@ruta/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_STATUSES, TRAFFICKING_STATUSES } from '../case.types';

export class CaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: TRAFFICKING_STATUSES }) @IsOptional() @IsIn(TRAFFICKING_STATUSES)
  traffickingStatus?: string;

  @ApiPropertyOptional() @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isMinor?: boolean;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  leadAgency?: string;

  @ApiPropertyOptional({ description: 'Part of the case number' }) @IsOptional() @IsString() @MaxLength(40)
  q?: string;
}
