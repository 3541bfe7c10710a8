import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ProblemException, requestMeta } from '@ruta/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/auth.dto';
import { UserRow } from '../users.repository';

/**
 * Username and password through passport. Guards run before pipes, so the body is validated here with
 * the same rules as everywhere else (no unknown fields, strings only).
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, username: string, password: string): Promise<UserRow> {
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw ProblemException.badRequest('validation_failed', {
        errors: errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => ({ path: e.property, message }))),
      });
    }
    return this.auth.validateCredentials(username, password, requestMeta(req));
  }
}
