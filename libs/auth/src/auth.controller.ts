import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, CurrentRequest, Public, RequestMeta, SignedIn } from '@ruta/core';
import type { Request } from 'express';
import { AuthService, TokenPair } from './auth.service';
import { MfaChallenge } from './mfa.service';
import { LoginDto, LogoutDto, MfaDto, RefreshDto } from './dto/auth.dto';
import { UserRow } from './users.repository';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(AuthGuard('local'))
  @ApiBody({ type: LoginDto })
  @ApiOperation({ summary: 'Sign in: tokens, or {mfaRequired, mfaToken} for roles with a second factor; 401 for any wrong credential, 429 after too many failures' })
  login(@Req() req: Request & { user: UserRow }, @CurrentRequest() meta: RequestMeta): Promise<TokenPair | MfaChallenge> {
    return this.auth.afterPassword(req.user, meta);
  }

  @Post('mfa')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Second factor: {mfaToken, code} (TOTP) -> tokens' })
  mfa(@Body() dto: MfaDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPair> {
    return this.auth.completeMfa(dto.mfaToken, dto.code, meta);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'New access token; the refresh token rotates (a reused one revokes the session)' })
  refresh(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session; its access token stops working at once' })
  async logout(@Body() dto: LogoutDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<void> {
    await this.auth.logout(actor, dto.refreshToken, meta);
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
