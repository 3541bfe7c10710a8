import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const MONTH = /^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$/;

/** A period of whole months by identification date (PRODUCT.md section 11), both ends included. */
export class ReportQueryDto {
  @ApiProperty({ example: '2026-01', description: 'First month (YYYY-MM), included' })
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from: string;

  @ApiProperty({ example: '2026-06', description: 'Last month (YYYY-MM), included' })
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to: string;
}
