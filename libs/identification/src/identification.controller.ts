import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { etag, RationaleDto, CaseResponse } from '@ruta/case';
import { Actor, Allow, CurrentActor, CurrentRequest, RequestMeta, SignedIn, ParseIdPipe, ApiRefusals, ETAG_HEADER } from '@ruta/core';
import type { Response } from 'express';
import { CatalogService } from './catalog.service';
import { DuplicatesService } from './duplicates.service';
import { CloseScreeningDto, DuplicatesCheckDto, IntakeDto } from './dto/intake.dto';
import { CatalogQueryDto, EvaluateScreeningDto, ScreeningDto } from './dto/screening.dto';
import { IntakeService } from './intake.service';
import { ScreeningOpsService } from './screening-ops.service';
import { DuplicatesCheckResponse, IndicatorCatalogResponse, IntakeResponse, ScreeningResultResponse } from './dto/identification.response';

@ApiTags('identification')
@ApiBearerAuth()
@Controller()
export class IdentificationController {
  constructor(
    private readonly intakes: IntakeService,
    private readonly ops: ScreeningOpsService,
    private readonly duplicates: DuplicatesService,
    private readonly catalogs: CatalogService,
  ) {}

  @Post('cases')
  @Allow('immigration_officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Intake: log a suspected case with its screening (201 with screening and duplicates)' })
  @ApiCreatedResponse({ type: IntakeResponse, headers: ETAG_HEADER })
  @ApiRefusals(409, 422)
  async intake(@Body() dto: IntakeDto, @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const result = await this.intakes.intake(actor, dto, key, meta);
    res.status(result.status);
    const version = (result.body as { version?: number }).version;
    if (version !== undefined) res.setHeader('ETag', etag(version));
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Post('cases/duplicates-check')
  @HttpCode(200)
  @Allow('immigration_officer')
  @ApiOperation({ summary: 'Matches for a victim by document or names and date of birth; creates nothing' })
  @ApiOkResponse({ type: DuplicatesCheckResponse })
  @ApiRefusals(422)
  duplicatesCheck(@Body() dto: DuplicatesCheckDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.duplicates.check(actor, dto.victim, meta);
  }

  @Post('cases/:id/screenings')
  @Allow('immigration_officer', 'committee_member')
  @ApiOperation({ summary: 'Screen again (a case in screening); presumed_victim sends it to review' })
  @ApiCreatedResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  async rescreen(@Param('id', ParseIdPipe) id: string, @Body() dto: ScreeningDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const { body, version } = await this.ops.rescreen(actor, id, dto, meta);
    res.setHeader('ETag', etag(version));
    return body;
  }

  @Post('cases/:id/submit-for-review')
  @HttpCode(200)
  @Allow('immigration_officer')
  @ApiOperation({ summary: 'Send a case in screening to the case-analysis team, with a rationale' })
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  async submit(@Param('id', ParseIdPipe) id: string, @Body() dto: RationaleDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const { body, version } = await this.ops.submitForReview(actor, id, dto.rationale, meta);
    res.setHeader('ETag', etag(version));
    return body;
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Allow('immigration_officer')
  @ApiOperation({ summary: 'Close a case still in screening (no indicators, duplicate)' })
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  async close(@Param('id', ParseIdPipe) id: string, @Body() dto: CloseScreeningDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const { body, version } = await this.ops.close(actor, id, dto, meta);
    res.setHeader('ETag', etag(version));
    return body;
  }

  @Get('catalog/indicators')
  @SignedIn()
  @ApiOperation({ summary: 'Indicator catalog (latest version, or ?version=)' })
  @ApiOkResponse({ type: IndicatorCatalogResponse })
  @ApiRefusals(404)
  async catalog(@Query() query: CatalogQueryDto) {
    const c = await this.catalogs.read(query.version);
    return { version: c.version, dimensions: c.dimensions, rules: c.rules, indicators: c.indicators };
  }

  @Post('screenings/evaluate')
  @HttpCode(200)
  @Allow('immigration_officer', 'committee_member')
  @ApiOperation({ summary: 'Dry run of the screening engine' })
  @ApiOkResponse({ type: ScreeningResultResponse })
  @ApiRefusals(404, 422)
  async evaluate(@Body() dto: EvaluateScreeningDto) {
    const catalog = await this.catalogs.get(dto.catalogVersion);
    return this.catalogs.evaluate(catalog, { isMinor: dto.isMinor, answers: dto.answers });
  }
}
