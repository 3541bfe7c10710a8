import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, authConfig } from '@ruta/core';
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
      secretOrKey: config.jwtSecret,
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
