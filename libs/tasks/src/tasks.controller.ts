import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Actor, CurrentActor, CurrentRequest, RequestMeta, SignedIn, ParseIdPipe, ApiPageResponse, ApiRefusals } from '@ruta/core';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { TasksService } from './tasks.service';
import { TaskResponse } from './dto/task.response';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'My inbox: open tasks for my roles at my agency or shelter, plus the ones I claimed' })
  @ApiPageResponse(TaskResponse)
  @ApiRefusals()
  inbox(@Query() query: InboxQueryDto, @CurrentActor() actor: Actor) {
    return this.tasks.inbox(actor, query);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Claim a task (atomic: one winner, 409 for the others)' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiRefusals(404, 409)
  claim(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.tasks.claim(id, actor, meta);
  }

  @Post(':id/release')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Return a claimed task to the queue' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiRefusals(404, 409)
  release(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.tasks.release(id, actor, meta);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Complete a task that has no underlying action' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiRefusals(404, 409, 422)
  complete(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.tasks.complete(id, actor, meta);
  }
}
