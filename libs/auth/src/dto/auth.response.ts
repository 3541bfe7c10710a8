import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgencyRefDto } from '@ruta/core';

/** A user as every response shows it (PRODUCT.md section 13). */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: String, nullable: true, description: 'Officer\'s unit (border point or airport)' }) unit: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shelterId: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty() disabled: boolean;
}

export class TokenPairResponse {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({ description: 'Absent in cookie mode (X-Ruta-Session: cookie): the token is then the HttpOnly cookie ruta_refresh' })
  refreshToken?: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class MfaEnrollmentResponse {
  @ApiProperty() secret: string;
  @ApiProperty() otpauthUri: string;
}

export class MfaChallengeResponse {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiProperty() mfaToken: string;
  @ApiPropertyOptional({ type: MfaEnrollmentResponse, description: 'Only when the user has no second factor yet' }) enrollment?: MfaEnrollmentResponse;
}

export class ResetByResponse {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class PasswordChangeChallengeResponse {
  @ApiProperty({ enum: [true] }) passwordChangeRequired: true;
  @ApiProperty() passwordChangeToken: string;
  @ApiProperty({ type: ResetByResponse, nullable: true }) resetBy: ResetByResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resetAt: string | null;
}

export class PasswordResetResponse {
  @ApiProperty({ type: ResetByResponse, nullable: true }) by: ResetByResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at: string | null;
}

/** POST /auth/password: the tokens or the MFA step, with who set the one-time password and when. */
export class PasswordChangedResponse {
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional() expiresIn?: number;
  @ApiPropertyOptional({ type: UserResponse }) user?: UserResponse;
  @ApiPropertyOptional({ enum: [true] }) mfaRequired?: true;
  @ApiPropertyOptional() mfaToken?: string;
  @ApiPropertyOptional({ type: MfaEnrollmentResponse }) enrollment?: MfaEnrollmentResponse;
  @ApiProperty({ type: PasswordResetResponse }) passwordReset: PasswordResetResponse;
}
