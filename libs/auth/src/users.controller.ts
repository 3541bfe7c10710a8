import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, CurrentRequest, PageQueryDto, RequestMeta, ParseIdPipe } from '@ruta/core';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'Users' })
  list(@Query() query: PageQueryDto) {
    return this.users.list(query.limit, query.cursor);
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create a user' })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.users.create(dto, actor, meta);
  }

  @Patch(':id')
  @Allow('admin')
  @ApiOperation({ summary: 'Change roles, unit, shelter, or disable a user' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta) {
    return this.users.update(id, dto, actor, meta);
  }
}
