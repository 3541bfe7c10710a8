import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { POOL_TIMEOUT } from '../database/connection-guard';
import { constraintField } from './constraint-fields';
import { ProblemException, ProblemOptions } from './problem.exception';

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
}

/**
 * Maps anything thrown while serving a request to a problem. Database constraint violations are the
 * last line of defence for a rule, so they answer 409/422 naming the request field, never 500. A string
 * the database cannot store (22021, a NUL that got past the HTTP layer) is the client's: 400.
 */
// Unreachable or shutting down; no free pooled connection in time; a statement or idle transaction
// ended by the server's timeouts (57014, 25P03): the request was fine, the service is busy or away.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000',
  '08003', '08006', '57014', '25P03', POOL_TIMEOUT]);

export function toProblem(error: unknown): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  // The database (or Redis) is away: the client's request was fine; say so with 503 rather than 500.
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code
    ?? (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return new ProblemException(503, 'service_unavailable', { headers: { 'Retry-After': '5' } });
  if (error instanceof QueryFailedError) return fromDatabase(error.driverError as PgError);
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (error instanceof HttpException) return fromHttp(error);
  return undefined;
}

function fromDatabase(error: PgError): ProblemException | undefined {
  switch (error.code) {
    case '23505':
      return ProblemException.conflict('already_exists', fieldOf(error, 'is already in use', {
        es: 'ya está en uso', en: 'is already in use',
      }));
    case '23503':
      return ProblemException.unprocessable('reference_not_found', fieldOf(error, 'must name an existing record', {
        es: 'no corresponde a un registro existente', en: 'does not name an existing record',
      }));
    case '23514':
    case '23502':
    case '23P01':
      return ProblemException.unprocessable('constraint_violation', fieldOf(error, 'breaks a data rule', {
        es: 'no cumple una regla de los datos', en: 'breaks a data rule',
      }));
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
      return ProblemException.badRequest('validation_failed');
    case '40001':
    case '40P01':
      return ProblemException.conflict('conflict');
    case '55000':
      // Raised by the triggers that keep a pseudonymized case's personal data erased (migrations).
      if (error.message !== 'case_pseudonymized') return undefined;
      return ProblemException.conflict('case_pseudonymized', { detail: {
        es: 'El caso fue seudonimizado al vencer su plazo de conservación: no admite datos personales nuevos',
        en: 'The case was pseudonymized when its retention period ended: it takes no new personal data',
      } });
    default:
      return undefined;
  }
}

/**
 * The field a violated constraint guards (errors[].path), never the constraint's, table's or column's
 * name: those are the database's, not the API's (PRODUCT.md section 13).
 */
function fieldOf(error: PgError, message: string, says: { es: string; en: string }): ProblemOptions {
  const path = constraintField(error.constraint);
  if (!path) return {};
  return { errors: [{ path, message }], detail: { es: `El campo ${path} ${says.es}`, en: `The field ${path} ${says.en}` } };
}

interface BodyParserError {
  type: string;
  status?: number;
  statusCode?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string'
    && ((error as BodyParserError).status !== undefined || (error as BodyParserError).statusCode !== undefined);
}

function fromBodyParser(error: BodyParserError): ProblemException {
  switch (error.type) {
    case 'entity.parse.failed':
      return ProblemException.badRequest('malformed_json');
    case 'entity.too.large':
      return new ProblemException(413, 'payload_too_large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemException(415, 'unsupported_media_type');
    default:
      return ProblemException.badRequest('validation_failed');
  }
}

function fromHttp(error: HttpException): ProblemException {
  const status = error.getStatus();
  const codes: Record<number, string> = {
    400: 'validation_failed',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'route_not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    429: 'rate_limited',
    503: 'service_unavailable',
  };
  return new ProblemException(status, codes[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed'));
}
