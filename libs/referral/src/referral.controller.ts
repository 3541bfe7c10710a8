import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { CASE_READERS } from '@ruta/case';
import {
  Actor, Allow, CurrentActor, CurrentRequest, Idempotent, IdempotentTransaction, IDEMPOTENT_REPLAYED_HEADER, PageQueryDto, RequestMeta, ParseIdPipe,
  ApiPageResponse, ApiRefusals,
} from '@ruta/core';
import { EntityManager } from 'typeorm';
import { AcceptReferralDto, CompleteReferralDto, CreateReferralDto, DeclineReferralDto, DischargeDto, ReasonDto, ReferralListQueryDto } from './dto/referral.dto';
import { ReferralLifecycleService } from './referral-lifecycle.service';
import { ReferralService } from './referral.service';
import { CaseShelterResponse, PlacementResponse, ReferralListItemResponse, ReferralResponse } from './dto/referral.response';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller()
export class ReferralController {
  constructor(
    private readonly referrals: ReferralService,
    private readonly lifecycle: ReferralLifecycleService,
  ) {}

  @Post('cases/:id/referrals')
  @Allow('committee_member', 'service_focal_point', 'shelter_staff')
  @Idempotent()
  @ApiOperation({ summary: 'Refer the case to a shelter or an agency (committee, lead agency, or onward from an accepted referral)' })
  @ApiCreatedResponse({ type: ReferralResponse, headers: IDEMPOTENT_REPLAYED_HEADER })
  @ApiRefusals(404, 409, 422)
  create(@Param('id', ParseIdPipe) id: string, @Body() dto: CreateReferralDto, @Headers('idempotency-key') key: string | undefined,
    @IdempotentTransaction() m: EntityManager, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.referrals.createFromRequest(m, actor, id, dto, meta, key ? `referral:${key}` : null);
  }

  @Get('cases/:id/referrals')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'The referrals of a case the caller may see' })
  @ApiPageResponse(ReferralResponse)
  @ApiRefusals(404)
  list(@Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.referrals.listForCase(actor, id, query, meta);
  }

  @Get('cases/:id/shelters')
  // Those who may refer a case to a shelter: the committee, the lead agency's focal points, a shelter onward.
  @Allow('committee_member', 'service_focal_point', 'shelter_staff')
  @ApiOperation({ summary: 'The shelters with occupancy, each with whether the case\'s person is eligible and the rules they do not meet' })
  @ApiPageResponse(CaseShelterResponse)
  @ApiRefusals(404)
  shelters(@Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.referrals.sheltersForCase(actor, id, query, meta);
  }

  @Get('referrals')
  // Shelter staff: referrals to their shelter; focal points: service referrals to their agency; the
  // case-analysis team: every referral of the cases it sees. Other roles have no referrals addressed to them.
  @Allow('shelter_staff', 'service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'The referrals addressed to the caller (shelter staff: their shelter; focal points: their agency; committee: all), pending first, then newest' })
  @ApiPageResponse(ReferralListItemResponse)
  @ApiRefusals()
  listAddressed(@Query() query: ReferralListQueryDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.referrals.listAddressed(actor, query, meta);
  }

  @Post('referrals/:id/accept')
  @HttpCode(200)
  @Allow('shelter_staff', 'service_focal_point')
  @ApiOperation({ summary: 'Accept (for a shelter: admit, or 409 shelter_at_capacity)' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiRefusals(404, 409, 422)
  accept(@Param('id', ParseIdPipe) id: string, @Body() dto: AcceptReferralDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.lifecycle.accept(actor, id, dto.accompanyingChildren, meta);
  }

  @Post('referrals/:id/decline')
  @HttpCode(200)
  @Allow('shelter_staff', 'service_focal_point')
  @ApiOperation({ summary: 'Decline with a reason (the lead agency gets a find_alternative task)' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiRefusals(404, 409, 422)
  decline(@Param('id', ParseIdPipe) id: string, @Body() dto: DeclineReferralDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.lifecycle.decline(actor, id, dto.reason, meta, dto.reasonCode);
  }

  @Post('referrals/:id/complete')
  @HttpCode(200)
  @Allow('service_focal_point', 'shelter_staff')
  @ApiOperation({ summary: 'Complete an accepted service referral (shelter referrals complete by discharge)' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiRefusals(404, 409, 422)
  complete(@Param('id', ParseIdPipe) id: string, @Body() dto: CompleteReferralDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.lifecycle.complete(actor, id, dto.outcome, meta);
  }

  @Post('referrals/:id/cancel')
  @HttpCode(200)
  @Allow('committee_member', 'service_focal_point')
  @ApiOperation({ summary: 'Cancel (lead agency or committee)' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiRefusals(404, 409, 422)
  cancel(@Param('id', ParseIdPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.lifecycle.cancel(actor, id, dto.reason, meta);
  }

  @Post('placements/:id/discharge')
  @HttpCode(200)
  @Allow('shelter_staff')
  @ApiOperation({ summary: 'Discharge from the shelter (frees the place, completes the referral)' })
  @ApiOkResponse({ type: PlacementResponse })
  @ApiRefusals(404, 409, 422)
  discharge(@Param('id', ParseIdPipe) id: string, @Body() dto: DischargeDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.lifecycle.discharge(actor, id, dto, meta);
  }
}
