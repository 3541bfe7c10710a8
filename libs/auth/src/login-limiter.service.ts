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

  /**
   * Takes one attempt from both budgets before the password is checked, atomically in Redis, so that
   * parallel guesses cannot all pass a read-only check (429 when either budget is spent). A successful
   * attempt is given back with release(): successful logins do not count.
   */
  async take(username: string, address: string): Promise<void> {
    const user = username.toLowerCase();
    const results = await Promise.allSettled([this.byUsername.consume(user, 1), this.byAddress.consume(address, 1)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refused.length === 0) return;
    // Give back what was taken from the budget that still had room; a refused attempt costs nothing more.
    if (results[0].status === 'fulfilled') await this.byUsername.reward(user, 1);
    if (results[1].status === 'fulfilled') await this.byAddress.reward(address, 1);
    const waits = refused.map((r) => (r.reason instanceof RateLimiterRes ? r.reason.msBeforeNext : 1000));
    throw ProblemException.tooManyRequests({ headers: { 'Retry-After': String(Math.max(1, Math.ceil(Math.max(...waits) / 1000))) } });
  }

  async release(username: string, address: string): Promise<void> {
    await Promise.all([this.byUsername.reward(username.toLowerCase(), 1), this.byAddress.reward(address, 1)]);
  }
}
