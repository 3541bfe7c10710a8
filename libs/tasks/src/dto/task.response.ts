import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto } from '@ruta/core';

class TaskAddresseeResponse {
  @ApiProperty() role: string;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) agency: AgencyRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shelterId: string | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
}

/** A task of the shared queue (PRODUCT.md section 13). */
export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RUTA-2026-000123', description: 'The number of the task\'s case; null for a task without a case' }) caseNumber: string | null;
  @ApiProperty({ enum: ['open', 'claimed', 'done', 'cancelled'] }) status: string;
  @ApiProperty({ enum: ['normal', 'high', 'urgent'] }) priority: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() escalated: boolean;
  @ApiProperty({ type: TaskAddresseeResponse }) addressee: TaskAddresseeResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) claimedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the task is about (depends on its type)' }) details: Record<string, unknown>;
}
