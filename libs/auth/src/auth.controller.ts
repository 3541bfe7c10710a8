import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor, ApiProblems, ApiRefusals, CurrentActor, CurrentRequest, PUBLIC_PROBLEMS, Public, RequestMeta, SignedIn } from '@ruta/core';
import type { Request, Response } from 'express';
import { AuthService, SignInAnswer, TokenPair } from './auth.service';
import { PasswordResetInfo } from './password-change.service';
import { MfaChallenge } from './mfa.service';
import { LoginDto, LogoutDto, MfaDto, PasswordChangeDto, RefreshDto } from './dto/auth.dto';
import { MfaChallengeResponse, PasswordChangeChallengeResponse, PasswordChangedResponse, TokenPairResponse, UserResponse } from './dto/auth.response';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SESSION_MODE_HEADER, SessionCookieService } from './session-cookie.service';

/** In cookie mode the refresh token is in the ruta_refresh cookie instead of the answer. */
type Delivered<T> = T | Omit<T, 'refreshToken'>;

const SessionModeHeader = (what: string) => ApiHeader({
  name: SESSION_MODE_HEADER,
  required: false,
  enum: ['cookie'],
  description: `Cookie mode (the web app): ${what}. Refused with 403 csrf_refused when Origin or Sec-Fetch-Site name another site.`,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly cookies: SessionCookieService) {}

  /** The body is validated (and a refused one audited) by the service, before any credential is checked. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiBody({ type: LoginDto })
  @SessionModeHeader(`the answer leaves out refreshToken and sets it as the HttpOnly, SameSite=Strict cookie ${REFRESH_COOKIE} (Path=${REFRESH_COOKIE_PATH})`)
  @ApiOperation({ summary: 'Sign in: tokens, {mfaRequired, mfaToken} for roles with a second factor, or {passwordChangeRequired, passwordChangeToken, resetBy, resetAt} after an admin set the password; 400 for a malformed body, 401 for any wrong credential, 429 after too many failures' })
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, PasswordChangeChallengeResponse)
  @ApiOkResponse({ description: 'Tokens, the second-factor step, or the one-time password step', schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(PasswordChangeChallengeResponse) }] } })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 403, 429)
  async login(@Body() body: unknown, @CurrentRequest() meta: RequestMeta, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Delivered<SignInAnswer>> {
    const mode = this.cookies.mode(req);
    return this.cookies.deliver(mode, req, res, await this.auth.login(body, meta));
  }

  @Post('password')
  @HttpCode(200)
  @Public()
  @SessionModeHeader(`the tokens' refreshToken is set as the cookie ${REFRESH_COOKIE} instead`)
  @ApiOperation({ summary: 'Replace a one-time password set by an admin: {passwordChangeToken, newPassword} -> tokens (or the MFA step) with passwordReset {by, at}' })
  @ApiOkResponse({ type: PasswordChangedResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 403, 422, 429)
  async changePassword(
    @Body() dto: PasswordChangeDto, @CurrentRequest() meta: RequestMeta, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Promise<Delivered<(TokenPair | MfaChallenge) & { passwordReset: PasswordResetInfo }>> {
    const mode = this.cookies.mode(req);
    return this.cookies.deliver(mode, req, res, await this.auth.replaceOneTimePassword(dto.passwordChangeToken, dto.newPassword, meta));
  }

  @Post('mfa')
  @HttpCode(200)
  @Public()
  @SessionModeHeader(`the refreshToken is set as the cookie ${REFRESH_COOKIE} instead`)
  @ApiOperation({ summary: 'Second factor: {mfaToken, code} (TOTP) -> tokens' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 403, 429)
  async mfa(@Body() dto: MfaDto, @CurrentRequest() meta: RequestMeta, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Delivered<TokenPair>> {
    const mode = this.cookies.mode(req);
    return this.cookies.deliver(mode, req, res, await this.auth.completeMfa(dto.mfaToken, dto.code, meta));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @SessionModeHeader(`no body (or {}); the refresh token is read from the cookie ${REFRESH_COOKIE} and the rotated one set in its place`)
  @ApiOperation({ summary: 'New access token; the refresh token rotates (a reused one revokes the session)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 403)
  async refresh(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Delivered<TokenPair>> {
    const mode = this.cookies.mode(req);
    const token = this.cookies.refreshToken(mode, req, dto.refreshToken, true);
    return this.cookies.deliver(mode, req, res, await this.auth.refresh(token, meta));
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @SessionModeHeader(`no body (or {}); ends the session and clears the cookie ${REFRESH_COOKIE} (Max-Age=0)`)
  @ApiOperation({ summary: 'End the session; its access token stops working at once' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiRefusals()
  async logout(
    @Body() dto: LogoutDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const mode = this.cookies.mode(req);
    const token = this.cookies.refreshToken(mode, req, dto.refreshToken, false);
    if (mode === 'json') return this.auth.logout(actor, token, meta);
    await this.auth.logoutWithCookie(actor, token, meta);
    this.cookies.clear(req, res);
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiRefusals()
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
