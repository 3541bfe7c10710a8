import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, Page, RequestMeta } from '@ruta/core';
import { AuditQueryService, AuditView } from './audit-query.service';
import { VerifyResult } from './chain/audit-verifier.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Allow('auditor')
  @ApiOperation({ summary: 'Audit log, newest first, filtered by actor, agency, case, action and time' })
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<Page<AuditView>> {
    return this.audit.list(query, actor, meta);
  }

  @Get('verify')
  @Allow('auditor')
  @ApiOperation({ summary: 'Verify the HMAC chain of the audit log' })
  verify(@CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<VerifyResult> {
    return this.audit.verify(actor, meta);
  }
}
