import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** No control characters in a username; no NUL anywhere (PRODUCT.md section 13). */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const NO_NUL = /^[^\u0000]*$/;

export class LoginDto {
  @ApiProperty({ example: 'officer.rumichaca' }) @IsString() @Length(1, 64)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'username must not contain control characters' })
  username: string;

  @ApiProperty({ example: 'Ruta-Demo-2026' }) @IsString() @Length(1, 256)
  @Matches(NO_NUL, { message: 'password must not contain a NUL character' })
  password: string;
}

export class PasswordChangeDto {
  @ApiProperty({ description: 'From the sign-in that answered passwordChangeRequired' }) @IsString() @MaxLength(2000)
  passwordChangeToken: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, different from the one-time password' })
  @IsString() @Length(12, 256) @Matches(NO_NUL, { message: 'newPassword must not contain a NUL character' })
  newPassword: string;
}

export class MfaDto {
  @ApiProperty() @IsString() @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/)
  code: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'Required in JSON mode; left out with X-Ruta-Session: cookie (the token is read from the ruta_refresh cookie)' })
  @IsOptional() @IsString() @MaxLength(200)
  refreshToken?: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'JSON mode only: the session\'s refresh token, checked against the access token\'s session' })
  @IsOptional() @IsString() @MaxLength(200)
  refreshToken?: string;
}
