import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto, LocalizedTextDto } from '@ruta/core';

export class AgencyResponse {
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty() kind: string;
  @ApiProperty() active: boolean;
  @ApiProperty() protectionMandate: boolean;
}

class ShelterEligibilityResponse {
  @ApiProperty({ type: [String] }) sexes: string[];
  @ApiProperty({ type: Number, nullable: true }) minAge: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAge: number | null;
  @ApiProperty({ type: [String] }) exploitationForms: string[];
  @ApiProperty() accompanyingChildren: boolean;
}

/** A shelter with its occupancy (PRODUCT.md section 13). */
export class ShelterResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AgencyRefDto }) operator: AgencyRefDto;
  @ApiProperty() capacity: number;
  @ApiProperty() occupied: number;
  @ApiProperty() free: number;
  @ApiProperty() pendingReferrals: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Send as If-Match to change the shelter' }) version: number;
  @ApiProperty({ type: ShelterEligibilityResponse }) eligibility: ShelterEligibilityResponse;
}

export class ServiceResponse {
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ type: AgencyRefDto }) defaultAgency: AgencyRefDto;
  @ApiProperty() responseHours: number;
}

export class ProvinceResponse {
  @ApiProperty({ description: 'INEC code "01".."24"' }) code: string;
  @ApiProperty() name: string;
}

export class BorderPointResponse {
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'INEC province code' }) province: string;
  @ApiProperty() active: boolean;
}

/** A country Ruta names, for nationalities and documents' issuing countries. */
export class CountryResponse {
  @ApiProperty({ description: 'ISO 3166-1 alpha-3, or one of ICAO\'s nationality codes XXA, XXB, XXC, XXX', example: 'VEN' }) code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ description: 'A country, which issues identity documents; false for the ICAO codes, which are nationalities only' })
  issuesDocuments: boolean;
}
