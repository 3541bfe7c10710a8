import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor, CurrentActor, CurrentRequest, Public, RequestMeta, SignedIn, ApiProblems, ApiRefusals, PUBLIC_PROBLEMS } from '@ruta/core';
import { AuthService, SignInAnswer, TokenPair } from './auth.service';
import { PasswordResetInfo } from './password-change.service';
import { MfaChallenge } from './mfa.service';
import { LoginDto, LogoutDto, MfaDto, PasswordChangeDto, RefreshDto } from './dto/auth.dto';
import { MfaChallengeResponse, PasswordChangeChallengeResponse, PasswordChangedResponse, TokenPairResponse, UserResponse } from './dto/auth.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** The body is validated (and a refused one audited) by the service, before any credential is checked. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiBody({ type: LoginDto })
  @ApiOperation({ summary: 'Sign in: tokens, {mfaRequired, mfaToken} for roles with a second factor, or {passwordChangeRequired, passwordChangeToken, resetBy, resetAt} after an admin set the password; 400 for a malformed body, 401 for any wrong credential, 429 after too many failures' })
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse, PasswordChangeChallengeResponse)
  @ApiOkResponse({ description: 'Tokens, the second-factor step, or the one-time password step', schema: { oneOf: [{ $ref: getSchemaPath(TokenPairResponse) }, { $ref: getSchemaPath(MfaChallengeResponse) }, { $ref: getSchemaPath(PasswordChangeChallengeResponse) }] } })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 429)
  login(@Body() body: unknown, @CurrentRequest() meta: RequestMeta): Promise<SignInAnswer> {
    return this.auth.login(body, meta);
  }

  @Post('password')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Replace a one-time password set by an admin: {passwordChangeToken, newPassword} -> tokens (or the MFA step) with passwordReset {by, at}' })
  @ApiOkResponse({ type: PasswordChangedResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 422, 429)
  changePassword(@Body() dto: PasswordChangeDto, @CurrentRequest() meta: RequestMeta): Promise<(TokenPair | MfaChallenge) & { passwordReset: PasswordResetInfo }> {
    return this.auth.replaceOneTimePassword(dto.passwordChangeToken, dto.newPassword, meta);
  }

  @Post('mfa')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Second factor: {mfaToken, code} (TOTP) -> tokens' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401, 429)
  mfa(@Body() dto: MfaDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPair> {
    return this.auth.completeMfa(dto.mfaToken, dto.code, meta);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'New access token; the refresh token rotates (a reused one revokes the session)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(...PUBLIC_PROBLEMS, 401)
  refresh(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session; its access token stops working at once' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiRefusals()
  async logout(@Body() dto: LogoutDto, @CurrentActor() actor: Actor, @CurrentRequest() meta: RequestMeta): Promise<void> {
    await this.auth.logout(actor, dto.refreshToken, meta);
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
