import { CaseRecordMapper } from '@ruta/case';
import { FieldCipher } from '@ruta/core';
import { Client } from 'pg';
import { screeningVariants } from './screenings';
import { textArray } from './sql';
import * as T from './texts';

/**
 * The pools of encrypted values, sealed once per run by the application's cipher and keyed hash
 * (FieldCipher, CaseRecordMapper). Text pools go into the statements as array constants (a constant is
 * read in place, where a large array read from a table would be detoasted on every row); dates of birth and
 * screenings are session tables joined by key.
 */
export class Pools {
  private readonly mapper: CaseRecordMapper;
  private readonly arrays: Record<string, string[]>;

  constructor(private readonly cipher: FieldCipher) {
    this.mapper = new CaseRecordMapper(cipher);
    this.arrays = this.textPools();
  }

  private textPools(): Record<string, string[]> {
    const enc = (values: string[]) => values.map((v) => this.cipher.encrypt(v));
    const json = (values: unknown[]) => values.map((v) => this.cipher.encryptJson(v)!);
    const pools: Record<string, string[]> = {
      given_female: enc(T.GIVEN_NAMES_FEMALE),
      given_male: enc(T.GIVEN_NAMES_MALE),
      family: enc(T.FAMILY_NAMES),
      gender_identity: enc(T.GENDER_IDENTITIES),
      contact: json(T.CONTACTS),
      place: enc(T.PLACES),
      child_view: enc(T.CHILD_VIEWS),
      guardian: json(T.GUARDIANS),
      rationale_submit: enc(T.RATIONALES.submit),
      rationale_recognize: enc(T.RATIONALES.recognize),
      rationale_not_recognize: enc(T.RATIONALES.not_recognize),
      rationale_request_information: enc(T.RATIONALES.request_information),
      plan_reason: enc([T.PLAN_REASON]),
      referral_reason: enc(T.REFERRAL_REASONS),
      override: enc(T.OVERRIDE_JUSTIFICATIONS),
      decline: enc(T.DECLINE_REASONS),
      no_place: enc([T.NO_PLACE_REASON]),
      cancel: enc(T.CANCEL_REASONS),
      outcome: enc(T.REFERRAL_OUTCOMES),
      risk: json(T.RISK_ASSESSMENTS),
      visa_number: enc(T.VISA_NUMBERS),
      visa_deny: enc(T.VISA_DENY_REASONS),
      visa_withdraw: enc(T.VISA_WITHDRAW_REASONS),
      checkin_notes: enc(T.CHECKIN_NOTES),
      new_needs: enc(T.NEW_NEEDS),
    };
    for (const [form, texts] of Object.entries(T.CIRCUMSTANCES)) pools[`circumstances_${form}`] = enc(texts);
    for (const [type, numbers] of Object.entries(T.DOCUMENT_NUMBERS)) {
      pools[`doc_${type}`] = enc(numbers);
      pools[`doc_${type}_hash`] = numbers.map((n) => this.mapper.documentHash(n));
    }
    return pools;
  }

  /** Element `index` (a non-negative SQL integer expression, wrapped around the pool's length) of a pool. */
  pick(name: string, index: string): string {
    const values = this.arrays[name];
    if (!values) throw new Error(`no pool ${name}`);
    return `(${textArray(values)})[1 + ((${index})::bigint % ${values.length})]`;
  }

  /** The pool's values as a SQL text[] constant. */
  array(name: string): string {
    return textArray(this.arrays[name]);
  }

  /**
   * Session tables: `dob_pool (d, enc)` with every date from `firstBirth` to `lastDate` encrypted, and
   * `screening_pool (key, outcome, is_minor, child_protection, answers_enc, result)`.
   */
  async load(client: Client, firstBirth: string, lastDate: string): Promise<void> {
    const dates: string[] = [];
    for (let d = new Date(`${firstBirth}T00:00:00Z`); d.toISOString().slice(0, 10) <= lastDate; d.setUTCDate(d.getUTCDate() + 1)) {
      dates.push(d.toISOString().slice(0, 10));
    }
    await client.query(`CREATE TEMP TABLE dob_pool (d date PRIMARY KEY, enc text NOT NULL)`);
    await client.query(`INSERT INTO dob_pool SELECT * FROM unnest($1::date[], $2::text[])`, [dates, dates.map((d) => this.cipher.encrypt(d))]);

    const variants = screeningVariants();
    await client.query(`CREATE TEMP TABLE screening_pool (key text PRIMARY KEY, outcome text NOT NULL, is_minor boolean NOT NULL,
      child_protection boolean NOT NULL, answers_enc text NOT NULL, result jsonb NOT NULL)`);
    await client.query(`INSERT INTO screening_pool SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::boolean[], $5::text[], $6::jsonb[])`, [
      variants.map((v) => v.key), variants.map((v) => v.outcome), variants.map((v) => v.isMinor),
      variants.map((v) => v.result.childProtectionImmediate), variants.map((v) => this.cipher.encrypt(JSON.stringify(v.answers))),
      variants.map((v) => JSON.stringify(v.result)),
    ]);
    await client.query(`ANALYZE dob_pool; ANALYZE screening_pool`);
  }

  /** The keyed hash of normalized names and date of birth (duplicate search), as intake computes it. */
  nameDobHash(givenNames: string, familyNames: string, dateOfBirth: string): string {
    return this.mapper.nameDobHash(givenNames, familyNames, dateOfBirth)!;
  }
}
