import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, RequestMeta, ParseIdPipe, ApiPageResponse, ApiRefusals } from '@ruta/core';
import { GrantVisaDto, VisaQueryDto, VisaReasonDto } from './dto/visa.dto';
import { VisaService } from './visa.service';
import { VisaRequestResponse } from './dto/visa.response';

@ApiTags('regularization')
@ApiBearerAuth()
@Controller()
export class VisaController {
  constructor(private readonly visas: VisaService) {}

  @Post('cases/:id/visa-requests')
  @Allow('committee_member')
  @ApiOperation({ summary: 'File an article 104 request (committee member of MDI; recognized, non-Ecuadorian victim; no fee)' })
  @ApiCreatedResponse({ type: VisaRequestResponse })
  @ApiRefusals(404, 409, 422)
  file(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.file(actor, id, meta);
  }

  @Get('visa-requests')
  @Allow('visa_officer', 'committee_member')
  @ApiOperation({ summary: 'Article 104 requests, newest first (filter by status)' })
  @ApiPageResponse(VisaRequestResponse)
  @ApiRefusals()
  list(@Query() query: VisaQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.list(actor, query, meta);
  }

  @Post('visa-requests/:id/claim')
  @HttpCode(200)
  @Allow('visa_officer')
  @ApiOperation({ summary: 'Take up the request (under_review) and its visa_decision task' })
  @ApiOkResponse({ type: VisaRequestResponse })
  @ApiRefusals(404, 409)
  claim(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.claim(actor, id, meta);
  }

  @Post('visa-requests/:id/grant')
  @HttpCode(200)
  @Allow('visa_officer')
  @ApiOperation({ summary: 'Grant: visa number, issue date, expiry (default issue date + 2 years)' })
  @ApiOkResponse({ type: VisaRequestResponse })
  @ApiRefusals(404, 409, 422)
  grant(@Param('id', ParseIdPipe) id: string, @Body() dto: GrantVisaDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.grant(actor, id, dto, meta);
  }

  @Post('visa-requests/:id/deny')
  @HttpCode(200)
  @Allow('visa_officer')
  @ApiOperation({ summary: 'Deny with a reason' })
  @ApiOkResponse({ type: VisaRequestResponse })
  @ApiRefusals(404, 409, 422)
  deny(@Param('id', ParseIdPipe) id: string, @Body() dto: VisaReasonDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.deny(actor, id, dto.reason, meta);
  }

  @Post('visa-requests/:id/withdraw')
  @HttpCode(200)
  @Allow('committee_member', 'service_focal_point')
  @ApiOperation({ summary: 'Withdraw with a reason (MDI committee member or the lead agency)' })
  @ApiOkResponse({ type: VisaRequestResponse })
  @ApiRefusals(404, 409, 422)
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() dto: VisaReasonDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.visas.withdraw(actor, id, dto.reason, meta);
  }
}
