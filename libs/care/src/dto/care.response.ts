import { ApiProperty } from '@nestjs/swagger';
import { CareGoalResponse } from '@ruta/case';

export class CarePlanNoteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() area: string;
  @ApiProperty() text: string;
  @ApiProperty() confidential: boolean;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The care plan with the notes the caller may read; version 0 before the first save. */
export class CarePlanResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the lead agency plan of a case with no shelter' }) placementId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the lead agency plan of a case with no shelter' }) shelterId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [CareGoalResponse] }) goals: CareGoalResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: [CarePlanNoteResponse] }) notes: CarePlanNoteResponse[];
}

export class CarePlanVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: [CareGoalResponse] }) goals: CareGoalResponse[];
  @ApiProperty({ format: 'uuid' }) savedBy: string;
  @ApiProperty({ format: 'date-time' }) savedAt: string;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['case', 'care_plan', 'visa_request'] }) part: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partId: string | null;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() filename: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}
