import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOperation, ApiProperty, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Allow } from '../access/access.decorator';
import { appConfig } from '../config/ruta.config';
import { ProblemException } from '../errors/problem.exception';
import { Clock, parseDuration } from './clock.service';
import { ApiRefusals } from '../http/api-responses';

export class AdvanceClockDto {
  @ApiProperty({ example: 'P30D', description: 'ISO 8601 duration (days, hours, minutes, seconds)' })
  @IsString()
  @Matches(/^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$/)
  advanceBy: string;
}

export class ClockResponse {
  @ApiProperty({ format: 'date-time' }) now: string;
  @ApiProperty({ description: 'How far the clock was moved in total' }) offsetMs: number;
}

@ApiTags('test')
@Controller('_test/clock')
export class TestClockController {
  constructor(private readonly clock: Clock, @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>) {}

  @Post()
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Move the clock forward (only when RUTA_TEST_CLOCK=1)' })
  @ApiOkResponse({ type: ClockResponse })
  @ApiRefusals(404)
  async advance(@Body() body: AdvanceClockDto): Promise<{ now: string; offsetMs: number }> {
    if (!this.app.testClock) throw ProblemException.notFound('test_clock_disabled');
    const ms = parseDuration(body.advanceBy);
    if (ms === undefined) {
      throw ProblemException.badRequest('validation_failed', { errors: [{ path: 'advanceBy', message: 'must be an ISO 8601 duration' }] });
    }
    this.clock.advance(ms);
    await this.clock.notifyAdvanced();
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset() };
  }
}
