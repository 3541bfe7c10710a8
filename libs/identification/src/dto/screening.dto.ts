import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ANSWERS } from '../screening';

export class ScreeningAnswerDto {
  @ApiProperty() @Matches(/^[a-z][a-z0-9_]{1,80}$/)
  indicator: string;

  @ApiProperty({ enum: ANSWERS }) @IsIn(ANSWERS)
  answer: (typeof ANSWERS)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000)
  note?: string;
}

export class ScreeningDto {
  @ApiProperty({ example: 'v1' }) @Matches(/^v[0-9]+$/)
  catalogVersion: string;

  @ApiProperty({ type: [ScreeningAnswerDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ScreeningAnswerDto)
  answers: ScreeningAnswerDto[];
}

export class EvaluateScreeningDto extends ScreeningDto {
  @ApiProperty() @IsBoolean()
  isMinor: boolean;
}

export class CatalogQueryDto {
  @ApiPropertyOptional({ example: 'v1' }) @IsOptional() @Matches(/^v[0-9]+$/)
  version?: string;
}
