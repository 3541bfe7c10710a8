import { CommonErrorCode, ProblemException } from '@ruta/core';

/** If-Match with the record's version: missing 428, malformed 400 (PRODUCT.md section 13). */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw ProblemException.preconditionRequired();
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'If-Match', message: 'must be the version ETag, e.g. "3"' }] });
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
