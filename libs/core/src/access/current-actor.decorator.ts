import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { clientRequestIdOf } from '../http/request-id';
import { Actor, RequestMeta } from './actor';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: Actor }>();
  if (!req.user) throw ProblemException.unauthorized();
  return req.user;
});

export function requestMeta(req: Request): RequestMeta {
  return { requestId: req.id ? String(req.id) : null, clientAddress: req.ip ?? null, clientRequestId: clientRequestIdOf(req) };
}

export const CurrentRequest = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  requestMeta(ctx.switchToHttp().getRequest<Request>()));
