import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class AuditActorResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Agency code' }) agency: string | null;
}

class AuditSubjectResponse {
  @ApiProperty({ type: String, nullable: true }) type: string | null;
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
}

export class AuditEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorResponse }) actor: AuditActorResponse;
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['success', 'denied', 'failure'] }) outcome: string;
  @ApiProperty({ type: AuditSubjectResponse }) subject: AuditSubjectResponse;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) clientAddress: string | null;
  @ApiProperty({ type: [String] }) changedFields: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Open: depends on the action' }) details: Record<string, unknown>;
}

export class AuditVerifyResponse {
  @ApiProperty() valid: boolean;
  @ApiProperty() checked: number;
  @ApiPropertyOptional({ description: 'Chain position of the first broken link' }) firstBrokenAt?: number;
}
