import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@ruta/core';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const VISA_STATUSES = ['requested', 'under_review', 'granted', 'denied', 'withdrawn'] as const;

/** No fee field exists: the article 104 application is free (PRODUCT.md section 8). */
export class GrantVisaDto {
  @ApiProperty({ example: 'V104-2026-000123' }) @IsString() @Length(1, 60)
  visaNumber: string;

  @ApiProperty({ example: '2026-12-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/)
  issuedOn: string;

  @ApiPropertyOptional({ example: '2028-12-01', description: 'Default: issue date + 2 years' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  expiresOn?: string;
}

export class VisaReasonDto {
  @ApiProperty() @IsString() @Length(1, 2000)
  reason: string;
}

export class VisaQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VISA_STATUSES }) @IsOptional() @IsIn(VISA_STATUSES)
  status?: (typeof VISA_STATUSES)[number];
}
