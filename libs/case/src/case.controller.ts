import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, PageQueryDto, RequestMeta, ParseIdPipe, ApiRefusals, ApiPageResponse, ETAG_HEADER, ETagged, requireIfMatch } from '@ruta/core';
import type { Response } from 'express';
import { CaseRecordService } from './case-record.service';
import { CaseService } from './case.service';
import { CaseQueryDto } from './dto/case-query.dto';
import { CaseLinkDto, CasePatchDto, ComplaintDto, ConsentChangeDto } from './dto/victim.dto';
import { CaseExportResponse, CaseLinksResponse, CaseResponse, TimelineEntryResponse } from './dto/case.response';

/** Every role that may read some part of a case (admins never read case content). */
export const CASE_READERS = ['immigration_officer', 'committee_member', 'shelter_staff', 'service_focal_point', 'visa_officer', 'auditor'] as const;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseController {
  constructor(private readonly cases: CaseService, private readonly records: CaseRecordService) {}

  @Get()
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'Cases the caller may see, with the keys their role may see' })
  @ApiPageResponse(CaseResponse)
  @ApiRefusals()
  list(@Query() query: CaseQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.cases.list(actor, query, meta);
  }

  @Get(':id')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'One case (404 when the caller may not see it); ETag carries the version' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.cases.get(actor, id, meta);
  }

  @Patch(':id')
  @Allow('immigration_officer', 'committee_member', 'service_focal_point')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version read (ETag); stale: 409, missing: 428' })
  @ApiOperation({ summary: 'Change victim and identification fields' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422, 428)
  patch(
    @Param('id', ParseIdPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() dto: CasePatchDto,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta,
  ) {
    return this.records.patch(actor, id, requireIfMatch(ifMatch), dto, meta);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @Allow('immigration_officer', 'committee_member', 'service_focal_point')
  @ApiOperation({ summary: 'Change or withdraw consent (recorded, never erased)' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  consent(@Param('id', ParseIdPipe) id: string, @Body() dto: ConsentChangeDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.records.changeConsent(actor, id, dto, meta);
  }

  @Post(':id/complaint')
  @HttpCode(200)
  @Allow('immigration_officer', 'committee_member', 'service_focal_point')
  @ApiOperation({ summary: 'Record the criminal complaint to FGE (acknowledgement task to FGE)' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  complaint(@Param('id', ParseIdPipe) id: string, @Body() dto: ComplaintDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.records.complaint(actor, id, dto, meta);
  }

  @Get(':id/export')
  @Allow('committee_member')
  @ApiOperation({ summary: 'Data-subject export of the whole record (audited)' })
  @ApiOkResponse({ type: CaseExportResponse, description: 'JSON, served as an attachment (Content-Disposition)' })
  @ApiRefusals(404)
  async export(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const body = await this.cases.export(actor, id, meta);
    res.setHeader('Content-Disposition', `attachment; filename="${body.case.caseNumber as string}.json"`);
    return body;
  }

  @Get(':id/timeline')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'The case history (pseudonymized for auditors)' })
  @ApiPageResponse(TimelineEntryResponse)
  @ApiRefusals(404)
  timeline(@Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.cases.timeline(actor, id, query, meta);
  }

  @Post(':id/links')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Link confirmed duplicates' })
  @ApiOkResponse({ type: CaseLinksResponse })
  @ApiRefusals(404, 409, 422)
  link(@Param('id', ParseIdPipe) id: string, @Body() dto: CaseLinkDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.records.link(actor, id, dto, meta);
  }
}
