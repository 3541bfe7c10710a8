import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { CommonErrorCode } from '../errors/problem-messages';
import { ProblemException } from '../errors/problem.exception';

/*
 * Versioned records (PRODUCT.md section 13): answers carry `ETag: "<version>"`, updates send it back as
 * If-Match (missing 428, stale 409 version_conflict).
 */

const ETAGGED = 'ruta:etagged';

export function etag(version: number): string {
  return `"${version}"`;
}

function ifMatchVersion(header: string): number {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'If-Match', message: 'must be the version ETag, e.g. "3"' }] });
  return Number(match[1]);
}

/** If-Match with the record's version: missing 428, malformed 400. */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw ProblemException.preconditionRequired();
  return ifMatchVersion(header);
}

/** If-Match where it may be left out (a shelter's update): the version, or undefined; malformed 400. */
export function optionalIfMatch(header: string | undefined): number | undefined {
  return header === undefined ? undefined : ifMatchVersion(header);
}

/**
 * The route answers a versioned record: its ETag is the `version` of the body it returns (a replayed
 * answer's too). Declare the header in the route's success response with ETAG_HEADER.
 */
export const ETagged = () => applyDecorators(SetMetadata(ETAGGED, true));

/** Sets ETag on the routes marked @ETagged(), from the answer's `version`. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(ETAGGED, context.getHandler())) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((body: unknown) => {
      const version = (body as { version?: unknown } | null)?.version;
      if (typeof version !== 'number' || !Number.isInteger(version)) {
        throw new Error(`${context.getClass().name}.${context.getHandler().name} is @ETagged() but answered no integer version`);
      }
      res.setHeader('ETag', etag(version));
      return body;
    }));
  }
}
