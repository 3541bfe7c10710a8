import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer.rumichaca' }) @IsString() @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'Ruta-Demo-2026' }) @IsString() @Length(1, 256)
  password: string;
}

export class MfaDto {
  @ApiProperty() @IsString() @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/)
  code: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  refreshToken?: string;
}
