import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public, RedisService, ApiProblems, PUBLIC_PROBLEMS } from '@ruta/core';
import type { Response } from 'express';
import { DatabaseHealth } from './database-health';

const indicators = { type: 'object', additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string' } }, additionalProperties: true } };
/** @nestjs/terminus's answer: each indicator's status and details (database, pool, redis). */
const healthSchema = {
  type: 'object',
  required: ['status', 'details'],
  properties: { status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] }, info: indicators, error: indicators, details: indicators },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: DatabaseHealth,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database, connection pool and Redis status (503 when one is down or the pool is starved)' })
  @ApiOkResponse({ description: 'Everything is up', schema: healthSchema })
  @ApiServiceUnavailableResponse({ description: 'An indicator is down (same shape, status error)', schema: healthSchema })
  @ApiProblems(400, 413, 415)
  async check(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.health.check([
        () => this.db.database(),
        () => this.db.pool(),
        () => this.indicators.check('redis').attempt(async () => {
          if (!(await this.redis.ping())) throw new Error('no PONG');
        }).withTimeout(1500),
      ]);
    } catch (err) {
      if (err instanceof ServiceUnavailableException) {
        res.status(503);
        return err.getResponse();
      }
      throw err;
    }
  }
}
