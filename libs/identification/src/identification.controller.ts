import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { RationaleDto, CaseResponse } from '@ruta/case';
import {
  Actor, Allow, CurrentActor, CurrentRequest, RequestMeta, SignedIn, ParseIdPipe, ApiRefusals, ETAG_HEADER, ETagged, Idempotent,
  IdempotentTransaction, IDEMPOTENT_REPLAYED_HEADER,
} from '@ruta/core';
import { EntityManager } from 'typeorm';
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
  @Idempotent()
  @ApiOperation({ summary: 'Intake: log a suspected case with its screening (201 with screening and duplicates)' })
  @ETagged()
  @ApiCreatedResponse({ type: IntakeResponse, headers: { ...ETAG_HEADER, ...IDEMPOTENT_REPLAYED_HEADER } })
  @ApiRefusals(409, 422)
  intake(@Body() dto: IntakeDto, @Headers('idempotency-key') key: string | undefined, @IdempotentTransaction() m: EntityManager,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.intakes.intake(m, actor, dto, meta, key);
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
  @ETagged()
  @ApiCreatedResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  rescreen(@Param('id', ParseIdPipe) id: string, @Body() dto: ScreeningDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta) {
    return this.ops.rescreen(actor, id, dto, meta);
  }

  @Post('cases/:id/submit-for-review')
  @HttpCode(200)
  @Allow('immigration_officer')
  @ApiOperation({ summary: 'Send a case in screening to the case-analysis team, with a rationale' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  submit(@Param('id', ParseIdPipe) id: string, @Body() dto: RationaleDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta) {
    return this.ops.submitForReview(actor, id, dto.rationale, meta);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Allow('immigration_officer')
  @ApiOperation({ summary: 'Close a case still in screening (no indicators, duplicate)' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  close(@Param('id', ParseIdPipe) id: string, @Body() dto: CloseScreeningDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta) {
    return this.ops.close(actor, id, dto, meta);
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
