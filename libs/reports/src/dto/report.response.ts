import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_NAMES } from '../report.types';

const CELL = {
  nullable: true,
  oneOf: [{ type: 'number' }, { type: 'string', description: '"<k" (1 to k-1) or "x" (withheld)' }],
};

export class ReportSeriesResponse {
  @ApiProperty({ example: 'cases' }) key: string;
  @ApiProperty({ example: 'Casos' }) name: string;
  @ApiProperty({ enum: ['cases', 'count', 'days', 'hours', 'percent'] }) unit: string;
  @ApiProperty({ type: 'array', items: CELL, description: 'One value per label' }) data: (number | string | null)[];
  @ApiPropertyOptional({ ...CELL, description: 'The column total, where the column adds up' }) total?: number | string | null;
}

export class ReportTableResponse {
  @ApiProperty({ enum: REPORT_NAMES }) name: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'What the rows are' }) dimension: string;
  @ApiProperty({ type: [String], description: 'Stable row keys (codes)' }) keys: string[];
  @ApiProperty({ type: [String], description: 'Row labels in the request\'s language' }) labels: string[];
  @ApiProperty({ type: [ReportSeriesResponse] }) series: ReportSeriesResponse[];
  @ApiProperty({ type: String, nullable: true, enum: ['bar', 'line'] }) chart: string | null;
  @ApiPropertyOptional() note?: string;
}

class ReportLegendResponse {
  @ApiProperty({ description: 'What "<k" means (the marker itself is not part of the text)' }) primary: string;
  @ApiProperty({ description: 'What "x" means (the marker itself is not part of the text)' }) complementary: string;
}

export class ReportSummaryResponse {
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-06' }) to: string;
  @ApiProperty({ example: 5, description: 'Counts from 1 to k-1 are shown as "<k"' }) k: number;
  @ApiProperty({ enum: ['es', 'en'] }) language: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the worker last refreshed the summaries' }) refreshedAt: string | null;
  @ApiProperty({ type: ReportLegendResponse }) legend: ReportLegendResponse;
  @ApiProperty({ ...CELL, description: 'Cases identified in the period' }) totalCases: number | string | null;
  @ApiProperty({ type: [ReportTableResponse] }) reports: ReportTableResponse[];
}
