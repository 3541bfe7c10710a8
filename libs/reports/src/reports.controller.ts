import { Controller, Get, Headers, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Allow, ApiProblems, ApiRefusals, CurrentActor, CurrentRequest, pickLocale, RequestMeta } from '@ruta/core';
import { ReportQueryDto } from './dto/report-query.dto';
import { ReportSummaryResponse } from './dto/report.response';
import { REPORT_NAMES, ReportSummary } from './report.types';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Allow('auditor', 'committee_member')
  @ApiOperation({ summary: 'Every report for whole months by identification date, small cells suppressed; labels follow Accept-Language' })
  @ApiOkResponse({ type: ReportSummaryResponse })
  @ApiRefusals()
  @ApiProblems(422)
  summary(@Query() query: ReportQueryDto, @Headers('accept-language') language: string | undefined, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta): Promise<ReportSummary> {
    return this.reports.summary(query, pickLocale(language), actor, meta);
  }

  @Get('summary.pdf')
  @Allow('auditor', 'committee_member')
  @ApiOperation({ summary: 'The printable summary (PDF, A4): every report with its table and chart, small cells suppressed, in the request\'s language' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The summary as PDF (Content-Disposition: attachment)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiRefusals()
  @ApiProblems(422)
  async pdf(@Query() query: ReportQueryDto, @Headers('accept-language') language: string | undefined, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const body = await this.reports.pdf(query, pickLocale(language), actor, meta);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="ruta-summary-${query.from}-${query.to}.pdf"`);
    return new StreamableFile(body);
  }

  @Get(':name.csv')
  @Allow('auditor', 'committee_member')
  @ApiOperation({ summary: 'One report as CSV (UTF-8), small cells suppressed' })
  @ApiParam({ name: 'name', enum: REPORT_NAMES })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The report as CSV (Content-Disposition: attachment)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiRefusals()
  @ApiProblems(404, 422)
  async csv(@Param('name') name: string, @Query() query: ReportQueryDto, @Headers('accept-language') language: string | undefined,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.reports.csv(name, query, pickLocale(language), actor, meta);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ruta-${name}-${query.from}-${query.to}.csv"`);
    return body;
  }
}
