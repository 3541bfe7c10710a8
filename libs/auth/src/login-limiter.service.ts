import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig, ProblemException, RedisService } from '@ruta/core';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed-login limits (PRODUCT.md section 12): 5 failures per username and 50 per address in 15 minutes
 * answer 429; successful logins do not count. Kept in Redis so replicas share them, with an in-memory
 * fallback while Redis is unreachable.
 */
@Injectable()
export class LoginLimiter {
  private readonly byUsername: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(redis: RedisService, @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {
    const { perUsername, perAddress, windowSeconds } = config.loginLimits;
    const make = (name: string, points: number) => new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('login-failures', name),
      points,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
    });
    this.byUsername = make('username', perUsername);
    this.byAddress = make('address', perAddress);
  }

  /** Refuses with 429 when either budget of failures is spent. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [user, addr] = await Promise.all([this.byUsername.get(username.toLowerCase()), this.byAddress.get(address)]);
    const { perUsername, perAddress } = this.config.loginLimits;
    const blocked = [user && user.consumedPoints >= perUsername ? user : null, addr && addr.consumedPoints >= perAddress ? addr : null]
      .filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length > 0) {
      const retryAfter = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
      throw ProblemException.tooManyRequests({ headers: { 'Retry-After': String(Math.max(retryAfter, 1)) } });
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.byUsername.penalty(username.toLowerCase(), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }
}
