import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, Page, RequestMeta, ApiPageResponse, ApiRefusals } from '@ruta/core';
import { AuditQueryService, AuditView } from './audit-query.service';
import { VerifyResult } from './chain/audit-verifier.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntryResponse, AuditVerifyResponse } from './dto/audit.response';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Allow('auditor')
  @ApiOperation({ summary: 'Audit log, newest first, filtered by actor, agency, case, action and time' })
  @ApiPageResponse(AuditEntryResponse)
  @ApiRefusals()
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<Page<AuditView>> {
    return this.audit.list(query, actor, meta);
  }

  @Get('verify')
  @Allow('auditor')
  @ApiOperation({ summary: 'Verify the HMAC chain of the audit log' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  @ApiRefusals()
  verify(@CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<VerifyResult> {
    return this.audit.verify(actor, meta);
  }
}
