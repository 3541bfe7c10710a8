import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, PageQueryDto, RequestMeta, ParseIdPipe, ApiPageResponse, ApiRefusals } from '@ruta/core';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { UserResponse } from './dto/auth.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'Users' })
  @ApiPageResponse(UserResponse)
  @ApiRefusals()
  list(@Query() query: PageQueryDto) {
    return this.users.list(query.limit, query.cursor);
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiRefusals(409, 422)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.users.create(dto, actor, meta);
  }

  @Patch(':id')
  @Allow('admin')
  @ApiOperation({ summary: 'Change roles, unit, shelter, or disable a user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiRefusals(404, 409, 422)
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.users.update(id, dto, actor, meta);
  }
}
