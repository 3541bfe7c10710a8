import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { etag, CaseResponse } from '@ruta/case';
import { Actor, Allow, CurrentActor, CurrentRequest, PageQueryDto, RequestMeta, ParseIdPipe, ETAG_HEADER, ApiPageResponse, ApiRefusals } from '@ruta/core';
import type { Response } from 'express';
import { DecisionDto, LeadAgencyDto } from './dto/review.dto';
import { ReviewService } from './review.service';
import { CommitteeMemberResponse, ReviewResponse } from './dto/review.response';

@ApiTags('case-analysis')
@ApiBearerAuth()
@Controller()
export class CaseAnalysisController {
  constructor(private readonly reviews: ReviewService) {}

  @Post('cases/:id/reviews')
  @Allow('committee_member')
  @ApiOperation({ summary: 'Open a review of an identified case' })
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiRefusals(404, 409, 422)
  open(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.reviews.open(actor, id, meta);
  }

  @Get('cases/:id/reviews')
  @Allow('committee_member')
  @ApiOperation({ summary: 'The reviews of a case' })
  @ApiPageResponse(ReviewResponse)
  @ApiRefusals(404)
  list(@Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.reviews.list(actor, id, query, meta);
  }

  @Get('committee-members')
  @Allow('committee_member')
  @ApiOperation({ summary: 'The active committee members with their agencies (to record the members present at a decision)' })
  @ApiPageResponse(CommitteeMemberResponse)
  @ApiRefusals()
  members(@Query() query: PageQueryDto) {
    return this.reviews.committeeMembers(query);
  }

  @Post('reviews/:id/decision')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Decide with quorum: recognize (lead agency and plan), request information, or not recognize' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiRefusals(404, 409, 422)
  async decide(@Param('id', ParseIdPipe) id: string, @Body() dto: DecisionDto, @Headers('idempotency-key') key: string | undefined,
    @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const result = await this.reviews.decide(actor, id, dto, key, meta);
    res.status(result.status);
    return result.body;
  }

  @Post('cases/:id/lead-agency')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Change the lead agency (its open tasks move to the new one)' })
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  async lead(@Param('id', ParseIdPipe) id: string, @Body() dto: LeadAgencyDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const { body, version } = await this.reviews.changeLead(actor, id, dto, meta);
    res.setHeader('ETag', etag(version));
    return body;
  }
}
