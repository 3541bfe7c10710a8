import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseResponse, DimensionResultResponse, DuplicateMatchResponse } from '@ruta/case';
import { LocalizedTextDto } from '@ruta/core';
import { SCREENING_OUTCOMES } from '../screening/screening.types';

/** A screening result (PRODUCT.md section 13). */
export class ScreeningResultResponse {
  @ApiProperty({ enum: SCREENING_OUTCOMES }) outcome: string;
  @ApiProperty() catalogVersion: string;
  @ApiProperty() childRule: boolean;
  @ApiProperty() childProtectionImmediate: boolean;
  @ApiProperty({ type: [DimensionResultResponse] }) dimensions: DimensionResultResponse[];
}

/** Intake: the case as the officer sees it, with its possible duplicates. */
export class IntakeResponse extends CaseResponse {
  @ApiProperty({ type: [DuplicateMatchResponse] }) duplicates: DuplicateMatchResponse[];
}

export class DuplicatesCheckResponse {
  @ApiProperty({ type: [DuplicateMatchResponse] }) matches: DuplicateMatchResponse[];
}

class DimensionThresholdResponse {
  @ApiPropertyOptional() strong?: number;
  @ApiPropertyOptional() mediumOrWeak?: number;
  @ApiPropertyOptional() medium?: number;
  @ApiPropertyOptional() weak?: number;
}

class CatalogRulesResponse {
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'Combinations of positive dimensions for adults' }) adultRule: string[][];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'Combinations of positive dimensions for children' }) childRule: string[][];
  @ApiProperty({ type: [DimensionThresholdResponse], description: 'Alternative thresholds for a dimension to be positive' }) dimensionThresholds: DimensionThresholdResponse[];
  @ApiProperty() childProtectionDimension: string;
}

class IndicatorStrengthResponse {
  @ApiProperty({ enum: ['strong', 'medium', 'weak'] }) adult: string;
  @ApiProperty({ enum: ['strong', 'medium', 'weak'] }) child: string;
}

class IndicatorResponse {
  @ApiProperty() code: string;
  @ApiProperty() dimension: string;
  @ApiProperty({ type: IndicatorStrengthResponse }) strength: IndicatorStrengthResponse;
  @ApiProperty({ type: [String] }) exploitationForms: string[];
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
}

export class IndicatorCatalogResponse {
  @ApiProperty() version: string;
  @ApiProperty({ type: [String] }) dimensions: string[];
  @ApiProperty({ type: CatalogRulesResponse }) rules: CatalogRulesResponse;
  @ApiProperty({ type: [IndicatorResponse] }) indicators: IndicatorResponse[];
}
