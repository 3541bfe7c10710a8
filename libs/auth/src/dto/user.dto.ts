import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, Role } from '@ruta/core';

export class CreateUserDto {
  @ApiProperty({ example: 'focal.msp2' }) @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/)
  username: string;

  @ApiProperty() @IsString() @Length(1, 200)
  displayName: string;

  @ApiProperty({ minLength: 12 }) @IsString() @Length(12, 256)
  password: string;

  @ApiProperty({ description: 'Agency code' }) @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency: string;

  @ApiPropertyOptional({ description: 'Border point code (immigration officers)', nullable: true })
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,40}$/)
  unit?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID()
  shelterId?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ minLength: 12 }) @IsOptional() @IsString() @Length(12, 256)
  password?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9]{1,11}$/)
  agency?: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^[a-z][a-z0-9_]{1,40}$/)
  unit?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  shelterId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'Disabling cuts the user off at once and releases their claimed tasks' })
  @IsOptional() @IsBoolean()
  disabled?: boolean;
}
