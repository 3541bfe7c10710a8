import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { pickLocale } from '@ruta/core';
import type { Request } from 'express';
import { map, Observable } from 'rxjs';

type Localized = { es: string; en: string };

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).es === 'string'
    && typeof (value as Localized).en === 'string' && Object.keys(value).length === 2;
}

/**
 * Replaces each screening dimension's bilingual `reason` with the caller's language, wherever a result
 * appears. It runs on every response, so it copies only what it changes: a body without a screening
 * result comes back as the same object, with nothing allocated (bench/README.md).
 */
export function localizeScreeningReasons(body: unknown, locale: 'es' | 'en'): unknown {
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return body;
  if (Array.isArray(body)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < body.length; i++) {
      const next = localizeScreeningReasons(body[i], locale);
      if (next !== body[i]) (out ??= [...body])[i] = next;
    }
    return out ?? body;
  }
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[key];
    let next = value;
    if (key === 'dimensions' && Array.isArray(value) && value.some((d) => isLocalized((d as { reason?: unknown } | null)?.reason))) {
      next = value.map((d) => (isLocalized((d as { reason?: unknown } | null)?.reason)
        ? { ...(d as object), reason: (d as { reason: Localized }).reason[locale] } : d));
    } else if (value !== null && typeof value === 'object') {
      next = localizeScreeningReasons(value, locale);
    }
    if (next !== value) (out ??= { ...(body as Record<string, unknown>) })[key] = next;
  }
  return out ?? body;
}

/**
 * The screening explanation is stored in both languages (a stored result never changes); responses carry
 * the one the caller asked for with Accept-Language (Spanish by default), like every human-readable text.
 */
@Injectable()
export class ScreeningLanguageInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const locale = pickLocale(ctx.switchToHttp().getRequest<Request>().headers['accept-language']);
    return next.handle().pipe(map((body) => (body && typeof body === 'object' && !(body as { getStream?: unknown }).getStream
      ? localizeScreeningReasons(body, locale) : body)));
  }
}
