import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@ruta/audit';
import { TasksModule } from '@ruta/tasks';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter.service';
import { MfaService } from './mfa.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordService } from './password.service';
import { SessionCookieService } from './session-cookie.service';
import { SessionsRepository } from './sessions.repository';
import { JwtStrategy } from './strategies/jwt.strategy';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), AuditModule, TasksModule],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService, MfaService, PasswordChangeService, UsersService, UsersRepository, SessionsRepository, PasswordService, TokenService,
    LoginLimiter, JwtStrategy, AccessGuard, SessionCookieService,
    { provide: APP_GUARD, useExisting: AccessGuard },
  ],
  exports: [AuthService, UsersService, PasswordService],
})
export class AuthModule {}
