import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { EXPLOITATION_FORMS, SEXES } from '../directory.types';

export class EligibilityDto {
  @ApiPropertyOptional({ enum: SEXES, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(SEXES, { each: true })
  sexes?: string[];

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(130)
  minAge?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Highest eligible age in whole years (17 = under 18)' })
  @IsOptional() @IsInt() @Min(0) @Max(130)
  maxAge?: number | null;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(EXPLOITATION_FORMS, { each: true })
  exploitationForms?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  accompanyingChildren?: boolean;
}

export class CreateShelterDto {
  @ApiProperty({ example: 'casa_linda_quito' }) @Matches(/^[a-z][a-z0-9_-]{1,40}$/)
  code: string;

  @ApiProperty() @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'Operator agency code' }) @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  operator: string;

  @ApiProperty() @IsInt() @Min(0) @Max(10000)
  capacity: number;

  @ApiProperty({ type: EligibilityDto }) @ValidateNested() @Type(() => EligibilityDto)
  eligibility: EligibilityDto;
}

export class UpdateShelterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  operator?: string;

  @ApiPropertyOptional({ description: 'Cannot go below the places occupied' }) @IsOptional() @IsInt() @Min(0) @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ type: EligibilityDto }) @IsOptional() @ValidateNested() @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;
}
