import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public, RedisService } from '@ruta/core';
import type { Response } from 'express';
import { DatabaseHealth } from './database-health';

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
