import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@ruta/core';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TASK_STATUSES, TASK_TYPES, TaskStatus, TaskType } from '../tasks.types';

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TASK_TYPES }) @IsOptional() @IsIn(TASK_TYPES)
  type?: TaskType;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}
