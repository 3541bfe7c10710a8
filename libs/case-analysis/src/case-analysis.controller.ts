import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { CaseResponse } from '@ruta/case';
import {
  Actor, Allow, CurrentActor, CurrentRequest, ETAG_HEADER, ETagged, Idempotent, IdempotentTransaction, IDEMPOTENT_REPLAYED_HEADER, PageQueryDto, RequestMeta,
  ParseIdPipe, ApiPageResponse, ApiRefusals,
} from '@ruta/core';
import { EntityManager } from 'typeorm';
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
  @Idempotent()
  @ApiOperation({ summary: 'Decide with quorum: recognize (lead agency and plan), request information, or not recognize' })
  @ApiOkResponse({ type: ReviewResponse, headers: IDEMPOTENT_REPLAYED_HEADER })
  @ApiRefusals(404, 409, 422)
  decide(@Param('id', ParseIdPipe) id: string, @Body() dto: DecisionDto, @Headers('idempotency-key') key: string | undefined,
    @IdempotentTransaction() m: EntityManager, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.reviews.decide(m, actor, id, dto, meta, key ? `decision:${key}` : null);
  }

  @Post('cases/:id/lead-agency')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Change the lead agency (its open tasks move to the new one)' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  lead(@Param('id', ParseIdPipe) id: string, @Body() dto: LeadAgencyDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta) {
    return this.reviews.changeLead(actor, id, dto, meta);
  }
}
