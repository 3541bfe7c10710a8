import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags, ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { CaseResponse } from '@ruta/case';
import { Actor, Allow, CurrentActor, CurrentRequest, RequestMeta, ParseIdPipe, ETAG_HEADER, ETagged, ApiRefusals } from '@ruta/core';
import { IsIn, IsString, Length } from 'class-validator';
import { ClosureService } from './closure.service';
import { ClosureRequestResponse } from './closure.response';

const REQUESTABLE = ['follow_up_completed', 'declined_assistance', 'returned_abroad', 'lost_contact', 'deceased', 'duplicate'] as const;

export class ClosureRequestDto {
  @ApiProperty({ enum: REQUESTABLE }) @IsIn(REQUESTABLE)
  reason: (typeof REQUESTABLE)[number];
}

export class ClosureReasonDto {
  @ApiProperty() @IsString() @Length(1, 2000)
  reason: string;
}

@ApiTags('closure')
@ApiBearerAuth()
@Controller()
export class ClosureController {
  constructor(private readonly closures: ClosureService) {}

  @Post('cases/:id/closure-requests')
  @Allow('service_focal_point', 'committee_member')
  @ApiOperation({ summary: 'Request closure (lead agency)' })
  @ApiCreatedResponse({ type: ClosureRequestResponse })
  @ApiRefusals(404, 409, 422)
  request(@Param('id', ParseIdPipe) id: string, @Body() dto: ClosureRequestDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.closures.request(actor, id, dto.reason, meta);
  }

  @Post('closure-requests/:id/approve')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Approve (committee member of another agency): the case closes, its open tasks are cancelled' })
  @ApiOkResponse({ type: ClosureRequestResponse })
  @ApiRefusals(404, 409, 422)
  approve(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.closures.approve(actor, id, meta);
  }

  @Post('closure-requests/:id/reject')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Reject with a reason (committee member of another agency)' })
  @ApiOkResponse({ type: ClosureRequestResponse })
  @ApiRefusals(404, 409, 422)
  reject(@Param('id', ParseIdPipe) id: string, @Body() dto: ClosureReasonDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.closures.reject(actor, id, dto.reason, meta);
  }

  @Post('cases/:id/reopen')
  @HttpCode(200)
  @Allow('committee_member')
  @ApiOperation({ summary: 'Reopen a closed case with a reason' })
  @ETagged()
  @ApiOkResponse({ type: CaseResponse, headers: ETAG_HEADER })
  @ApiRefusals(404, 409, 422)
  reopen(@Param('id', ParseIdPipe) id: string, @Body() dto: ClosureReasonDto, @CurrentActor() actor: Actor,
    @CurrentRequest() meta: RequestMeta) {
    return this.closures.reopen(actor, id, dto.reason, meta);
  }
}
