import { Injectable } from '@nestjs/common';
import { ProblemException, ProblemFieldError } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { CaseErrorCode } from './case.exception';

/**
 * Consent to share with named agencies (PRODUCT.md section 4) names agencies that exist: a code that
 * is no agency is refused with 422 `unknown_agency` at its path (issue 9, finding 8), before anything
 * is written. Read through the caller's manager: it runs inside the request's transaction.
 */
@Injectable()
export class ConsentAgencies {
  async requireKnown(m: EntityManager, codes: readonly string[] | undefined, path: string): Promise<void> {
    if (!codes?.length) return;
    const rows: { code: string }[] = await m.query(`SELECT code FROM agencies WHERE code = ANY($1::text[])`, [codes]);
    const known = new Set(rows.map((r) => r.code));
    const errors: ProblemFieldError[] = codes.flatMap((code, i) => (known.has(code) ? [] : [{ path: `${path}[${i}]`, message: `is not an agency: ${code}` }]));
    if (errors.length) throw ProblemException.unprocessable(CaseErrorCode.UnknownAgency, { errors });
  }
}
