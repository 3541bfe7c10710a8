import { Injectable } from '@nestjs/common';
import { CommonErrorCode, FieldCipher, ProblemException, ProblemFieldError } from '@ruta/core';
import { CaseErrorCode } from './case.exception';
import { MAX_AGE } from './dto/plausible';
import { ageAtIdentification, ageGroup, ageOn, isCalendarDate, isMinorAt, normalizeDocumentNumber, normalizeFullName } from './identity/normalize';

export interface VictimFields {
  givenNames: string; familyNames: string; sex: string; genderIdentity?: string | null; dateOfBirth?: string | null;
  estimatedAge?: number | null; nationality: string[]; documents: { type: string; number: string; issuingCountry: string }[];
  languages: string[]; contact?: { phone?: string; address?: string } | null; accompanyingChildren?: { count: number; ages: number[] } | null;
}

/**
 * Turns the victim's and the identification's fields into stored columns: identity fields encrypted,
 * keyed hashes for duplicate search, the minor flag and age group computed on the identification date.
 */
@Injectable()
export class CaseRecordMapper {
  constructor(private readonly cipher: FieldCipher) {}

  /**
   * Date rules that class-validator cannot express (they depend on today, in Ecuador's time zone, or on
   * another field); 422 naming each failing path. Fixed bounds are in the DTOs (issue 9, finding 8).
   */
  checkDates(v: { dateOfBirth?: string | null; estimatedAge?: number | null }, identificationDate: string, today: string): void {
    const errors: ProblemFieldError[] = [];
    if (!isCalendarDate(identificationDate)) errors.push({ path: 'identification.date', message: 'is not a calendar date' });
    else if (identificationDate > today) errors.push({ path: 'identification.date', message: 'is in the future' });
    if (v.dateOfBirth) {
      if (!isCalendarDate(v.dateOfBirth)) errors.push({ path: 'victim.dateOfBirth', message: 'is not a calendar date' });
      else if (v.dateOfBirth > today) errors.push({ path: 'victim.dateOfBirth', message: 'is in the future' });
      else if (v.dateOfBirth > identificationDate) errors.push({ path: 'victim.dateOfBirth', message: 'is after the identification date' });
      else if (ageOn(v.dateOfBirth, identificationDate) > MAX_AGE) {
        errors.push({ path: 'victim.dateOfBirth', message: `makes the person older than ${MAX_AGE} on the identification date` });
      }
    }
    if (!v.dateOfBirth && (v.estimatedAge === undefined || v.estimatedAge === null)) {
      errors.push({ path: 'victim.dateOfBirth', message: 'a date of birth or an estimated age is required' });
    }
    if (errors.length) throw ProblemException.unprocessable(CommonErrorCode.InvalidDate, { errors });
  }

  age(v: { dateOfBirth?: string | null; estimatedAge?: number | null }, identificationDate: string) {
    const age = ageAtIdentification(v, identificationDate);
    return { age, isMinor: isMinorAt(age), ageGroup: ageGroup(age) };
  }

  nameDobHash(givenNames: string, familyNames: string, dateOfBirth: string | null | undefined): string | null {
    if (!dateOfBirth) return null;
    return this.cipher.blindIndex(`${normalizeFullName(givenNames, familyNames)}|${dateOfBirth}`, 'name_dob');
  }

  documentHash(number: string): string {
    return this.cipher.blindIndex(normalizeDocumentNumber(number), 'document');
  }

  documentRows(docs: VictimFields['documents']) {
    return docs.map((d) => ({ type: d.type, numberEnc: this.cipher.encrypt(d.number), numberHash: this.documentHash(d.number), issuingCountry: d.issuingCountry }));
  }

  /** Encrypted victim columns (the keys are cases.* column names). */
  victimColumns(v: VictimFields): Record<string, unknown> {
    return {
      given_names_enc: this.cipher.encrypt(v.givenNames),
      family_names_enc: this.cipher.encrypt(v.familyNames),
      sex: v.sex,
      gender_identity_enc: this.cipher.encrypt(v.genderIdentity ?? null),
      date_of_birth_enc: this.cipher.encrypt(v.dateOfBirth ?? null),
      estimated_age: v.estimatedAge ?? null,
      nationality: v.nationality,
      languages: v.languages,
      contact_enc: v.contact && Object.keys(v.contact).length ? this.cipher.encryptJson(v.contact) : null,
      accompanying_children_count: v.accompanyingChildren?.count ?? 0,
      accompanying_children_ages: v.accompanyingChildren?.ages ?? [],
      name_dob_hash: this.nameDobHash(v.givenNames, v.familyNames, v.dateOfBirth),
    };
  }

  encrypt(value: string | null | undefined): string | null {
    return this.cipher.encrypt(value ?? null);
  }
}
