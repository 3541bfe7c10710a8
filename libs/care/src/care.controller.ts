import { Body, Controller, Get, Headers, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse, ApiProduces } from '@nestjs/swagger';
import { CASE_READERS } from '@ruta/case';
import { Actor, Allow, CurrentActor, CurrentRequest, PageQueryDto, RequestMeta, ParseIdPipe, ETAG_HEADER, ETagged, ApiPageResponse, ApiRefusals, requireIfMatch } from '@ruta/core';
import type { Response } from 'express';
import { attachmentDisposition } from './attachment-name';
import { ATTACHMENT_MAX_BYTES, AttachmentService } from './attachment.service';
import { CarePlanService } from './care-plan.service';
import { AttachmentUploadDto, CareNoteDto, CarePlanDto } from './dto/care-plan.dto';
import { AttachmentResponse, CarePlanNoteResponse, CarePlanResponse, CarePlanVersionResponse } from './dto/care.response';

@ApiTags('care')
@ApiBearerAuth()
@Controller()
export class CareController {
  constructor(private readonly plans: CarePlanService, private readonly attachments: AttachmentService) {}

  @Get('cases/:id/care-plan')
  @Allow('shelter_staff', 'service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'The care plan (shelter staff of the case\'s shelter, lead agency); ETag carries the version' })
  @ETagged()
  @ApiOkResponse({ type: CarePlanResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 422)
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.plans.get(actor, id, meta);
  }

  @Put('cases/:id/care-plan')
  @Allow('shelter_staff', 'service_focal_point', 'committee_member')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version read ("0" to create); stale: 409, missing: 428' })
  @ApiOperation({ summary: 'Save the care plan\'s goals (a new version; nothing is overwritten on a stale version)' })
  @ETagged()
  @ApiOkResponse({ type: CarePlanResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422, 428)
  put(@Param('id', ParseIdPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() dto: CarePlanDto,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.plans.put(actor, id, requireIfMatch(ifMatch), dto, meta);
  }

  @Post('cases/:id/care-plan/notes')
  @Allow('shelter_staff', 'service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Add a progress note (append-only; confidential ones only for the writing shelter and the lead agency)' })
  @ApiCreatedResponse({ type: CarePlanNoteResponse })
  @ApiRefusals(404, 409, 422)
  note(@Param('id', ParseIdPipe) id: string, @Body() dto: CareNoteDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.plans.addNote(actor, id, dto, meta);
  }

  @Get('cases/:id/care-plan/versions')
  @Allow('shelter_staff', 'service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Every saved version of the care plan' })
  @ApiPageResponse(CarePlanVersionResponse)
  @ApiRefusals(404, 422)
  versions(@Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.plans.versions(actor, id, query, meta);
  }

  @Post('cases/:id/attachments')
  @Allow('immigration_officer', 'committee_member', 'shelter_staff', 'service_focal_point', 'visa_officer')
  // Browsers send the file name's UTF-8 bytes as they are; busboy would read them as Latin-1 (`niÃ±a.png`).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, part: { type: 'string', enum: ['case', 'care_plan', 'visa_request'] } } } })
  @ApiOperation({ summary: 'Attach a PDF, JPEG or PNG (≤ 10 MB, checked by content) to the case, its care plan or its visa request' })
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiRefusals(404, 409, 422)
  upload(@Param('id', ParseIdPipe) id: string, @UploadedFile() file: { buffer: Buffer; originalname: string; size: number } | undefined, @Body() dto: AttachmentUploadDto,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.attachments.upload(actor, id, dto.part ?? 'case', file, meta);
  }

  @Get('attachments/:id')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'Download an attachment (audited)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file as uploaded (Content-Disposition: attachment)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @ApiRefusals(404)
  async download(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const file = await this.attachments.download(actor, id, meta);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.filename));
    return new StreamableFile(file.content);
  }
}
