import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, authConfig } from '@ruta/core';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AccessClaims, JWT_ALGORITHMS } from '../token.service';
import { UsersRepository } from '../users.repository';

/**
 * Bearer access tokens: HS256 only, audience and issuer checked, and the session looked up on every
 * request so that logout and disabling a user take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the string as a
      // public key on every request, a measurable share of each request's CPU (bench/README.md).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [...JWT_ALGORITHMS],
      audience: config.jwtAudience,
      issuer: config.jwtIssuer,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    if (!/^[0-9a-f-]{36}$/.test(claims.sub) || !/^[0-9a-f-]{36}$/.test(claims.sid)) return false;
    return (await this.users.findActorBySession(this.ds.manager, claims.sid, claims.sub)) ?? false;
  }
}
