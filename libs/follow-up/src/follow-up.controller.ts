import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { CASE_READERS } from '@ruta/case';
import { Actor, Allow, CurrentActor, CurrentRequest, RequestMeta, ParseIdPipe, ApiRefusals } from '@ruta/core';
import { CheckinChangeDto, CheckinRecordDto, FollowUpPlanDto } from './dto/follow-up.dto';
import { FollowUpService } from './follow-up.service';
import { FollowUpPlanResponse } from './dto/follow-up.response';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller()
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Post('cases/:id/follow-up-plan')
  @Allow('service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Create the one-year follow-up plan (lead agency); the case moves to follow_up' })
  @ApiCreatedResponse({ type: FollowUpPlanResponse })
  @ApiRefusals(404, 409, 422)
  create(@Param('id', ParseIdPipe) id: string, @Body() dto: FollowUpPlanDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.followUp.create(actor, id, dto, meta);
  }

  @Get('cases/:id/follow-up-plan')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'The follow-up plan as the caller may see it' })
  @ApiOkResponse({ type: FollowUpPlanResponse })
  @ApiRefusals(404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.followUp.get(actor, id, meta);
  }

  @Patch('follow-up/checkins/:id')
  @Allow('service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Reschedule or reassign a check-in (lead agency); its timer moves' })
  @ApiOkResponse({ type: FollowUpPlanResponse })
  @ApiRefusals(404, 409, 422)
  change(@Param('id', ParseIdPipe) id: string, @Body() dto: CheckinChangeDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.followUp.change(actor, id, dto, meta);
  }

  @Post('follow-up/checkins/:id/record')
  @HttpCode(200)
  @Allow('service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Record a check-in (assigned agency): outcome, notes, new needs' })
  @ApiOkResponse({ type: FollowUpPlanResponse })
  @ApiRefusals(404, 409, 422)
  record(@Param('id', ParseIdPipe) id: string, @Body() dto: CheckinRecordDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.followUp.record(actor, id, dto, meta);
  }
}
