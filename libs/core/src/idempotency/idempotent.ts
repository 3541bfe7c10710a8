import { applyDecorators, CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, Observable } from 'rxjs';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { IdempotencyService } from './idempotency.service';

/*
 * Idempotency-Key (PRODUCT.md section 13) on the routes marked @Idempotent(): the same key and body give the
 * original answer (with `Idempotent-Replayed: true`), the same key with another body 422, and a key whose
 * first request is still running 409. The handler runs in the transaction that stores its answer, and takes
 * that transaction with @IdempotentTransaction().
 */

const IDEMPOTENT = 'ruta:idempotent';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED = 'Idempotent-Replayed';

/** The answer header of an idempotent route, for its success response's `headers`. */
export const IDEMPOTENT_REPLAYED_HEADER = {
  [IDEMPOTENT_REPLAYED]: { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key and body', schema: { type: 'string', enum: ['true'] } },
};

export const Idempotent = () => applyDecorators(
  SetMetadata(IDEMPOTENT, true),
  ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'Same key and body: the original answer (Idempotent-Replayed: true); another body: 422; while the first runs: 409' }),
);

const transactions = new WeakMap<Request, EntityManager>();

/** The transaction in which an @Idempotent() route does its work (its answer is stored in it). */
export const IdempotentTransaction = createParamDecorator((_: unknown, ctx: ExecutionContext): EntityManager => {
  const m = transactions.get(ctx.switchToHttp().getRequest<Request>());
  if (!m) throw new Error(`@IdempotentTransaction() on ${ctx.getClass().name}.${ctx.getHandler().name}, which is not @Idempotent()`);
  return m;
});

/**
 * The scope of a key: the user and the request's route with its path parameters (record ids, in the
 * lower case ParseIdPipe gives them), e.g. `POST /cases/<id>/referrals`.
 */
function routeOf(context: ExecutionContext, req: Request): string {
  const parts = [Reflect.getMetadata(PATH_METADATA, context.getClass()), Reflect.getMetadata(PATH_METADATA, context.getHandler())]
    .map((p: string | undefined) => (p ?? '').replace(/^\/+|\/+$/g, '')).filter(Boolean);
  const path = `/${parts.join('/')}`.replace(/:(\w+)/g, (_, name: string) => String(req.params[name] ?? '').toLowerCase());
  return `${req.method} ${path}`;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const res = context.switchToHttp().getResponse<Response>();
    const scope = { userId: req.user!.id, route: routeOf(context, req), key: req.header(IDEMPOTENCY_KEY_HEADER), body: req.body as unknown };
    return from(this.idempotency.run(scope, async (m) => {
      transactions.set(req, m);
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      return { status: res.statusCode, body };
    })).pipe(map((result) => {
      res.status(result.status);
      if (result.replayed) res.setHeader(IDEMPOTENT_REPLAYED, 'true');
      return result.body;
    }));
  }
}
