import { CanActivate, ExecutionContext, Injectable, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { missingRequired } from '../errors/validation';

/** Request bodies (PRODUCT.md section 13): JSON up to 1 MB, multipart only where a route declares it. */
export const JSON_BODY_LIMIT = '1mb';
export const MAX_JSON_DEPTH = 32;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const MULTIPART = 'multipart/form-data';
// Route metadata written by @nestjs/swagger's @ApiBody and @ApiConsumes: the contract the OpenAPI document
// shows is also the one enforced here.
const API_PARAMETERS = 'swagger/apiParameters';
const API_CONSUMES = 'swagger/apiConsumes';

export function mediaType(req: Request): string | null {
  const header = req.headers['content-type'];
  return header ? header.split(';')[0].trim().toLowerCase() : null;
}

/** Whether the request carries a body at all (type-is' test, but an empty Content-Length counts as none). */
export function carriesBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/**
 * Before the body parser: a body that is neither JSON nor multipart, or is compressed (Content-Encoding),
 * is refused with 415 (multipart is checked against the route later, when the route is known). A NUL in
 * the path or the query string (the only way to send one there is %00) is refused with 400.
 */
export function refuseForeignInput(req: Request, _res: Response, next: NextFunction): void {
  if (/%00/i.test(req.originalUrl ?? req.url)) return next(nulProblem());
  if (carriesBody(req)) {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      return next(new ProblemException(415, 'unsupported_media_type', {
        detail: { es: 'El cuerpo de la solicitud no puede venir comprimido', en: 'The request body must not be compressed' },
      }));
    }
    const type = mediaType(req);
    if (type === null || (!JSON_TYPE.test(type) && type !== MULTIPART)) {
      return next(new ProblemException(415, 'unsupported_media_type', {
        detail: { es: 'El cuerpo de la solicitud debe ser application/json', en: 'The request body must be application/json' },
      }));
    }
  }
  next();
}

/**
 * After the JSON parser, before routing and every guard:
 * a NUL character in any string or key, or nesting deeper than MAX_JSON_DEPTH, is refused with 400.
 * Iterative, so that a hostile nesting cannot exhaust the stack here.
 */
export function refuseHostileJson(req: Request, _res: Response, next: NextFunction): void {
  const found = inspect(req.body);
  if (found === 'nul') return next(nulProblem());
  if (found === 'depth') {
    return next(ProblemException.badRequest('nesting_too_deep', {
      detail: {
        es: `El JSON tiene más de ${MAX_JSON_DEPTH} niveles de anidación`,
        en: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`,
      },
    }));
  }
  next();
}

function inspect(root: unknown): 'nul' | 'depth' | null {
  if (root === null || typeof root !== 'object') return typeof root === 'string' && root.includes('\0') ? 'nul' : null;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return 'depth';
    const entries = Array.isArray(value) ? value : Object.entries(value as Record<string, unknown>).flat();
    for (const item of entries) {
      if (typeof item === 'string') {
        if (item.includes('\0')) return 'nul';
      } else if (item !== null && typeof item === 'object') {
        stack.push([item, depth + 1]);
      }
    }
  }
  return null;
}

function nulProblem(): ProblemException {
  return ProblemException.badRequest('nul_character', {
    detail: { es: 'La solicitud contiene un carácter NUL', en: 'The request contains a NUL character' },
  });
}

interface BodyContract {
  /** The route reads a body: a @Body() parameter, or an @ApiBody declaration (a guard reads it). */
  takesBody: boolean;
  /** An update (PATCH, PUT), or a body whose validation an empty object would fail: a missing body is refused. */
  requiresBody: boolean;
  multipart: boolean;
}

const contracts = new WeakMap<object, BodyContract>();

function contractOf(controller: Type<unknown>, handler: (...args: unknown[]) => unknown): BodyContract {
  const cached = contracts.get(handler);
  if (cached) return cached;
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const update = method === RequestMethod.PATCH || method === RequestMethod.PUT;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, { index: number }>;
  const paramTypes = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, handler.name) ?? []) as unknown[];
  const bodyArg = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
  const declared = ((Reflect.getMetadata(API_PARAMETERS, handler) ?? []) as { in?: string; type?: unknown }[]).find((p) => p.in === 'body');
  const consumes = [...((Reflect.getMetadata(API_CONSUMES, handler) ?? []) as string[]), ...((Reflect.getMetadata(API_CONSUMES, controller) ?? []) as string[])];
  const dto = bodyArg ? paramTypes[bodyArg[1].index] : declared?.type;
  const contract: BodyContract = {
    takesBody: Boolean(bodyArg || declared),
    requiresBody: update || (typeof dto === 'function' && dto !== Object && requiresFields(dto as Type<object>)),
    multipart: consumes.includes(MULTIPART),
  };
  contracts.set(handler, contract);
  return contract;
}

function requiresFields(dto: Type<object>): boolean {
  const empty = plainToInstance(dto, {});
  return validateSync(empty).length > 0 || missingRequired(empty).length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The body a route's handler declares (PRODUCT.md section 13), checked once for every route before access
 * and sign-in guards: a route that takes no body refuses one with fields (an empty {} or none is fine);
 * a route that takes one refuses an array or none at all when its fields are required (an empty body
 * stands for {} otherwise); multipart only on routes that declare it (415).
 */
@Injectable()
export class BodyContractGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const contract = contractOf(ctx.getClass(), ctx.getHandler() as (...args: unknown[]) => unknown);
    const type = carriesBody(req) ? mediaType(req) : null;
    if (type === MULTIPART) {
      if (!contract.multipart) {
        throw new ProblemException(415, 'unsupported_media_type', {
          detail: { es: 'Esta ruta solo acepta application/json', en: 'This route only accepts application/json' },
        });
      }
      return true;
    }
    const body: unknown = req.body;
    if (!contract.takesBody) {
      if (body === undefined || (isPlainObject(body) && Object.keys(body).length === 0)) return true;
      throw ProblemException.badRequest('body_not_allowed', {
        errors: isPlainObject(body) ? Object.keys(body).map((path) => ({ path, message: 'property should not exist' })) : undefined,
        detail: { es: 'Esta ruta no recibe datos en el cuerpo', en: 'This route takes no request body' },
      });
    }
    if (body === undefined) {
      if (contract.requiresBody) {
        throw ProblemException.badRequest('body_required', {
          detail: { es: 'Falta el cuerpo JSON de la solicitud', en: 'The JSON request body is missing' },
        });
      }
      if (!contract.multipart) req.body = {};
      return true;
    }
    if (!isPlainObject(body)) {
      throw ProblemException.badRequest('validation_failed', {
        errors: [{ path: '$', message: 'the body must be a JSON object' }],
        detail: { es: 'El cuerpo debe ser un objeto JSON', en: 'The body must be a JSON object' },
      });
    }
    return true;
  }
}
