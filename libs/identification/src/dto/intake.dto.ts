import { ApiProperty } from '@nestjs/swagger';
import { ConsentInputDto, IdentificationDto, VictimDto, VictimPatchDto } from '@ruta/case';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { ScreeningDto } from './screening.dto';

export class IntakeDto {
  @ApiProperty({ type: VictimDto }) @ValidateNested() @Type(() => VictimDto)
  victim: VictimDto;

  @ApiProperty({ type: IdentificationDto }) @ValidateNested() @Type(() => IdentificationDto)
  identification: IdentificationDto;

  @ApiProperty({ type: ConsentInputDto }) @ValidateNested() @Type(() => ConsentInputDto)
  consent: ConsentInputDto;

  @ApiProperty({ type: ScreeningDto }) @ValidateNested() @Type(() => ScreeningDto)
  screening: ScreeningDto;
}

export class DuplicatesCheckDto {
  @ApiProperty({ type: VictimPatchDto, description: 'The victim as far as known: documents, names and date of birth are matched' })
  @ValidateNested() @Type(() => VictimPatchDto)
  victim: VictimPatchDto;
}

export class CloseScreeningDto {
  @ApiProperty({ enum: ['no_indicators', 'duplicate'] }) @IsIn(['no_indicators', 'duplicate'])
  reason: 'no_indicators' | 'duplicate';
}
