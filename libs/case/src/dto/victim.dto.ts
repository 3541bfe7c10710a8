import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO31661Alpha3, IsOptional, IsString, Length, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { EXPLOITATION_FORMS, Sex, SEXES } from '@ruta/directory';
import { CAME_TO_ATTENTION, DOCUMENT_TYPES } from '../case.types';
import {
  ComparableDocumentNumber, documentKey, EARLIEST_BIRTH, EARLIEST_CASE_DATE, IsNationality, MAX_AGE, NotBefore, NotBlank, NotWithDateOfBirth, OneAgePerChild,
} from './plausible';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

export class DocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES)
  type: (typeof DOCUMENT_TYPES)[number];

  @ApiProperty() @IsString() @Length(1, 50) @ComparableDocumentNumber()
  number: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3' }) @Matches(ALPHA3) @IsISO31661Alpha3()
  issuingCountry: string;
}

export class ContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50)
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300)
  address?: string;
}

export class AccompanyingChildrenDto {
  @ApiProperty() @IsInt() @Min(0) @Max(20)
  count: number;

  @ApiProperty({ type: [Number], description: 'One age (0-17) for each child' })
  @IsArray() @ArrayMaxSize(20) @IsInt({ each: true }) @Min(0, { each: true }) @Max(17, { each: true }) @OneAgePerChild()
  ages: number[];
}

export class VictimDto {
  @ApiProperty() @IsString() @Length(1, 200) @NotBlank()
  givenNames: string;

  @ApiProperty() @IsString() @Length(1, 200) @NotBlank()
  familyNames: string;

  @ApiProperty({ enum: SEXES }) @IsIn(SEXES)
  sex: Sex;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100)
  genderIdentity?: string;

  @ApiPropertyOptional({ example: '2010-05-17', description: `From ${EARLIEST_BIRTH}, not in the future` })
  @IsOptional() @Matches(ISO_DATE) @NotBefore(EARLIEST_BIRTH)
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'Only without a date of birth' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_AGE) @NotWithDateOfBirth()
  estimatedAge?: number;

  @ApiProperty({ type: [String], description: 'ISO 3166-1 alpha-3, or ICAO XXA (stateless), XXB (refugee), XXC (other refugee), XXX (unspecified)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @Matches(ALPHA3, { each: true }) @IsNationality({ each: true })
  nationality: string[];

  @ApiProperty({ type: [DocumentDto] }) @IsArray() @ArrayMaxSize(10) @ArrayUnique(documentKey) @ValidateNested({ each: true }) @Type(() => DocumentDto)
  documents: DocumentDto[];

  @ApiProperty({ type: [String], description: 'ISO 639-3' }) @IsArray() @ArrayMaxSize(10) @ArrayUnique() @Matches(/^[a-z]{3}$/, { each: true })
  languages: string[];

  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @ValidateNested() @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: AccompanyingChildrenDto }) @IsOptional() @ValidateNested() @Type(() => AccompanyingChildrenDto)
  accompanyingChildren?: AccompanyingChildrenDto;
}

export class IdentificationDto {
  @ApiProperty({ example: '2026-11-20', description: `From ${EARLIEST_CASE_DATE}, not in the future` }) @Matches(ISO_DATE) @NotBefore(EARLIEST_CASE_DATE)
  date: string;

  @ApiProperty({ description: 'INEC province code "01".."24"' }) @Matches(/^(0[1-9]|1[0-9]|2[0-4])$/)
  province: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100)
  canton?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  place?: string;

  @ApiPropertyOptional({ description: 'Border point code' }) @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,40}$/)
  borderPoint?: string;

  @ApiProperty({ enum: CAME_TO_ATTENTION }) @IsIn(CAME_TO_ATTENTION)
  cameToAttention: (typeof CAME_TO_ATTENTION)[number];

  @ApiProperty() @IsString() @Length(1, 5000) @NotBlank()
  circumstances: string;

  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true })
  @IsArray() @ArrayMaxSize(EXPLOITATION_FORMS.length) @ArrayUnique() @IsIn(EXPLOITATION_FORMS, { each: true })
  exploitationForms: string[];

  @ApiProperty() @IsBoolean()
  locatedAbroad: boolean;
}

export class GuardianDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'mother' }) @IsString() @Length(1, 100) relationship: string;
}

export class ConsentInputDto {
  @ApiPropertyOptional({ description: 'For a minor: the child\'s own view of the consent' }) @IsOptional() @IsString() @Length(1, 2000)
  childView?: string;

  @ApiPropertyOptional({ type: GuardianDto, description: 'For a minor: the guardian, if any' }) @IsOptional() @ValidateNested() @Type(() => GuardianDto)
  guardian?: GuardianDto;

  @ApiProperty() @IsBoolean()
  dataProcessing: boolean;

  @ApiProperty() @IsBoolean()
  referral: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Agency codes' })
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(20) @Matches(/^[A-Z][A-Z0-9]{1,11}$/, { each: true })
  shareWith?: string[];
}

/** PATCH: any subset of the victim's and the identification's fields. */
export class VictimPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) @NotBlank() givenNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) @NotBlank() familyNames?: string;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: Sex;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) genderIdentity?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) @NotBefore(EARLIEST_BIRTH) dateOfBirth?: string;
  @ApiPropertyOptional({ description: 'Only without a date of birth' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_AGE) @NotWithDateOfBirth() estimatedAge?: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @Matches(ALPHA3, { each: true }) @IsNationality({ each: true }) nationality?: string[];
  @ApiPropertyOptional({ type: [DocumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique(documentKey) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents?: DocumentDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique() @Matches(/^[a-z]{3}$/, { each: true }) languages?: string[];
  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
  @ApiPropertyOptional({ type: AccompanyingChildrenDto }) @IsOptional() @ValidateNested() @Type(() => AccompanyingChildrenDto) accompanyingChildren?: AccompanyingChildrenDto;
}

export class IdentificationPatchDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) @NotBefore(EARLIEST_CASE_DATE) date?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^(0[1-9]|1[0-9]|2[0-4])$/) province?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) canton?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) place?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,40}$/) borderPoint?: string;
  @ApiPropertyOptional({ enum: CAME_TO_ATTENTION }) @IsOptional() @IsIn(CAME_TO_ATTENTION) cameToAttention?: (typeof CAME_TO_ATTENTION)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) @NotBlank() circumstances?: string;
  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(EXPLOITATION_FORMS.length) @ArrayUnique() @IsIn(EXPLOITATION_FORMS, { each: true }) exploitationForms?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() locatedAbroad?: boolean;
}

export class CasePatchDto {
  @ApiPropertyOptional({ type: VictimPatchDto }) @IsOptional() @ValidateNested() @Type(() => VictimPatchDto)
  victim?: VictimPatchDto;

  @ApiPropertyOptional({ type: IdentificationPatchDto }) @IsOptional() @ValidateNested() @Type(() => IdentificationPatchDto)
  identification?: IdentificationPatchDto;
}

export class ConsentChangeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) childView?: string;
  @ApiPropertyOptional({ type: GuardianDto }) @IsOptional() @ValidateNested() @Type(() => GuardianDto) guardian?: GuardianDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() referral?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dataProcessing?: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(20) @Matches(/^[A-Z][A-Z0-9]{1,11}$/, { each: true }) shareWith?: string[];
  @ApiPropertyOptional({ description: 'Withdraw consent (recorded, never erased)' }) @IsOptional() @IsBoolean() withdrawn?: boolean;
}

export class CaseLinkDto {
  @ApiProperty() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) otherCaseId: string;
  @ApiProperty({ enum: ['duplicate'] }) @IsIn(['duplicate']) relation: 'duplicate';
}

export class RationaleDto {
  @ApiProperty() @IsString() @Length(1, 5000) @MaxLength(5000)
  rationale: string;
}

export class ComplaintDto {
  @ApiProperty({ example: '2026-11-21', description: 'When the Attorney General\'s Office (FGE) was notified' }) @Matches(ISO_DATE) @NotBefore(EARLIEST_CASE_DATE)
  notifiedOn: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100)
  complaintNumber?: string;
}
